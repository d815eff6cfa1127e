package dev.mallard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.catalog.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
