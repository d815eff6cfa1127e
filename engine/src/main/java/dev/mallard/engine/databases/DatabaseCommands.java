package dev.mallard.engine.databases;

import dev.mallard.catalog.Database;
import dev.mallard.catalog.DuckLakeStorage;
import dev.mallard.catalog.Role;
import dev.mallard.catalog.Tenant;
import dev.mallard.catalog.TenantGuards;
import dev.mallard.catalog.TenantManager;
import dev.mallard.catalog.system.SystemCatalog;
import dev.mallard.engine.QueryResult.Notice;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs database statements with PostgreSQL 16's authorization rules: CREATE DATABASE needs
 * CREATEDB (or superuser); DROP, RENAME, OWNER TO and SET need the database's owner (or
 * superuser), RENAME and OWNER TO also CREATEDB. Mallard adds two rules of its own, because they
 * reach outside the data directory: only superusers choose a DuckLake's metadata store, data
 * path or S3 access, and only superusers set the engine settings memory_limit, threads and
 * temp_directory, and the sandbox (DuckDB's own guards, {@link TenantGuards}). Each statement takes effect at once (the system catalog is not part of the
 * session's transaction).
 */
public final class DatabaseCommands {
  /** Per-database settings sessions start with. */
  private static final List<String> SESSION_SETTINGS = List.of("statement_timeout");

  private final SystemCatalog catalog;
  private final TenantManager tenants;

  public DatabaseCommands(SystemCatalog catalog, TenantManager tenants) {
    this.catalog = catalog;
    this.tenants = tenants;
  }

  /**
   * Executes {@code statement} as the role with {@code roleOid}, in a session connected to
   * {@code currentDatabase}.
   */
  public List<Notice> execute(DatabaseStatement statement, int roleOid, String currentDatabase) {
    List<Notice> notices = new ArrayList<>();
    Optional<Role> actor = catalog.find(roleOid);
    if (statement instanceof DatabaseStatement.Create c) {
      create(c, actor);
    } else if (statement instanceof DatabaseStatement.Drop d) {
      drop(d, actor, currentDatabase, notices);
    } else if (statement instanceof DatabaseStatement.Rename r) {
      rename(r, actor, currentDatabase);
    } else if (statement instanceof DatabaseStatement.Owner o) {
      owner(o, actor);
    } else if (statement instanceof DatabaseStatement.Alter a) {
      alter(a, actor);
    } else if (statement instanceof DatabaseStatement.Set s) {
      set(s, actor, notices);
    }
    return notices;
  }

  private void create(DatabaseStatement.Create c, Optional<Role> actor) {
    if (!superuser(actor) && !actor.map(Role::createDb).orElse(false)) {
      throw denied("permission denied to create database");
    }
    Map<String, String> options = c.options();
    Database.Kind kind = DatabaseOptions.kind(options);
    int owner = actor.map(Role::oid).orElse(Role.BOOTSTRAP_OID);
    int limit = -1;
    boolean allow = true;
    Map<String, String> settings = new java.util.TreeMap<>();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String option = e.getKey();
      String value = e.getValue();
      if (option.equals("owner")) {
        owner = value == null ? owner : ownerFor(value, actor).oid();
      } else if (option.equals("connection_limit")) {
        limit = value == null ? -1 : DatabaseOptions.connectionLimit(value);
      } else if (option.equals("allow_connections")) {
        allow = value == null || DatabaseOptions.bool(option, value);
      } else if (option.equals(TenantGuards.SETTING)) {
        requireSuperuser(actor, option);
        if (value != null) {
          settings.put(option, sandbox(value));
        }
      } else if (!option.equals("type") && !DuckLakeStorage.isOption(option)
          && !DatabaseOptions.checkFixed(option, value)) {
        throw DatabaseOptions.unrecognized(option);
      }
    }
    Map<String, String> lake = DatabaseOptions.lakeOptions(options);
    if (!lake.isEmpty() && !superuser(actor)) {
      throw denied("must be superuser to choose a DuckLake's metadata store, data path or"
          + " S3 access");
    }
    if (kind == Database.Kind.DUCKLAKE) {
      lake = DuckLakeStorage.resolve(c.name(), lake, tenants.config().dataDir());
    }
    tenants.create(new Database(0, c.name(), owner, kind, limit, allow, lake, settings));
  }

  private void drop(DatabaseStatement.Drop d, Optional<Role> actor, String currentDatabase,
      List<Notice> notices) {
    Optional<Database> database = tenants.database(d.name());
    if (database.isEmpty() && d.ifExists()) {
      notices.add(Notice.notice("database \"" + d.name() + "\" does not exist, skipping"));
      return;
    }
    Database db = database.orElseThrow(() -> undefined(d.name()));
    requireOwner(db, actor);
    if (db.name().equals(currentDatabase)) {
      throw new PgException(SqlState.OBJECT_IN_USE, "cannot drop the currently open database");
    }
    tenants.drop(db);
    // Its grants must not pass to a later database of the same name.
    catalog.grants().databaseDropped(db.name());
  }

  private void rename(DatabaseStatement.Rename r, Optional<Role> actor, String currentDatabase) {
    Database db = require(r.name());
    if (db.name().equals(currentDatabase)) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "current database cannot be renamed");
    }
    requireOwner(db, actor);
    if (!superuser(actor) && !actor.map(Role::createDb).orElse(false)) {
      throw denied("permission denied to rename database");
    }
    tenants.rename(db, r.newName());
    catalog.grants().databaseRenamed(db.name(), r.newName());
  }

  private void owner(DatabaseStatement.Owner o, Optional<Role> actor) {
    Database db = require(o.name());
    Role newOwner = o.role() == null
        ? actor.orElseThrow(() -> undefinedRole("current_user")) : role(o.role());
    if (newOwner.oid() == db.ownerOid()) {
      return;
    }
    if (!superuser(actor)) {
      requireOwner(db, actor);
      ownerFor(newOwner.name(), actor);
      if (!actor.map(Role::createDb).orElse(false)) {
        throw denied("permission denied to change owner of database");
      }
    }
    tenants.update(db.withOwner(newOwner.oid()));
  }

  private void alter(DatabaseStatement.Alter a, Optional<Role> actor) {
    Database db = require(a.name());
    requireOwner(db, actor);
    Database changed = db;
    for (Map.Entry<String, String> e : a.options().entrySet()) {
      String value = e.getValue();
      switch (e.getKey()) {
        case "connection_limit" -> changed = changed.withConnectionLimit(
            value == null ? -1 : DatabaseOptions.connectionLimit(value));
        case "allow_connections" -> changed = changed.withAllowConnections(
            value == null || DatabaseOptions.bool("allow_connections", value));
        case "is_template" -> DatabaseOptions.checkFixed("is_template", value);
        default -> throw DatabaseOptions.unrecognized(e.getKey());
      }
    }
    tenants.update(changed);
  }

  private void set(DatabaseStatement.Set s, Optional<Role> actor, List<Notice> notices) {
    Database db = require(s.name());
    requireOwner(db, actor);
    if (s.setting() == null) { // RESET ALL
      Optional<String> guarded = db.settings().keySet().stream()
          .filter(DatabaseCommands::superuserSetting).findFirst();
      if (guarded.isPresent()) {
        requireSuperuser(actor, guarded.get());
      }
      tenants.update(db.withoutSettings());
      noticeReopen(db.name(), notices);
      return;
    }
    String setting = s.setting();
    String value = s.value();
    if (superuserSetting(setting)) {
      requireSuperuser(actor, setting);
      if (setting.equals(TenantGuards.SETTING) && value != null) {
        value = sandbox(value);
      }
    } else if (SESSION_SETTINGS.contains(setting)) {
      if (s.value() != null) {
        DatabaseOptions.checkDuration(setting, s.value());
      }
    } else {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "per-database setting \"" + setting
          + "\" is not supported: Mallard keeps memory_limit, threads, temp_directory, sandbox"
          + " and statement_timeout per database");
    }
    tenants.update(db.withSetting(setting, value));
    noticeReopen(db.name(), notices);
  }

  /** Settings only superusers change: the engine's resources and the sandbox. */
  private static boolean superuserSetting(String setting) {
    return Tenant.ENGINE_SETTINGS.contains(setting) || setting.equals(TenantGuards.SETTING);
  }

  /** A sandbox value as stored: on or off. */
  private static String sandbox(String value) {
    return DatabaseOptions.bool(TenantGuards.SETTING, value) ? "on" : "off";
  }

  /** DuckDB's guards change only when the instance reopens, after its sessions have ended. */
  private void noticeReopen(String name, List<Notice> notices) {
    if (tenants.openTenant(name).map(Tenant::reopenPending).orElse(false)) {
      notices.add(Notice.notice("the sandbox of database \"" + name + "\" changes when its"
          + " DuckDB instance reopens, once its current sessions have ended"));
    }
  }

  /**
   * The role a database may be given to: it exists, and a non-superuser must be able to SET
   * ROLE to it (be a member), PostgreSQL 16's rule.
   */
  private Role ownerFor(String name, Optional<Role> actor) {
    Role owner = role(name);
    if (!superuser(actor) && actor.isPresent() && owner.oid() != actor.get().oid()
        && !catalog.memberOf(actor.get().name()).contains(owner.name())) {
      throw denied("must be able to SET ROLE \"" + owner.name() + "\"");
    }
    return owner;
  }

  /** Owners, members that inherit the owner's privileges, and superusers may alter or drop. */
  private void requireOwner(Database db, Optional<Role> actor) {
    if (superuser(actor)) {
      return;
    }
    Optional<Role> owner = catalog.find(db.ownerOid());
    boolean owns = actor.isPresent() && owner.isPresent()
        && catalog.privilegeRoles(actor.get().name()).contains(owner.get().name());
    if (!owns) {
      throw denied("must be owner of database " + db.name());
    }
  }

  private static void requireSuperuser(Optional<Role> actor, String setting) {
    if (!superuser(actor)) {
      throw denied("permission denied to set parameter \"" + setting + "\"");
    }
  }

  private static boolean superuser(Optional<Role> actor) {
    return actor.map(Role::superuser).orElse(false);
  }

  private Database require(String name) {
    return tenants.database(name).orElseThrow(() -> undefined(name));
  }

  private Role role(String name) {
    return catalog.find(name).orElseThrow(() -> undefinedRole(name));
  }

  private static PgException undefined(String name) {
    return new PgException(SqlState.INVALID_CATALOG_NAME, "database \"" + name + "\" does not exist");
  }

  private static PgException undefinedRole(String name) {
    return new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
  }

  private static PgException denied(String message) {
    return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, message);
  }
}
