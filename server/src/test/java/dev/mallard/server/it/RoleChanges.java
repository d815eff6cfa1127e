package dev.mallard.server.it;

import dev.mallard.server.it.CatalogModel.Membership;
import dev.mallard.server.it.CatalogModel.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Random role statements that are valid in the model's state: CREATE ROLE (sometimes IN ROLE, so
 * that one statement makes a role and a membership), ALTER ROLE of attributes and password,
 * DROP ROLE (which takes the role's memberships with it), GRANT role [WITH ADMIN OPTION] and
 * REVOKE. Roles come from a small pool so that names are reused after a drop; memberships only go
 * from a lower pool index to a higher one, so no statement is refused as circular.
 */
final class RoleChanges {
  static final String PREFIX = "crash_r";
  private static final int POOL = 6;

  private final Random random;
  private final AtomicInteger passwords = new AtomicInteger();

  RoleChanges(Random random) {
    this.random = random;
  }

  static String name(int i) {
    return PREFIX + i;
  }

  CatalogChange next(CatalogModel model) {
    while (true) {
      int i = random.nextInt(POOL);
      String name = name(i);
      boolean exists = model.roles().containsKey(name);
      int kind = random.nextInt(10);
      if (!exists) {
        return create(model, i);
      }
      if (kind < 3) {
        return alter(model, name);
      }
      if (kind < 4) {
        return new CatalogChange("DROP ROLE " + name, model.withoutRole(name));
      }
      CatalogChange membership = kind < 8 ? grant(model, i) : revoke(model, i);
      if (membership != null) {
        return membership;
      }
    }
  }

  private Role randomRole() {
    int limit = random.nextBoolean() ? -1 : 1 + random.nextInt(5); // 0 would refuse the check's login
    return new Role(random.nextInt(4) > 0, random.nextBoolean(), limit,
        "pw-" + passwords.incrementAndGet());
  }

  private static String attributes(Role r) {
    return (r.login() ? " LOGIN" : " NOLOGIN") + (r.createdb() ? " CREATEDB" : " NOCREATEDB")
        + " CONNECTION LIMIT " + r.connectionLimit() + " PASSWORD '" + r.password() + "'";
  }

  private CatalogChange create(CatalogModel model, int i) {
    String name = name(i);
    Role role = randomRole();
    CatalogModel after = model.withRole(name, role);
    List<String> parents = existingBelow(model, i);
    String sql = "CREATE ROLE " + name + attributes(role);
    if (!parents.isEmpty() && random.nextBoolean()) {
      String parent = parents.get(random.nextInt(parents.size()));
      sql += " IN ROLE " + parent;
      after = after.withMembership(new Membership(parent, name), false);
    }
    return new CatalogChange(sql, after);
  }

  private CatalogChange alter(CatalogModel model, String name) {
    Role role = randomRole();
    return new CatalogChange("ALTER ROLE " + name + attributes(role), model.withRole(name, role));
  }

  /** GRANT a role with a lower index to role i, when i is not a member yet. */
  private CatalogChange grant(CatalogModel model, int i) {
    List<String> candidates = new ArrayList<>();
    for (String parent : existingBelow(model, i)) {
      if (!model.memberships().containsKey(new Membership(parent, name(i)))) {
        candidates.add(parent);
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    String parent = candidates.get(random.nextInt(candidates.size()));
    boolean admin = random.nextBoolean();
    return new CatalogChange(
        "GRANT " + parent + " TO " + name(i) + (admin ? " WITH ADMIN OPTION" : ""),
        model.withMembership(new Membership(parent, name(i)), admin));
  }

  private CatalogChange revoke(CatalogModel model, int i) {
    List<Membership> held = model.memberships().keySet().stream()
        .filter(m -> m.member().equals(name(i))).sorted().toList();
    if (held.isEmpty()) {
      return null;
    }
    Membership m = held.get(random.nextInt(held.size()));
    return new CatalogChange("REVOKE " + m.role() + " FROM " + m.member(),
        model.withoutMembership(m));
  }

  private static List<String> existingBelow(CatalogModel model, int i) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < i; j++) {
      if (model.roles().containsKey(name(j))) {
        names.add(name(j));
      }
    }
    return names;
  }
}
