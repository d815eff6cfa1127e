package dev.mallard.server;

import dev.mallard.auth.OwnerOnlyFiles;
import dev.mallard.auth.PasswordFile;
import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.catalog.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The superuser {@code postgres} that every server has, so that a fresh install can be used at
 * once without ever having a known default password. Its password is, in order: MALLARD_PASSWORD
 * (which then replaces the stored one), the one stored in {@code <dataDir>/postgres.password}, or
 * a new random one that is stored there (mode 0600) and announced once on standard output.
 */
final class BootstrapSuperuser {
  static final String NAME = "postgres";
  static final String FILE_NAME = "postgres.password";
  static final String ENV_PASSWORD = "MALLARD_PASSWORD";

  private static final Logger log = LoggerFactory.getLogger(BootstrapSuperuser.class);

  private BootstrapSuperuser() {}

  /**
   * The superuser's password, creating or updating the password file as needed.
   *
   * @param fromEnv MALLARD_PASSWORD, or null/empty when unset
   * @param announce where a generated password is printed (standard output)
   */
  static String password(Path dataDir, String fromEnv, PrintStream announce) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      if (!fromEnv.equals(fromEnv.strip()) || fromEnv.contains("\n")) {
        throw new IOException(ENV_PASSWORD + " must be one line without surrounding spaces");
      }
      if (!Files.exists(file) || !fromEnv.equals(Files.readString(file).strip())) {
        OwnerOnlyFiles.write(file, (fromEnv + "\n").getBytes(StandardCharsets.UTF_8));
        log.info("password of superuser {} set from {}, stored in {}", NAME, ENV_PASSWORD, file);
      }
      return fromEnv;
    }
    boolean[] generated = {false};
    String password =
        PasswordFile.readOrCreate(
            file,
            () -> {
              generated[0] = true;
              return PasswordFile.generatePassword();
            });
    if (generated[0]) {
      announce.println(
          "generated password for superuser " + NAME + ": " + password + " (stored in " + file
              + "; set " + ENV_PASSWORD + " to choose another)");
      announce.flush();
    }
    return password;
  }

  /** The superuser's role, with a fresh SCRAM verifier for {@code password}. */
  static Role role(String password) {
    return new Role(NAME, true, true, ScramVerifier.create(password).encode());
  }
}
