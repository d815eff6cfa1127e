package dev.mallard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {
  @TempDir Path dir;

  @Test
  void createsOnceThenReads() throws IOException {
    Path file = dir.resolve("secrets/superuser.password");
    assertEquals("first-secret", PasswordFile.readOrCreate(file, () -> "first-secret"));
    assertEquals("first-secret\n", Files.readString(file));
    assertEquals(
        "first-secret",
        PasswordFile.readOrCreate(
            file,
            () -> {
              throw new AssertionError("generator must not run when the file exists");
            }));
  }

  @Test
  void fileIsOwnerOnly() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path file = dir.resolve("pw");
    PasswordFile.readOrCreate(file, PasswordFile::generatePassword);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertFalse(OwnerOnlyFiles.isAccessibleByOthers(file));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertTrue(OwnerOnlyFiles.isAccessibleByOthers(file));
  }

  @Test
  void surroundingWhitespaceIsNotPartOfTheSecret() throws IOException {
    Path file = dir.resolve("pw");
    Files.writeString(file, "  s3cret \r\n");
    assertEquals("s3cret", PasswordFile.readOrCreate(file, () -> "unused"));
  }

  @Test
  void blankFileIsAnError() throws IOException {
    Path file = dir.resolve("pw");
    Files.writeString(file, " \n");
    assertThrows(IOException.class, () -> PasswordFile.readOrCreate(file, () -> "unused"));
  }

  @Test
  void generatorMustProduceOneLine() {
    Path file = dir.resolve("pw");
    assertThrows(
        IllegalArgumentException.class, () -> PasswordFile.readOrCreate(file, () -> "a\nb"));
    assertThrows(IllegalArgumentException.class, () -> PasswordFile.readOrCreate(file, () -> ""));
    assertTrue(Files.notExists(file));
  }

  @Test
  void generatedPasswordsAreUrlSafeAndDistinct() {
    String a = PasswordFile.generatePassword();
    String b = PasswordFile.generatePassword();
    assertTrue(a.matches("[A-Za-z0-9_-]{24}"), a);
    assertTrue(b.matches("[A-Za-z0-9_-]{24}"), b);
    assertNotEquals(a, b);
  }
}
