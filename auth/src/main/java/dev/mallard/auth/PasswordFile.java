package dev.mallard.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-line secret kept in a file readable only by the server's user, such as the bootstrap
 * superuser's generated password: created on first start so a fresh install is never left with a
 * known default password, and read back on later starts.
 */
public final class PasswordFile {
  private static final Logger log = LoggerFactory.getLogger(PasswordFile.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** 18 random bytes encode to exactly 24 base64url characters, i.e. 144 bits of entropy. */
  private static final int GENERATED_BYTES = 18;

  private PasswordFile() {}

  /**
   * The secret stored in {@code file}; if the file does not exist, a new secret from {@code
   * generator} is written to it (mode 0600) and returned. Surrounding whitespace is not part of the
   * secret.
   *
   * @throws IOException if the file cannot be read or written, or holds only whitespace
   */
  public static String readOrCreate(Path file, Supplier<String> generator) throws IOException {
    Objects.requireNonNull(generator, "generator");
    if (Files.exists(file)) {
      if (OwnerOnlyFiles.isAccessibleByOthers(file)) {
        log.warn("{} is readable by other users; it should have mode 0600", file);
      }
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        throw new IOException(file + " is empty");
      }
      return secret;
    }
    String secret = generator.get();
    if (secret == null
        || secret.isBlank()
        || !secret.equals(secret.strip())
        || secret.contains("\n")) {
      throw new IllegalArgumentException(
          "generated secret must be one line without surrounding spaces");
    }
    OwnerOnlyFiles.write(file, (secret + "\n").getBytes(StandardCharsets.UTF_8));
    return secret;
  }

  /** 24 URL-safe characters ({@code A-Z a-z 0-9 - _}) from a SecureRandom. */
  public static String generatePassword() {
    byte[] raw = new byte[GENERATED_BYTES];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
