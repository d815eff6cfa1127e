package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the system catalog: the real server runs in a process of its own, one client
 * changes roles as fast as it can, and the process is killed with SIGKILL at a random moment. After
 * each restart the catalog must hold exactly what the acknowledged statements made, plus possibly
 * the one statement in flight when the process died (all of it or none of it), its file must be
 * structurally sound, and every role must log in as its attributes and password say.
 *
 * <p>The workload is a {@link RoleChanges}; database changes can be added to it as another source
 * of {@link CatalogChange}s once CREATE DATABASE exists, with {@link CatalogModel} and {@link
 * CatalogInspection} extended to pg_database.
 */
class CatalogCrashTest {
  static final String PASSWORD = "crash-test-secret";
  /** Each round costs a server start (several seconds on a loaded machine). */
  static final int ROUNDS = 5;

  @Test
  void catalogSurvivesKillNineDuringRoleChanges() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    RoleChanges changes = new RoleChanges(random);
    Path dataDir = Files.createTempDirectory("mallard-crash");
    CatalogModel model = CatalogModel.empty();
    CatalogChange inFlight = null;
    int acknowledged = 0;
    int killedMidStatement = 0;
    int inFlightSurvived = 0;
    for (int round = 0; round <= ROUNDS; round++) {
      String where = "seed " + seed + ", round " + round;
      try (ServerProcess server = start(dataDir)) {
        CatalogModel found = verify(server, model, inFlight, where);
        inFlightSurvived += inFlight != null && found == inFlight.after() ? 1 : 0;
        model = found;
        if (round == ROUNDS) {
          break; // the last restart only checks what the last kill left
        }
        Workload run = new Workload(server.port, changes, model);
        Thread worker = new Thread(run, "crash-workload");
        worker.start();
        assertTrue(run.connected.await(60, TimeUnit.SECONDS), where + ": the workload did not log in");
        Thread.sleep(random.nextInt(1500));
        run.killed.set(true);
        server.kill();
        worker.join(30_000);
        if (run.unexpected != null) {
          fail(where + ": " + run.unexpected.getMessage() + "\n" + server.log(), run.unexpected);
        }
        acknowledged += run.acknowledged;
        killedMidStatement += run.inFlight != null ? 1 : 0;
        model = run.model;
        inFlight = run.inFlight;
      }
      List<String> faults = CatalogInspection.fileFaults(dataDir);
      assertTrue(faults.isEmpty(), where + ": " + faults);
    }
    System.out.printf("catalog crash test: seed %d, %d rounds, %d acknowledged changes,"
        + " %d kills during a statement, %d of those statements committed%n",
        seed, ROUNDS, acknowledged, killedMidStatement, inFlightSurvived);
    assertTrue(acknowledged >= ROUNDS, "the workload made progress: " + acknowledged);
  }

  private static ServerProcess start(Path dataDir) {
    // Rate limiting off: the check below tries passwords that may be out of date on purpose.
    return ServerProcess.start(dataDir, PASSWORD, "--login-max-failures", "0");
  }

  /**
   * Checks the restarted catalog against the model, or, when a statement was in flight at the
   * kill, against the model with it and without it. Returns the state found.
   */
  private static CatalogModel verify(ServerProcess server, CatalogModel model,
      CatalogChange inFlight, String where) throws SQLException {
    CatalogModel shown;
    try (Connection c = CatalogInspection.connect(server.port, "postgres", PASSWORD)) {
      assertEquals(List.of(), CatalogInspection.danglingMemberships(c), where);
      shown = CatalogInspection.shown(c);
    }
    List<CatalogModel> candidates =
        inFlight == null ? List.of(model) : List.of(inFlight.after(), model);
    for (CatalogModel candidate : candidates) {
      if (candidate.sameAttributes(shown) && CatalogInspection.loginsAgree(server.port, candidate)) {
        return candidate;
      }
    }
    return fail(where + ": the catalog after restart is neither the acknowledged state"
        + (inFlight == null ? "" : " nor that plus the statement in flight (" + inFlight.sql() + ")")
        + "\nexpected " + model + "\nfound    " + shown + "\n" + server.log());
  }

  /** One client running role changes back to back until the server dies under it. */
  private static final class Workload implements Runnable {
    final AtomicBoolean killed = new AtomicBoolean();
    final CountDownLatch connected = new CountDownLatch(1);
    private final int port;
    private final RoleChanges changes;
    volatile CatalogModel model;
    volatile CatalogChange inFlight;
    volatile int acknowledged;
    volatile Exception unexpected;

    Workload(int port, RoleChanges changes, CatalogModel model) {
      this.port = port;
      this.changes = changes;
      this.model = model;
    }

    @Override
    public void run() {
      try (Connection c = CatalogInspection.connect(port, "postgres", PASSWORD);
          Statement s = c.createStatement()) {
        connected.countDown();
        while (true) {
          CatalogChange change = changes.next(model);
          inFlight = change;
          s.execute(change.sql());
          model = change.after();
          inFlight = null;
          acknowledged++;
        }
      } catch (SQLException e) {
        if (!killed.get()) {
          unexpected = e; // a refused statement, or the server failed before it was killed
        }
      } finally {
        connected.countDown(); // also when the login failed: the test then reports why
      }
    }
  }
}
