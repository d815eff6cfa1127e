package dev.mallard.engine.authz;

import dev.mallard.catalog.Role;
import dev.mallard.catalog.Tenant;
import dev.mallard.catalog.system.Grants;
import dev.mallard.catalog.system.Privilege;
import dev.mallard.catalog.system.PrivilegeObject;
import dev.mallard.catalog.system.SystemCatalog;
import dev.mallard.engine.analysis.RelationRef;
import dev.mallard.engine.analysis.StatementAccess;
import dev.mallard.engine.analysis.StatementAnalysis;
import dev.mallard.engine.authz.RelationResolver.Resolved;
import dev.mallard.engine.roles.ObjectResolver;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides, for one session, whether its role may run a statement: superusers always may; other
 * roles pass the {@link Sandbox} and then need PostgreSQL's privileges on what the statement
 * touches (SELECT on what it reads, INSERT/UPDATE/DELETE/TRUNCATE on what it writes, USAGE on
 * their schemas, CREATE on the schema it creates in, ownership to ALTER or DROP). Roles inherit
 * the privileges of the roles they belong to when they have INHERIT.
 */
public final class Authorizer implements ObjectResolver {
  private final SystemCatalog catalog;
  private final Grants grants;
  private final int roleOid;
  private final RelationResolver resolver;
  private Set<String> duckDbSettings;

  public Authorizer(SystemCatalog catalog, int roleOid, Tenant tenant, Connection connection,
      Supplier<List<String>> searchPath) {
    this.catalog = catalog;
    this.grants = catalog.grants();
    this.roleOid = roleOid;
    this.resolver = new RelationResolver(tenant, connection, searchPath);
  }

  /** At login: CONNECT on the database (42501 as PostgreSQL words it). */
  public static void checkConnect(SystemCatalog catalog, String role, String database) {
    if (!catalog.grants().has(role, PrivilegeObject.database(database), Privilege.CONNECT, false)) {
      throw new PgException(PgException.Severity.FATAL, SqlState.INSUFFICIENT_PRIVILEGE,
          "permission denied for database \"" + database + "\"",
          "User does not have CONNECT privilege.", null, 0, null);
    }
  }

  private Optional<Role> role() {
    return catalog.find(roleOid);
  }

  public boolean superuser() {
    return role().map(Role::superuser).orElse(false);
  }

  private String roleName() {
    return role().map(Role::name).orElse("");
  }

  public Grants grants() {
    return grants;
  }

  public int roleOid() {
    return roleOid;
  }

  /** Refuses a statement non-superusers may never run (COPY with a file, unparsed statements). */
  public void requireSuperuser(String what) {
    if (!superuser()) {
      throw Denials.sandbox(what);
    }
  }

  /** SET of a DuckDB engine setting is for superusers; PostgreSQL's session settings are not. */
  public void authorizeSet(String name, Supplier<Set<String>> settings) {
    if (superuser()) {
      return;
    }
    if (duckDbSettings == null) {
      duckDbSettings = settings.get();
    }
    Sandbox.checkSetting(name, duckDbSettings);
  }

  /** Checks an analyzed statement; returns the ownership changes to make when it succeeds. */
  public Authorization authorize(String sql, StatementAnalysis analysis) {
    if (superuser()) {
      return analysis != null && analysis.complete() ? ownership(analysis.access()) : Authorization.NONE;
    }
    Sandbox.check(sql, analysis);
    StatementAccess access = analysis.access();
    for (RelationRef read : access.reads()) {
      require(read, Privilege.SELECT);
    }
    switch (access.action()) {
      case SELECT:
        return Authorization.NONE;
      case INSERT:
        require(access.targets().get(0), Privilege.INSERT);
        if (access.upsert()) {
          require(access.targets().get(0), Privilege.UPDATE);
        }
        return Authorization.NONE;
      case UPDATE:
        require(access.targets().get(0), Privilege.UPDATE);
        return Authorization.NONE;
      case DELETE:
        require(access.targets().get(0), Privilege.DELETE);
        return Authorization.NONE;
      case TRUNCATE:
        access.targets().forEach(t -> require(t, Privilege.TRUNCATE));
        return Authorization.NONE;
      case CREATE_TABLE:
      case CREATE_VIEW:
        return authorizeCreate(access);
      case CREATE_SCHEMA:
        return authorizeCreateSchema(access);
      case CREATE_INDEX:
        requireOwner(access.targets().get(0));
        return Authorization.NONE;
      case ALTER:
        requireOwner(access.targets().get(0));
        return renaming(access);
      case DROP:
        return authorizeDrop(access);
      default:
        throw Denials.sandbox("this kind of statement is reserved to superusers");
    }
  }

