package dev.mallard.server;

import dev.mallard.auth.ConstantTime;
import dev.mallard.auth.OwnerOnlyFiles;
import dev.mallard.auth.PasswordFile;
import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.catalog.Role;
import dev.mallard.catalog.system.SystemCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The superuser {@code postgres} that every server has, so that a fresh install can be used at
 * once without ever having a known default password. Its password is, in order: MALLARD_PASSWORD
 * (which then replaces the stored one), the one stored in {@code <dataDir>/postgres.password}, or
 * a new random one that is stored there (mode 0600) and announced once on standard output.
 *
 * <p>The role lives in the system catalog (OID 10, as in PostgreSQL). It is created with that
 * password on first start; afterwards MALLARD_PASSWORD, when set, replaces its password at each
 * start, and otherwise the password SQL last set (ALTER ROLE postgres PASSWORD ...) stays.
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
      if (!Files.exists(file) || !ConstantTime.equal(fromEnv, Files.readString(file).strip())) {
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

  /**
   * Creates the superuser in the system catalog when it is missing; when {@code replace} (the
   * password came from MALLARD_PASSWORD) and the stored verifier does not match, replaces it.
   */
  static void install(SystemCatalog catalog, String password, boolean replace) {
    Optional<Role> existing = catalog.find(NAME);
    if (existing.isEmpty()) {
      catalog.ensureRole(role(password).withOid(Role.BOOTSTRAP_OID));
      log.info("created superuser {} in the system catalog", NAME);
      return;
    }
    String verifier = existing.get().scramVerifier();
    if (replace && (verifier == null || !ScramVerifier.parse(verifier).verifyPassword(password))) {
      catalog.setVerifier(NAME, ScramVerifier.create(password).encode());
      log.info("password of superuser {} replaced from {}", NAME, ENV_PASSWORD);
    }
  }

  /** The superuser's role, with a fresh SCRAM verifier for {@code password}. */
  static Role role(String password) {
    return new Role(NAME, true, true, ScramVerifier.create(password).encode());
  }
}
