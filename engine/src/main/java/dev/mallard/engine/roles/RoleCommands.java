package dev.mallard.engine.roles;

import dev.mallard.catalog.Role;
import dev.mallard.catalog.system.Passwords;
import dev.mallard.catalog.system.RoleAttributes;
import dev.mallard.catalog.system.SystemCatalog;
import dev.mallard.engine.QueryResult.Notice;
import dev.mallard.engine.roles.RoleStatement.Options;
import dev.mallard.engine.roles.RoleStatement.RoleSpec;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs role statements against the system catalog with PostgreSQL 15's authorization rules:
 * superusers may do anything; CREATEROLE covers every role that is not a superuser; a role may
 * change its own password; ADMIN OPTION on a role lets its holder grant and revoke it. Each
 * statement commits at once (the system catalog is not part of the session's DuckDB transaction),
 * then every open tenant's pg_catalog is refreshed.
 */
public final class RoleCommands {
  private final SystemCatalog catalog;
  private final Runnable changed;

  /** @param changed called after each change (refreshes the tenants' pg_catalog) */
  public RoleCommands(SystemCatalog catalog, Runnable changed) {
    this.catalog = catalog;
    this.changed = changed;
  }

  /** The system catalog role and privilege statements change. */
  public SystemCatalog catalog() {
    return catalog;
  }

  /** The OID of a session's role, which the session keeps (names change with RENAME); -1 if none. */
  public int oidOf(String user) {
    return catalog.find(user).map(Role::oid).orElse(-1);
  }

  /**
   * Executes {@code statement} as the session's role.
   *
   * @param sessionRoleOid from {@link #oidOf(String)} when the session started
   * @param timestamps reads a VALID UNTIL value in the session's time zone
   */
  public List<Notice> execute(RoleStatement statement, int sessionRoleOid,
      Function<String, Instant> timestamps) {
    return execute(statement, sessionRoleOid, timestamps, null);
  }

  /** @param objects finds the tables, schemas and databases GRANT and REVOKE ON name */
  public List<Notice> execute(RoleStatement statement, int sessionRoleOid,
      Function<String, Instant> timestamps, ObjectResolver objects) {
    List<Notice> notices = new ArrayList<>();
    Optional<Role> role = catalog.find(sessionRoleOid);
    if (statement instanceof RoleStatement.ObjectPrivileges
        || statement instanceof RoleStatement.DefaultPrivileges) {
      Role actor = role.orElseThrow(() -> denied("permission denied: the session's role was dropped"));
      if (objects == null) {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "object privileges need a database");
      }
      if (statement instanceof RoleStatement.ObjectPrivileges o) {
        new PrivilegeCommands(catalog).execute(o, actor, objects, notices);
      } else {
        new PrivilegeCommands(catalog).execute((RoleStatement.DefaultPrivileges) statement, actor, objects);
      }
      changed.run();
      return notices;
    }
    // A dropped role keeps its session (as in PostgreSQL) but holds no privileges any more.
    Actor actor = new Actor(role.map(Role::name).orElse(""), role);
    if (statement instanceof RoleStatement.Create c) {
      create(c, actor, timestamps, notices);
    } else if (statement instanceof RoleStatement.Alter a) {
      alter(a, actor, timestamps, notices);
    } else if (statement instanceof RoleStatement.Rename r) {
      rename(r, actor);
    } else if (statement instanceof RoleStatement.Drop d) {
      drop(d, actor, notices);
    } else if (statement instanceof RoleStatement.Grant g) {
      grant(g, actor, notices);
    } else if (statement instanceof RoleStatement.Revoke r) {
      revoke(r, actor, notices);
    }
    changed.run();
    return notices;
  }

  /** The role running the statement; absent when it was dropped while its session went on. */
  private record Actor(String name, Optional<Role> role) {
    boolean superuser() {
      return role.map(Role::superuser).orElse(false);
    }

    boolean createRole() {
      return superuser() || role.map(Role::createRole).orElse(false);
    }
  }

  private void create(RoleStatement.Create c, Actor actor, Function<String, Instant> timestamps,
      List<Notice> notices) {
    Options o = c.options();
    if (Boolean.TRUE.equals(o.attributes().superuser())) {
      requireSuperuser(actor, "must be superuser to create superusers");
    }
    if (Boolean.TRUE.equals(o.replication())) {
      requireSuperuser(actor, "must be superuser to create replication users");
    }
    if (Boolean.TRUE.equals(o.bypassRls())) {
      requireSuperuser(actor, "must be superuser to create bypassrls users");
    }
    if (!actor.createRole()) {
      throw denied("permission denied to create role");
    }
    for (String parent : o.inRoles()) {
      if (role(parent).superuser()) {
        requireSuperuser(actor, "must be superuser to alter superusers");
      }
    }
    catalog.createRole(c.name(), attributes(o, timestamps, notices), c.login(), o.inRoles(),
        o.members(), o.admins());
  }

  private void alter(RoleStatement.Alter a, Actor actor, Function<String, Instant> timestamps,
      List<Notice> notices) {
    Options o = a.options();
    Role target = role(a.role().resolve(actor.name()));
    if (target.superuser() || o.attributes().superuser() != null) {
      requireSuperuser(actor,
          "must be superuser to alter superuser roles or change superuser attribute");
    }
    // PostgreSQL 15 asks for a superuser whenever ALTER names these attributes, even NO...
    if (o.replication() != null) {
      requireSuperuser(actor,
          "must be superuser to alter replication roles or change replication attribute");
    }
    if (o.bypassRls() != null) {
      requireSuperuser(actor, "must be superuser to change bypassrls attribute");
    }
    if (target.oid() == Role.BOOTSTRAP_OID && Boolean.FALSE.equals(o.attributes().superuser())) {
      throw new PgException(PgException.Severity.ERROR, SqlState.INSUFFICIENT_PRIVILEGE,
          "permission denied to alter role",
          "The bootstrap user must have the SUPERUSER attribute.", null, 0, null); // as PG 16
    }
    boolean ownPassword = o.onlyPassword() && actor.role().map(Role::oid)
        .map(oid -> oid == target.oid()).orElse(false);
    if (!actor.createRole() && !ownPassword) {
      throw denied("permission denied");
    }
    catalog.alterRole(target.name(), attributes(o, timestamps, notices));
  }

  private void rename(RoleStatement.Rename r, Actor actor) {
    Role target = role(r.name());
    if (actor.role().isPresent() && target.oid() == actor.role().get().oid()) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "session user cannot be renamed");
    }
    if (target.oid() == Role.BOOTSTRAP_OID) {
      // MALLARD_PASSWORD and the password file name the bootstrap superuser by its name.
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "the bootstrap superuser \"" + target.name() + "\" cannot be renamed in Mallard");
    }
    if (target.superuser()) {
      requireSuperuser(actor, "must be superuser to rename superusers");
    } else if (!actor.createRole()) {
      throw denied("permission denied to rename role");
    }
    catalog.renameRole(target.name(), r.newName());
  }

  /** Checks every role first, so that the statement drops all of them or none. */
  private void drop(RoleStatement.Drop d, Actor actor, List<Notice> notices) {
    if (!actor.createRole()) {
      throw denied("permission denied to drop role");
    }
    List<String> present = new ArrayList<>();
    for (String name : d.names()) {
      Optional<Role> role = catalog.find(name);
      if (role.isEmpty()) {
        if (d.ifExists()) {
          notices.add(Notice.notice("role \"" + name + "\" does not exist, skipping"));
          continue;
        }
        role(name);
      }
      if (name.equals(actor.name())) {
        throw new PgException(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
      }
      if (role.get().superuser()) {
        requireSuperuser(actor, "must be superuser to drop superusers");
      }
      List<String> dependents = new ArrayList<>(catalog.databases().ownedBy(role.get().oid())
          .stream().map(db -> "owner of database " + db).toList());
      dependents.addAll(catalog.grants().dependents(role.get().oid()));
      if (!dependents.isEmpty()) { // PostgreSQL's check of pg_shdepend: owners and ACLs
        throw new PgException(PgException.Severity.ERROR, SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "role \"" + name + "\" cannot be dropped because some objects depend on it",
            String.join("\n", dependents), null, 0, null);
      }
      present.add(name);
    }
    for (String name : present) {
      catalog.dropRole(name, d.ifExists());
    }
  }

  private void grant(RoleStatement.Grant g, Actor actor, List<Notice> notices) {
    checkGrantor(g.grantedBy(), actor);
    List<String> members = members(g.members(), actor);
    for (String name : g.roles()) {
      mayAdminister(role(name), actor);
    }
    for (String name : g.roles()) {
      for (String member : members) {
        if (isDirectMember(name, member) && (!g.admin() || catalog.hasAdminOption(name, member))) {
          notices.add(Notice.notice(
              "role \"" + member + "\" is already a member of role \"" + name + "\""));
        }
      }
    }
    catalog.grantMemberships(g.roles(), members, g.admin());
  }

  private void revoke(RoleStatement.Revoke r, Actor actor, List<Notice> notices) {
    checkGrantor(r.grantedBy(), actor);
    List<String> members = members(r.members(), actor);
    for (String name : r.roles()) {
      mayAdminister(role(name), actor);
    }
    for (String name : r.roles()) {
      for (String member : members) {
        boolean was = r.adminOptionOnly()
            ? catalog.revokeAdminOption(name, member) : catalog.revokeMembership(name, member);
        if (!was) { // a WARNING in PostgreSQL, not an error
          notices.add(Notice.warning(
              "role \"" + member + "\" is not a member of role \"" + name + "\""));
        }
      }
    }
  }

  /**
   * GRANTED BY: Mallard does not record grantors, so the clause only has to be allowed: naming
   * oneself always is, another role only for a superuser (PostgreSQL 15's rule).
   */
  private void checkGrantor(RoleSpec grantedBy, Actor actor) {
    if (grantedBy == null) {
      return;
    }
    Role grantor = role(grantedBy.resolve(actor.name()));
    if (!grantor.name().equals(actor.name())) {
      requireSuperuser(actor, "must be superuser to set grantor");
    }
  }

  private List<String> members(List<RoleSpec> specs, Actor actor) {
    return specs.stream().map(s -> role(s.resolve(actor.name())).name()).toList();
  }

  /** GRANT/REVOKE of a role: superuser for superuser roles, else CREATEROLE or ADMIN OPTION. */
  private void mayAdminister(Role role, Actor actor) {
    if (role.superuser()) {
      requireSuperuser(actor, "must be superuser to alter superusers");
      return;
    }
    if (actor.createRole()) {
      return;
    }
    List<String> holders = new ArrayList<>(catalog.memberOf(actor.name()));
    holders.add(actor.name());
    if (holders.stream().noneMatch(h -> catalog.hasAdminOption(role.name(), h))) {
      throw denied("must have admin option on role \"" + role.name() + "\"");
    }
  }

  private boolean isDirectMember(String role, String member) {
    int roleOid = role(role).oid();
    int memberOid = role(member).oid();
    return catalog.memberships().stream()
        .anyMatch(m -> m.roleOid() == roleOid && m.memberOid() == memberOid);
  }

  private static RoleAttributes attributes(Options o, Function<String, Instant> timestamps,
      List<Notice> notices) {
    RoleAttributes a = o.attributes();
    if (a.connectionLimit() != null && a.connectionLimit() < -1) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid connection limit: " + a.connectionLimit());
    }
    if (o.password() != null) {
      if ("".equals(o.password().value())) {
        notices.add(Notice.notice("empty string is not a valid password, clearing password"));
      }
      a = a.withPassword(Passwords.verifier(o.password().value()));
    }
    if (o.validUntil() != null) {
      a = a.withValidUntil(validUntil(o.validUntil(), timestamps));
    }
    return a;
  }

  /** 'infinity' never expires (null); '-infinity' has always expired. */
  private static Instant validUntil(String text, Function<String, Instant> timestamps) {
    String t = text.strip();
    if (t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("+infinity")) {
      return null;
    }
    if (t.equalsIgnoreCase("-infinity")) {
      return Instant.EPOCH;
    }
    return timestamps.apply(t);
  }

  private Role role(String name) {
    return catalog.find(name).orElseThrow(() ->
        new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist"));
  }

  private static void requireSuperuser(Actor actor, String message) {
    if (!actor.superuser()) {
      throw denied(message);
    }
  }

  private static PgException denied(String message) {
    return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, message);
  }
}
