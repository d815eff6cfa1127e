package dev.mallard.catalog;

import dev.mallard.catalog.pg.PgCatalog;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;

/**
 * One database as clients name it: a single DuckDB instance in this process, shared by the
 * tenant's sessions, each of which gets its own connection through {@link
 * DuckDBConnection#duplicate()}. A DuckDB-file tenant's instance is its file; a DuckLake
 * tenant's is in memory, with the lake attached under the database's name and made the default
 * catalog of every connection ({@code USE}), so clients see its tables in {@code public}.
 */
public final class Tenant implements AutoCloseable {
  /** Per-database settings applied to the DuckDB instance (SET GLOBAL), not to sessions. */
  public static final Set<String> ENGINE_SETTINGS = Set.of("memory_limit", "threads", "temp_directory");

  private volatile Database database;
  private final TenantConfig config;
  /** Whether the instance was opened with DuckDB's guards ({@link TenantGuards}). */
  private final boolean guarded;
  private final DuckDBConnection root;
  private final PgCatalog pgCatalog;
  private final AtomicInteger sessions = new AtomicInteger();
  private volatile long idleSince = System.nanoTime();

  private Tenant(Database database, TenantConfig config, boolean guarded, DuckDBConnection root,
      PgCatalog pgCatalog) {
    this.database = database;
    this.config = config;
    this.guarded = guarded;
    this.root = root;
    this.pgCatalog = pgCatalog;
  }

  static Tenant open(Database database, TenantConfig config, PgCatalog.ServerObjects server) {
    String name = database.name();
    try {
      Properties props = new Properties();
      // Results are streamed batch by batch; DuckDB must not materialize them first.
      props.setProperty("jdbc_stream_results", "true");
      // Extensions come from this directory (provisioned offline, or filled by INSTALL online).
      props.setProperty("extension_directory", config.extensionDirectory().toString());
      String url = database.kind() == Database.Kind.DUCKDB
          ? "jdbc:duckdb:" + config.fileOf(name) : "jdbc:duckdb:";
      Connection c = DriverManager.getConnection(url, props);
      try {
        if (database.kind() == Database.Kind.DUCKLAKE) {
          attachLake(c, database, config.s3Defaults());
        }
        applyEngineSettings(c, database.settings());
        PgCatalog pg = PgCatalog.install(c, name, server);
        boolean guarded = TenantGuards.on(database, config);
        if (guarded) {
          TenantGuards.apply(c, database, config);
        }
        return new Tenant(database, config, guarded, c.unwrap(DuckDBConnection.class), pg);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new PgException(
          SqlState.IO_ERROR, "could not open database \"" + name + "\": " + e.getMessage(), e);
    }
  }

  private static void attachLake(Connection c, Database database, Map<String, String> s3Defaults)
      throws SQLException {
    List<String> statements =
        DuckLakeStorage.attachStatements(database.name(), database.options(), s3Defaults);
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
      s.execute("USE " + DuckLakeStorage.identifier(database.name()));
    }
  }

  private static void applyEngineSettings(Connection c, Map<String, String> settings)
      throws SQLException {
    for (Map.Entry<String, String> e : new TreeMap<>(settings).entrySet()) {
      if (ENGINE_SETTINGS.contains(e.getKey())) {
        applyEngineSetting(c, e.getKey(), e.getValue());
      }
    }
  }

