package dev.mallard.server.it;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the system catalog should hold, as the crash test's workload believes after each
 * acknowledged change: roles with their attributes and passwords, and memberships with their admin
 * option. Immutable; each change yields a new model. Databases join here when CREATE DATABASE
 * exists (a map of name to options, checked against pg_database).
 */
record CatalogModel(Map<String, Role> roles, Map<Membership, Boolean> memberships) {
  CatalogModel {
    roles = Map.copyOf(roles);
    memberships = Map.copyOf(memberships);
  }

  /** A role's attributes as pg_roles shows them, and its current password. */
  record Role(boolean login, boolean createdb, int connectionLimit, String password) {}

  /** {@code member} is a member of {@code role} (pg_auth_members' roleid and member). */
  record Membership(String role, String member) implements Comparable<Membership> {
    @Override
    public int compareTo(Membership o) {
      int c = role.compareTo(o.role);
      return c != 0 ? c : member.compareTo(o.member);
    }
  }

  static CatalogModel empty() {
    return new CatalogModel(Map.of(), Map.of());
  }

  CatalogModel withRole(String name, Role role) {
    Map<String, Role> r = new TreeMap<>(roles);
    r.put(name, role);
    return new CatalogModel(r, memberships);
  }

  /** DROP ROLE: the role goes, and every membership it takes part in with it. */
  CatalogModel withoutRole(String name) {
    Map<String, Role> r = new TreeMap<>(roles);
    r.remove(name);
    Map<Membership, Boolean> m = new TreeMap<>(memberships);
    m.keySet().removeIf(k -> k.role().equals(name) || k.member().equals(name));
    return new CatalogModel(r, m);
  }

  CatalogModel withMembership(Membership membership, boolean adminOption) {
    Map<Membership, Boolean> m = new TreeMap<>(memberships);
    m.put(membership, adminOption);
    return new CatalogModel(roles, m);
  }

  CatalogModel withoutMembership(Membership membership) {
    Map<Membership, Boolean> m = new TreeMap<>(memberships);
    m.remove(membership);
    return new CatalogModel(roles, m);
  }

  /** The same catalog contents, passwords aside (pg_roles does not show them). */
  boolean sameAttributes(CatalogModel other) {
    if (!roles.keySet().equals(other.roles.keySet()) || !memberships.equals(other.memberships)) {
      return false;
    }
    return roles.entrySet().stream().allMatch(e -> {
      Role a = e.getValue();
      Role b = other.roles.get(e.getKey());
      return a.login() == b.login() && a.createdb() == b.createdb()
          && a.connectionLimit() == b.connectionLimit();
    });
  }

  @Override
  public String toString() {
    return "roles " + new TreeMap<>(roles) + ", memberships " + new TreeMap<>(memberships);
  }
}
