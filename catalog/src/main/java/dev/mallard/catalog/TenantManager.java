package dev.mallard.catalog;

import dev.mallard.catalog.pg.PgCatalog;
import dev.mallard.catalog.system.Databases;
import dev.mallard.catalog.system.SystemCatalog;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a database name to its {@link Tenant}. The databases are those of the system catalog;
 * each one's DuckDB instance opens on first use, is shared by its sessions and closes once it
 * has had none for the configured idle time. Opening, closing, dropping and renaming a database
 * are serialized per name (one map entry's computation), so no session can slip into an instance
 * that is being closed.
 */
public final class TenantManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TenantManager.class);

  private final SystemCatalog system;
  private final Databases databases;
  private final TenantConfig config;
  private final TenantFiles files;
  private final Map<String, Tenant> open = new ConcurrentHashMap<>();
  /** New names of renames in progress: not a database yet, and not to be adopted. */
  private final java.util.Set<String> renaming = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService reaper;

  /**
   * Adopts the DuckDB files already in the data directory, finishes drops a crash interrupted,
   * and creates {@code defaultDatabase} when it does not exist.
   */
  public TenantManager(SystemCatalog system, String defaultDatabase, TenantConfig config) {
    this.system = system;
    this.databases = system.databases();
    this.config = config;
    this.files = new TenantFiles(config);
    files.finishDrops(databases);
    files.finishRenames(databases);
    files.adopt(databases, Role.BOOTSTRAP_OID);
    if (databases.find(defaultDatabase).isEmpty()) {
      create(Database.duckDb(defaultDatabase, Role.BOOTSTRAP_OID));
    }
    // Warm, so that the first session does not wait for it (it idles out like any other).
    open.computeIfAbsent(defaultDatabase, k -> Tenant.open(require(k, false), config, serverObjects()));
    reaper = config.idleTimeout().isZero() ? null : startReaper();
  }

  private ScheduledExecutorService startReaper() {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mallard-tenant-reaper");
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(100, Math.min(30_000, config.idleTimeout().toMillis() / 4));
    s.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    return s;
  }

  /** Closes the instances that have had no session for the idle timeout. */
  void closeIdle() {
    long idle = config.idleTimeout().toNanos();
    for (String name : List.copyOf(open.keySet())) {
      open.computeIfPresent(name, (k, t) -> {
        if (!t.idleFor(idle)) {
          return t;
        }
        log.info("closing idle database {}", name);
        closeQuietly(t);
        return null;
      });
    }
  }

  /** The database's record, if it exists. */
  public Optional<Database> database(String name) {
    return databases.find(name);
  }

  /** Every database, by name. */
  public Collection<Database> databases() {
    return databases.all().values();
  }

  /**
   * The tenant for a startup message's database, with a session admitted to it: 3D000 when it
   * does not exist, 55000 when it does not allow connections, 53300 beyond its CONNECTION LIMIT
   * (from which {@code exempt} sessions, superusers', are free). A {@code <name>.duckdb} file put
   * into the data directory while the server runs is adopted here, as at start. The caller gives
   * the slot back
   * with {@link Tenant#release()}.
   */
  public Tenant acquire(String name, boolean exempt) {
    Tenant[] admitted = new Tenant[1];
    RuntimeException[] refused = new RuntimeException[1];
    closeIfSandboxChanged(name == null ? "" : name);
    open.compute(name == null ? "" : name, (k, t) -> {
      if (renaming.contains(k)) {
        throw PgException.fatal(SqlState.INVALID_CATALOG_NAME, "database \"" + k + "\" does not exist");
      }
      if (t == null && databases.find(k).isEmpty()) {
        files.adopt(k, databases, Role.BOOTSTRAP_OID);
      }
      Tenant tenant = t != null ? t : Tenant.open(require(k, true), config, serverObjects());
      try {
        tenant.admit(exempt);
        admitted[0] = tenant;
      } catch (RuntimeException e) {
        refused[0] = e;
      }
      return tenant;
    });
    if (refused[0] != null) {
      throw refused[0];
    }
    return admitted[0];
  }

  /** The open tenant of this name, if its instance is running. */
  public Optional<Tenant> openTenant(String name) {
    return Optional.ofNullable(open.get(name));
  }

  /**
   * Records a new database after opening its instance, so that a DuckLake whose metadata store
   * or data path cannot be reached is refused now rather than at the first login; the instance
   * stays open and idles out like any other. Done under the name's entry, so two CREATEs of one
   * name never open the same file twice.
   */
  public Database create(Database spec) {
    TenantFiles.requireValidName(spec.name());
    Database[] created = new Database[1];
    open.compute(spec.name(), (k, t) -> {
      if (databases.find(k).isPresent() || renaming.contains(k)) {
        throw new PgException(SqlState.DUPLICATE_DATABASE, "database \"" + k + "\" already exists");
      }
      boolean existed = spec.kind() == Database.Kind.DUCKDB && files.exists(k);
      Tenant tenant = Tenant.open(spec, config, serverObjects());
      try {
        created[0] = databases.create(spec);
      } catch (RuntimeException e) {
        closeQuietly(tenant);
        if (!existed) {
          files.delete(spec);
        }
        throw e;
      }
      tenant.update(created[0]);
      return tenant;
    });
    refreshServerObjects();
    return created[0];
  }

  /**
   * DROP DATABASE: 55006 while sessions use it. A DuckDB-file tenant's files are removed; a
   * DuckLake's metadata and data are left where they are (other servers may serve them).
   */
  public void drop(Database database) {
    open.compute(database.name(), (k, t) -> {
      requireUnused(t, database);
      closeQuietly(t);
      files.dropAtomically(database, databases);
      return null;
    });
    refreshServerObjects();
  }

  /** ALTER DATABASE ... RENAME TO: 55006 while sessions use it; the instance reopens on use. */
  public Database rename(Database database, String newName) {
    TenantFiles.requireValidName(newName);
    if (databases.find(newName).isPresent()) {
      throw new PgException(SqlState.DUPLICATE_DATABASE,
          "database \"" + newName + "\" already exists");
    }
    Database[] renamed = new Database[1];
    if (!renaming.add(newName)) {
      throw new PgException(SqlState.DUPLICATE_DATABASE, "database \"" + newName + "\" already exists");
    }
    try {
      open.compute(database.name(), (k, t) -> {
        requireUnused(t, database);
        closeQuietly(t);
        renamed[0] = files.rename(database, newName, databases);
        return null;
      });
    } finally {
      renaming.remove(newName);
    }
    refreshServerObjects();
    return renamed[0];
  }

  /**
   * Records changed attributes (owner, limits, settings) of a database and applies its engine
   * settings to the running instance at once. A setting's value is checked by DuckDB first, so
   * a bad one is refused without changing anything.
   */
  public Database update(Database changed) {
    for (String name : Tenant.ENGINE_SETTINGS) {
      String value = changed.settings().get(name);
      if (value != null) {
        EngineSettings.validate(name, value);
      }
    }
    open.compute(changed.name(), (k, t) -> {
      databases.update(changed);
      if (t != null) {
        t.update(changed);
      }
      return t;
    });
    closeIfSandboxChanged(changed.name());
    refreshServerObjects();
    return changed;
  }

  /**
   * Closes an unused instance opened with the other sandbox setting (DuckDB's guards cannot be
   * turned on or off in a running instance): the next session opens it anew.
   */
  private void closeIfSandboxChanged(String name) {
    open.computeIfPresent(name, (k, t) -> {
      if (!t.reopenPending() || t.sessionCount() > 0) {
        return t;
      }
      closeQuietly(t);
      return null;
    });
  }

  private static void requireUnused(Tenant t, Database database) {
    int others = t == null ? 0 : t.sessionCount();
    if (others > 0) {
      throw new PgException(PgException.Severity.ERROR, SqlState.OBJECT_IN_USE,
          "database \"" + database.name() + "\" is being accessed by other users",
          others == 1 ? "There is 1 other session using the database."
              : "There are " + others + " other sessions using the database.", null, 0, null);
    }
  }

  private Database require(String name, boolean atLogin) {
    return databases.find(name).orElseThrow(() -> {
      String message = "database \"" + name + "\" does not exist";
      return atLogin ? PgException.fatal(SqlState.INVALID_CATALOG_NAME, message)
          : new PgException(SqlState.INVALID_CATALOG_NAME, message);
    });
  }

  /** What each tenant's pg_catalog shows of the server: its databases and roles. */
  private PgCatalog.ServerObjects serverObjects() {
    return new PgCatalog.ServerObjects() {
      @Override
      public List<Database> databases() {
        return List.copyOf(databases.all().values());
      }

      @Override
      public Collection<Role> roles() {
        return system.all();
      }

      @Override
      public List<RoleDirectory.Membership> memberships() {
        return system.memberships();
      }

      @Override
      public dev.mallard.catalog.system.Grants grants() {
        return system.grants();
      }
    };
  }

  /**
   * Rewrites the roles and databases that every open tenant's pg_catalog shows, after they
   * changed. A tenant that fails is logged and skipped: the change itself has been made.
   */
  public void refreshServerObjects() {
    PgCatalog.ServerObjects server = serverObjects();
    for (Tenant t : open.values()) {
      try {
        t.refreshServerObjects(server);
      } catch (SQLException | RuntimeException e) {
        log.warn("refreshing pg_catalog of database {} failed: {}", t.name(), e.getMessage());
      }
    }
  }

  /** Names of the databases, sorted. */
  public List<String> databaseNames() {
    return List.copyOf(databases.all().keySet());
  }

  public TenantConfig config() {
    return config;
  }

  private static void closeQuietly(Tenant t) {
    if (t == null) {
      return;
    }
    try {
      t.close();
    } catch (SQLException e) {
      log.warn("closing database {} failed: {}", t.name(), e.getMessage());
    }
  }

  @Override
  public void close() {
    if (reaper != null) {
      reaper.shutdownNow();
    }
    for (String name : List.copyOf(open.keySet())) {
      open.computeIfPresent(name, (k, t) -> {
        closeQuietly(t);
        return null;
      });
    }
  }
}