  /** SET GLOBAL name = value, or RESET GLOBAL name when value is null. */
  static void applyEngineSetting(Connection c, String name, String value)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(value == null ? "RESET GLOBAL " + name
          : "SET GLOBAL " + name + " = " + DuckLakeStorage.literal(value));
    }
  }

  /**
   * Applies a changed per-database engine setting to the running instance at once (ALTER
   * DATABASE ... SET memory_limit / threads / temp_directory), then remembers the database's new
   * state; DuckDB refuses a bad value before anything changes.
   */
  synchronized void update(Database changed) {
    Database before = database;
    try {
      for (String name : ENGINE_SETTINGS) {
        String value = changed.settings().get(name);
        if (!java.util.Objects.equals(value, before.settings().get(name))) {
          applyEngineSetting(root, name, value);
        }
      }
    } catch (SQLException e) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE, e.getMessage(), e);
    }
    database = changed;
  }

  /**
   * Whether the database's sandbox setting no longer matches how the instance was opened: DuckDB's
   * guards cannot be turned on or off in a running instance, only by reopening it.
   */
  public boolean reopenPending() {
    return TenantGuards.on(database, config) != guarded;
  }

  public String name() {
    return database.name();
  }

  public Database database() {
    return database;
  }

  /** The pg_catalog / information_schema emulation installed in this tenant's instance. */
  public PgCatalog pgCatalog() {
    return pgCatalog;
  }

  /**
   * The settings sessions of this database start with (ALTER DATABASE ... SET statement_timeout),
   * applied before the client's own startup options, as PostgreSQL does.
   */
  public Map<String, String> sessionDefaults() {
    Map<String, String> defaults = new TreeMap<>(database.settings());
    defaults.keySet().removeAll(ENGINE_SETTINGS);
    defaults.remove(TenantGuards.SETTING);
    return defaults;
  }

  /**
   * Rewrites the server-wide objects (roles, databases) in this tenant's pg_catalog in one
   * transaction, so that concurrent readers see the old rows or the new, never none.
   */
  public synchronized void refreshServerObjects(PgCatalog.ServerObjects server)
      throws SQLException {
    root.setAutoCommit(false);
    try {
      PgCatalog.refreshServerObjects(root, database.name(), server);
      root.commit();
    } catch (SQLException | RuntimeException e) {
      root.rollback();
      throw e;
    } finally {
      root.setAutoCommit(true);
    }
  }

  /**
   * Counts a new session, within the database's CONNECTION LIMIT unless {@code exempt}
   * (superusers); 55000 when the database does not allow connections, 53300 beyond its limit.
   * The slot is given back by {@link #release()}, or by {@link #connect()} when it fails.
   */
  void admit(boolean exempt) {
    Database d = database;
    if (!d.allowConnections()) {
      throw PgException.fatal(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "database \"" + d.name() + "\" is not currently accepting connections");
    }
    int n = sessions.incrementAndGet();
    if (!exempt && d.connectionLimit() >= 0 && n > d.connectionLimit()) {
      release();
      throw PgException.fatal(SqlState.TOO_MANY_CONNECTIONS,
          "too many connections for database \"" + d.name() + "\"");
    }
  }

  /** A new connection to this tenant's DuckDB instance, for one admitted session. */
  public DuckDBConnection connect() {
    try {
      DuckDBConnection c = (DuckDBConnection) root.duplicate();
      if (database.kind() == Database.Kind.DUCKLAKE) {
        try (Statement s = c.createStatement()) {
          s.execute("USE " + DuckLakeStorage.identifier(database.name()));
        } catch (SQLException e) {
          c.close();
          throw e;
        }
      }
      return c;
    } catch (SQLException e) {
      release();
      throw new PgException(SqlState.CONNECTION_FAILURE, "could not connect: " + e.getMessage(), e);
    }
  }

  /** Called when a session's connection is closed. */
  public void release() {
    if (sessions.decrementAndGet() == 0) {
      idleSince = System.nanoTime();
    }
  }

  public int sessionCount() {
    return sessions.get();
  }

  /** Whether no session has used this instance for at least {@code nanos}. */
  boolean idleFor(long nanos) {
    return sessions.get() == 0 && System.nanoTime() - idleSince >= nanos;
  }

  /** Synchronized with {@link #refreshServerObjects}: the idle reaper may close it meanwhile. */
  @Override
  public synchronized void close() throws SQLException {
    root.close();
  }
}