  /** COPY t TO STDOUT needs SELECT on t; COPY t FROM STDIN needs INSERT. */
  public void authorizeCopy(RelationRef table, boolean from) {
    if (!superuser()) {
      require(table, from ? Privilege.INSERT : Privilege.SELECT);
    }
  }

  /** Whether the object a statement creates exists already (then it is not recorded as new). */
  public boolean exists(PrivilegeObject object) {
    return object.kind() == PrivilegeObject.Kind.SCHEMA
        ? resolver.schemaExists(object.schema()) : resolver.exists(object);
  }

  @Override
  public String database() {
    return resolver.database();
  }

  @Override
  public PrivilegeObject table(List<String> parts) {
    if (parts.size() > 3) {
      throw new PgException(SqlState.SYNTAX_ERROR, "improper relation name (too many dotted names): "
          + String.join(".", parts));
    }
    int n = parts.size();
    RelationRef ref = new RelationRef(n == 3 ? parts.get(0) : null, n >= 2 ? parts.get(n - 2) : null,
        parts.get(n - 1));
    Resolved r = resolver.resolve(ref);
    if (r.kind() == Resolved.Kind.TABLE) {
      return r.object();
    }
    if (r.kind() == Resolved.Kind.MISSING) {
      throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + ref + "\" does not exist");
    }
    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
        "privileges on temporary or catalog relations cannot be granted in Mallard");
  }

  @Override
  public List<PrivilegeObject> tablesIn(String schema) {
    PrivilegeObject s = schema(schema);
    return resolver.relationsIn(schema).stream()
        .map(t -> PrivilegeObject.table(database(), s.schema(), t)).toList();
  }

  @Override
  public PrivilegeObject schema(String schema) {
    if (!resolver.schemaExists(schema)) {
      throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
    }
    return PrivilegeObject.schema(database(), schema);
  }

  @Override
  public PrivilegeObject database(String name) {
    if (!resolver.databaseExists(name)) {
      throw new PgException(SqlState.INVALID_CATALOG_NAME, "database \"" + name + "\" does not exist");
    }
    return PrivilegeObject.database(name);
  }

  private void require(RelationRef ref, Privilege privilege) {
    Resolved r = resolver.resolve(ref);
    switch (r.kind()) {
      case TEMPORARY:
        return; // the session's own temporary objects: its role created them
      case CATALOG:
        if (privilege != Privilege.SELECT) {
          throw Denials.on(PrivilegeObject.table(database(), "pg_catalog", ref.name()));
        }
        return;
      case MISSING:
        throw new PgException(SqlState.UNDEFINED_TABLE,
            "relation \"" + ref + "\" does not exist");
      default:
        requireUsage(r.object());
        if (!grants.has(roleName(), r.object(), privilege, false)) {
          throw Denials.on(r.object());
        }
    }
  }

  private void requireUsage(PrivilegeObject table) {
    PrivilegeObject schema = table.schemaObject();
    if (!grants.has(roleName(), schema, Privilege.USAGE, false)) {
      throw Denials.on(schema);
    }
  }

  private void requireOwner(RelationRef ref) {
    Resolved r = resolver.resolve(ref);
    if (r.kind() == Resolved.Kind.TEMPORARY) {
      return;
    }
    if (r.kind() != Resolved.Kind.TABLE) {
      throw r.kind() == Resolved.Kind.MISSING
          ? new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + ref + "\" does not exist")
          : Denials.notOwner(PrivilegeObject.table(database(), "pg_catalog", ref.name()));
    }
    requireUsage(r.object());
    if (!grants.owns(roleName(), r.object())) {
      throw Denials.notOwner(r.object());
    }
  }

  private Authorization authorizeCreate(StatementAccess access) {
    RelationRef target = access.targets().get(0);
    boolean temp = access.temporary() || "temp".equals(target.catalog())
        || target.catalog() == null && "temp".equals(target.schema());
    PrivilegeObject db = PrivilegeObject.database(database());
    if (temp) {
      if (!grants.has(roleName(), db, Privilege.TEMPORARY, false)) {
        throw Denials.on(db);
      }
      return Authorization.NONE;
    }
    PrivilegeObject table = creationTarget(target);
    PrivilegeObject schema = table.schemaObject();
    if (!grants.has(roleName(), schema, Privilege.CREATE, false)) {
      throw Denials.on(schema);
    }
    if (resolver.exists(table) && !grants.owns(roleName(), table)) {
      throw Denials.notOwner(table); // CREATE OR REPLACE of another role's relation
    }
    return new Authorization(List.of(table), List.of());
  }

  private PrivilegeObject creationTarget(RelationRef target) {
    if (target.catalog() != null && !target.catalog().equals(database())) {
      throw Denials.on(PrivilegeObject.database(target.catalog()));
    }
    String schema = target.schema() != null ? target.schema() : resolver.creationSchema();
    if (RelationResolver.isCatalogSchema(schema)) {
      throw Denials.on(PrivilegeObject.schema(database(), schema));
    }
    return PrivilegeObject.table(database(), schema, target.name());
  }

  private Authorization authorizeCreateSchema(StatementAccess access) {
    PrivilegeObject db = PrivilegeObject.database(database());
    if (!grants.has(roleName(), db, Privilege.CREATE, false)) {
      throw Denials.on(db);
    }
    if (access.authorization() != null && !access.authorization().equalsIgnoreCase(roleName())) {
      throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
          "must be able to SET ROLE \"" + access.authorization() + "\"");
    }
    return new Authorization(List.of(PrivilegeObject.schema(database(), access.schemaName())),
        List.of());
  }

  private Authorization authorizeDrop(StatementAccess access) {
    String type = access.objectType();
    if (type.equals("SCHEMA")) {
      List<PrivilegeObject> drops = new ArrayList<>();
      for (RelationRef ref : access.targets()) {
        PrivilegeObject schema = PrivilegeObject.schema(database(), ref.name());
        if (resolver.schemaExists(ref.name()) && !grants.owns(roleName(), schema)) {
          throw Denials.notOwner(schema);
        }
        drops.add(schema);
      }
      return new Authorization(List.of(), drops);
    }
    if (!type.equals("TABLE") && !type.equals("VIEW")) {
      throw Denials.sandbox("DROP " + type + " is reserved to superusers");
    }
    List<PrivilegeObject> drops = new ArrayList<>();
    for (RelationRef ref : access.targets()) {
      Resolved r = resolver.resolve(ref);
      if (r.kind() == Resolved.Kind.TABLE) {
        requireOwner(ref);
        drops.add(r.object());
      } else if (r.kind() == Resolved.Kind.CATALOG) {
        throw Denials.notOwner(PrivilegeObject.table(database(), "pg_catalog", ref.name()));
      }
    }
    return new Authorization(List.of(), drops);
  }

  /** A superuser's statement: only which ownership records it changes. */
  private Authorization ownership(StatementAccess access) {
    try {
      switch (access.action()) {
        case CREATE_TABLE:
        case CREATE_VIEW: {
          RelationRef target = access.targets().get(0);
          if (access.temporary() || "temp".equals(target.catalog()) || "temp".equals(target.schema())) {
            return Authorization.NONE;
          }
          return new Authorization(List.of(creationTarget(target)), List.of());
        }
        case CREATE_SCHEMA:
          return new Authorization(
              List.of(PrivilegeObject.schema(database(), access.schemaName())), List.of());
        case DROP: {
          List<PrivilegeObject> drops = new ArrayList<>();
          for (RelationRef ref : access.targets()) {
            if (access.objectType().equals("SCHEMA")) {
              drops.add(PrivilegeObject.schema(database(), ref.name()));
            } else if (access.objectType().equals("TABLE") || access.objectType().equals("VIEW")) {
              Resolved r = resolver.resolve(ref);
              if (r.kind() == Resolved.Kind.TABLE) {
                drops.add(r.object());
              }
            }
          }
          return new Authorization(List.of(), drops);
        }
        case ALTER:
          return renaming(access);
        default:
          return Authorization.NONE;
      }
    } catch (PgException e) {
      return Authorization.NONE; // a superuser's statement runs whatever it names; DuckDB decides
    }
  }

  /** ALTER TABLE t RENAME TO n: t's owner and grants go to n, in t's schema. */
  private Authorization renaming(StatementAccess access) {
    Resolved r = access.renamedTo() == null ? null : resolver.resolve(access.targets().get(0));
    if (r == null || r.kind() != Resolved.Kind.TABLE) {
      return Authorization.NONE;
    }
    PrivilegeObject from = r.object();
    PrivilegeObject to = PrivilegeObject.table(from.database(), from.schema(), access.renamedTo());
    return new Authorization(List.of(), List.of(), new Authorization.Rename(from, to));
  }

  /** Before running: which of the objects to create are new (so ownership may be recorded). */
  public List<PrivilegeObject> fresh(Authorization authorization) {
    return authorization.creates().stream().filter(o -> !exists(o)).toList();
  }

  /** After the statement succeeded: records owners of new objects, forgets dropped ones. */
  public void succeeded(List<PrivilegeObject> created, Authorization authorization) {
    for (PrivilegeObject o : created) {
      grants.created(o, roleOid);
    }
    for (PrivilegeObject o : authorization.drops()) {
      grants.dropped(o);
    }
    if (authorization.renamed() != null) {
      grants.renamed(authorization.renamed().from(), authorization.renamed().to());
    }
  }
}
