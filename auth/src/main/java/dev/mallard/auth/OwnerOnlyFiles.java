package dev.mallard.auth;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writing secrets (private keys, generated passwords) so that only the server's own user can read
 * them, the rule PostgreSQL enforces for {@code server.key}. The file is written to a temporary
 * sibling created with mode 0600 and then moved into place, so it is never visible half-written or
 * with wider permissions. On file systems without POSIX permissions the mode is not set.
 */
public final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /** Writes {@code content} to {@code file} with mode 0600, creating parent directories. */
  public static void write(Path file, byte[] content) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp =
        Files.createTempFile(
            dir, "." + absolute.getFileName() + ".", ".tmp", ownerOnlyAttributes());
    try {
      Files.write(tmp, content);
      try {
        Files.move(
            tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Whether group or others may access {@code file}; always false where POSIX permissions do not
   * exist. Callers warn, as PostgreSQL refuses such key files.
   */
  public static boolean isAccessibleByOthers(Path file) throws IOException {
    if (!supportsPosix()) {
      return false;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    return perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
  }

  private static FileAttribute<?>[] ownerOnlyAttributes() {
    return supportsPosix()
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
        : new FileAttribute<?>[0];
  }

  private static boolean supportsPosix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
