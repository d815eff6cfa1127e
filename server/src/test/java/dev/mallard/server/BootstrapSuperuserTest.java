package dev.mallard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.catalog.Role;
import dev.mallard.catalog.system.RoleAttributes;
import dev.mallard.catalog.system.SystemCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapSuperuserTest {
  @TempDir Path dataDir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream announce = new PrintStream(out, true, StandardCharsets.UTF_8);

  private Path file() {
    return dataDir.resolve("postgres.password");
  }

  @Test
  void generatesStoresWithMode0600AndAnnouncesOnce() throws Exception {
    String first = BootstrapSuperuser.password(dataDir, null, announce);

    assertEquals(first, Files.readString(file()).strip());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("generated password for superuser postgres: " + first), printed);
    assertTrue(printed.contains(file().toString()), printed);

    out.reset();
    String second = BootstrapSuperuser.password(dataDir, "", announce);
    assertEquals(first, second, "later starts reuse the stored password");
    assertEquals("", out.toString(StandardCharsets.UTF_8), "the password is announced only once");
  }

  @Test
  void environmentPasswordWinsAndUpdatesTheFile() throws Exception {
    BootstrapSuperuser.password(dataDir, null, announce);
    out.reset();

    assertEquals("s3cret", BootstrapSuperuser.password(dataDir, "s3cret", announce));
    assertEquals("s3cret", Files.readString(file()).strip());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("s3cret"));

    assertEquals("s3cret", BootstrapSuperuser.password(dataDir, null, announce));
  }

  @Test
  void roleIsALoginSuperuserWithAScramVerifier() {
    Role role = BootstrapSuperuser.role("pw");
    assertEquals("postgres", role.name());
    assertTrue(role.superuser());
    assertTrue(role.canLogin());
    assertTrue(ScramVerifier.parse(role.scramVerifier()).verifyPassword("pw"));
  }

  private static boolean accepts(SystemCatalog c, String name, String password) {
    return ScramVerifier.parse(c.find(name).orElseThrow().scramVerifier()).verifyPassword(password);
  }

  @Test
  void installCreatesOid10OnceAndOnlyTheEnvironmentReplacesItsPassword() throws Exception {
    try (SystemCatalog c = SystemCatalog.open(dataDir)) {
      BootstrapSuperuser.install(c, "first", false);
      Role postgres = c.find("postgres").orElseThrow();
      assertEquals(Role.BOOTSTRAP_OID, postgres.oid());
      assertTrue(postgres.superuser() && postgres.canLogin() && postgres.createRole());
      assertTrue(accepts(c, "postgres", "first"));

      // ALTER ROLE postgres PASSWORD ... survives a start without MALLARD_PASSWORD
      c.alterRole("postgres", RoleAttributes.none()
          .withPassword(ScramVerifier.create("from-sql").encode()));
      BootstrapSuperuser.install(c, "first", false);
      assertTrue(accepts(c, "postgres", "from-sql"));

      BootstrapSuperuser.install(c, "from-env", true);
      assertTrue(accepts(c, "postgres", "from-env"));
      String verifier = c.find("postgres").orElseThrow().scramVerifier();
      BootstrapSuperuser.install(c, "from-env", true);
      assertEquals(verifier, c.find("postgres").orElseThrow().scramVerifier(),
          "an unchanged MALLARD_PASSWORD does not rewrite the verifier");
    }
  }

  @Test
  void configuredUsersAreCreatedWhenAbsentAndThenLeftToSql() throws Exception {
    try (SystemCatalog c = SystemCatalog.open(dataDir)) {
      List<MallardConfig.User> users = List.of(
          new MallardConfig.User("app", "app-pw", null, false),
          new MallardConfig.User("admin", null, ScramVerifier.create("admin-pw").encode(), true));
      Roles.bootstrap(c, users);
      assertTrue(accepts(c, "app", "app-pw"));
      assertTrue(accepts(c, "admin", "admin-pw"));
      assertTrue(c.find("admin").orElseThrow().superuser());
      assertFalse(c.find("app").orElseThrow().superuser());

      c.alterRole("app", RoleAttributes.none().withLogin(false)
          .withPassword(ScramVerifier.create("changed").encode()));
      Roles.bootstrap(c, users);
      assertTrue(accepts(c, "app", "changed"));
      assertFalse(c.find("app").orElseThrow().canLogin());
    }
  }
}
