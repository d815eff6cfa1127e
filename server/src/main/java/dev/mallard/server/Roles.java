package dev.mallard.server;

import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.catalog.Role;
import dev.mallard.catalog.system.SystemCatalog;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration's users are bootstrap roles: each is created in the system catalog when it
 * does not exist yet (plaintext passwords become SCRAM verifiers). Once it exists, SQL owns it:
 * ALTER ROLE and DROP ROLE changes are kept, and a dropped user is created again at the next start.
 */
final class Roles {
  private static final Logger log = LoggerFactory.getLogger(Roles.class);

  private Roles() {}

  static void bootstrap(SystemCatalog catalog, List<MallardConfig.User> users) {
    for (MallardConfig.User u : users) {
      if (catalog.find(u.name()).isPresent()) {
        continue;
      }
      String verifier =
          u.scramVerifier() != null
              ? u.scramVerifier()
              : ScramVerifier.create(u.password()).encode();
      if (catalog.ensureRole(new Role(u.name(), u.superuser(), true, verifier))) {
        log.info("created role {} from the configuration", u.name());
      }
    }
  }
}
