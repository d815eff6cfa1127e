package dev.mallard.engine.roles;

import dev.mallard.catalog.Role;
import dev.mallard.catalog.system.Grants;
import dev.mallard.catalog.system.Privilege;
import dev.mallard.catalog.system.PrivilegeObject;
import dev.mallard.catalog.system.SystemCatalog;
import dev.mallard.engine.QueryResult.Notice;
import dev.mallard.engine.roles.RoleStatement.DefaultPrivileges;
import dev.mallard.engine.roles.RoleStatement.ObjectPrivileges;
import dev.mallard.engine.roles.RoleStatement.RoleSpec;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs GRANT/REVOKE on objects and ALTER DEFAULT PRIVILEGES with PostgreSQL's rules on who may:
 * a superuser or the object's owner (directly or through an inherited role) grants as the owner;
 * another role only privileges it holds WITH GRANT OPTION, as itself. A REVOKE by the owner or a
 * superuser removes the privilege whoever granted it; one by another role only its own grants.
 */
final class PrivilegeCommands {
  private final SystemCatalog catalog;
  private final Grants grants;

  PrivilegeCommands(SystemCatalog catalog) {
    this.catalog = catalog;
    this.grants = catalog.grants();
  }

  void execute(ObjectPrivileges s, Role actor, ObjectResolver resolver, List<Notice> notices) {
    checkGrantor(s.grantedBy(), actor);
    List<PrivilegeObject> objects = objects(s, resolver);
    List<Integer> grantees = grantees(s.grantees(), actor);
    for (PrivilegeObject object : objects) {
      Set<Privilege> requested = privileges(s.privileges(), object.kind());
      boolean asOwner = actor.superuser() || grants.owns(actor.name(), object);
      Set<Privilege> allowed = EnumSet.noneOf(Privilege.class);
      for (Privilege p : requested) {
        if (asOwner || grants.has(actor.name(), object, p, true)) {
          allowed.add(p);
        }
      }
      if (allowed.isEmpty()) {
        throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
            "permission denied for " + object.kindWord() + " " + object.displayName());
      }
      if (allowed.size() < requested.size()) {
        notices.add(Notice.warning("not all privileges were " + (s.grant() ? "granted" : "revoked")
            + " for \"" + object.displayName() + "\""));
      }
      int grantor = asOwner ? grants.owner(object) : actor.oid();
      if (s.grant()) {
        grants.grant(List.of(object), grantees, allowed, grantor, s.grantOption());
      } else {
        grants.revoke(List.of(object), grantees, allowed, asOwner ? null : grantor, s.grantOption());
      }
    }
  }

  void execute(DefaultPrivileges d, Role actor, ObjectResolver resolver) {
    ObjectPrivileges s = d.change();
    List<String> owners = d.forRoles().isEmpty() ? List.of(actor.name()) : d.forRoles();
    List<Integer> grantees = grantees(s.grantees(), actor);
    Set<Privilege> privileges = privileges(s.privileges(), PrivilegeObject.Kind.TABLE);
    List<String> schemas = new ArrayList<>();
    for (String schema : d.schemas()) {
      schemas.add(resolver.schema(schema).schema());
    }
    if (schemas.isEmpty()) {
      schemas.add("");
    }
    for (String owner : owners) {
      Role role = catalog.find(owner).orElseThrow(() -> new PgException(SqlState.UNDEFINED_OBJECT,
          "role \"" + owner + "\" does not exist"));
      if (!actor.superuser() && !catalog.privilegeRoles(actor.name()).contains(owner)) {
        throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
            "permission denied to change default privileges");
      }
      for (String schema : schemas) {
        grants.alterDefaults(role.oid(), resolver.database(), schema, grantees, privileges,
            s.grant(), s.grantOption());
      }
    }
  }

  private static List<PrivilegeObject> objects(ObjectPrivileges s, ObjectResolver resolver) {
    List<PrivilegeObject> objects = new ArrayList<>();
    for (List<String> name : s.objects()) {
      switch (s.type()) {
        case TABLE -> objects.add(resolver.table(name));
        case ALL_TABLES_IN_SCHEMA -> objects.addAll(resolver.tablesIn(single(name)));
        case SCHEMA -> objects.add(resolver.schema(single(name)));
        case DATABASE -> objects.add(resolver.database(single(name)));
      }
    }
    return objects;
  }

  private static String single(List<String> name) {
    if (name.size() != 1) {
      throw new PgException(SqlState.SYNTAX_ERROR,
          "syntax error at or near \"" + String.join(".", name) + "\"");
    }
    return name.get(0);
  }

  private static Set<Privilege> privileges(List<String> names, PrivilegeObject.Kind kind) {
    Set<Privilege> applicable = Privilege.applicableTo(kind);
    if (names.isEmpty()) {
      return applicable;
    }
    Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
    for (String name : names) {
      Privilege p = Privilege.named(name).orElseThrow();
      if (!applicable.contains(p)) {
        throw new PgException(SqlState.INVALID_GRANT_OPERATION, "invalid privilege type " + name
            + " for " + kind.name().toLowerCase(java.util.Locale.ROOT));
      }
      privileges.add(p);
    }
    return privileges;
  }

  private List<Integer> grantees(List<RoleSpec> specs, Role actor) {
    List<Integer> oids = new ArrayList<>();
    for (RoleSpec spec : specs) {
      if (!spec.current() && spec.name().equals("public")) {
        oids.add(Grants.PUBLIC);
        continue;
      }
      String name = spec.resolve(actor.name());
      oids.add(catalog.find(name).map(Role::oid).orElseThrow(() ->
          new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist")));
    }
    return oids;
  }

  /** GRANTED BY may name the session's role; another role only a superuser may name. */
  private void checkGrantor(RoleSpec grantedBy, Role actor) {
    if (grantedBy != null && !grantedBy.resolve(actor.name()).equals(actor.name())
        && !actor.superuser()) {
      throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to set grantor");
    }
  }
}
