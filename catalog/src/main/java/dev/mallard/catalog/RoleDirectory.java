package dev.mallard.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where roles are looked up at login and for pg_catalog: the durable system catalog, or a fixed
 * set of roles (tests, embedded use).
 */
public interface RoleDirectory {
  Optional<Role> find(String name);

  Collection<Role> all();

  /** Every direct membership, as pg_auth_members lists them. */
  default List<Membership> memberships() {
    return List.of();
  }

  /** One row of pg_auth_members: {@code memberOid} is a member of {@code roleOid}. */
  record Membership(int roleOid, int memberOid, boolean adminOption) {}
}
