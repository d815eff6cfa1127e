package dev.mallard.server;

import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.catalog.Role;
import java.util.ArrayList;
import java.util.List;

/** Turns the configuration's users into login roles; plaintext passwords become SCRAM verifiers. */
final class Roles {
  private Roles() {}

  static List<Role> of(Role superuser, List<MallardConfig.User> users) {
    List<Role> roles = new ArrayList<>();
    roles.add(superuser);
    for (MallardConfig.User u : users) {
      String verifier =
          u.scramVerifier() != null
              ? u.scramVerifier()
              : ScramVerifier.create(u.password()).encode();
      roles.add(new Role(u.name(), u.superuser(), true, verifier));
    }
    return List.copyOf(roles);
  }
}
