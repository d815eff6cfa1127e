package dev.mallard.catalog;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import dev.mallard.catalog.pg.PgCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a database name to its {@link Tenant}. A database exists when its DuckDB file exists in
 * the data directory ({@code <name>.duckdb}); the default database is created at start-up so that
 * an embedded server works without any CREATE DATABASE.
 */
public final class TenantManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TenantManager.class);
  private static final String SUFFIX = ".duckdb";
  private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");

  private final Path dataDir;
  private final RoleDirectory roles;
  private final Path extensionDirectory;
  private final Map<String, Tenant> open = new ConcurrentHashMap<>();

  public TenantManager(Path dataDir, String defaultDatabase) {
    this(dataDir, defaultDatabase, new StaticRoleDirectory(List.of()), dataDir.resolve("extensions"));
  }

  /**
   * @param extensionDirectory DuckDB's extension directory for every tenant instance
   */
  public TenantManager(Path dataDir, String defaultDatabase, RoleDirectory roles,
      Path extensionDirectory) {
    this.dataDir = dataDir;
    this.roles = roles;
    this.extensionDirectory = extensionDirectory;
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create data directory " + dataDir, e);
    }
    tenant(defaultDatabase, true);
  }

  /** The tenant for a startup message's database, or 3D000 when it does not exist. */
  public Tenant tenant(String database) {
    return tenant(database, false);
  }

  private Tenant tenant(String database, boolean create) {
    Tenant t = open.get(database);
    if (t != null) {
      return t;
    }
    Path file = fileOf(database);
    if (file == null || (!create && !Files.exists(file))) {
      throw PgException.fatal(
          SqlState.INVALID_CATALOG_NAME, "database \"" + database + "\" does not exist");
    }
    return open.computeIfAbsent(
        database,
        name -> {
          log.info("opening database {} at {}", name, file);
          return Tenant.open(name, file, extensionDirectory, serverObjects());
        });
  }

  /** What each tenant's pg_catalog shows of the server: its databases and roles. */
  private PgCatalog.ServerObjects serverObjects() {
    return new PgCatalog.ServerObjects() {
      @Override
      public List<String> databases() {
        return databaseNames();
      }

      @Override
      public Collection<Role> roles() {
        return roles.all();
      }

      @Override
      public List<RoleDirectory.Membership> memberships() {
        return roles.memberships();
      }

      @Override
      public dev.mallard.catalog.system.Grants grants() {
        return roles instanceof dev.mallard.catalog.system.SystemCatalog s ? s.grants() : null;
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

  /** Names of the databases in the data directory. */
  public List<String> databaseNames() {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dataDir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX))
          .map(n -> n.substring(0, n.length() - SUFFIX.length()))
          .sorted()
          .forEach(names::add);
    } catch (IOException e) {
      throw new PgException(SqlState.IO_ERROR, "cannot list databases: " + e.getMessage(), e);
    }
    return names;
  }

  private Path fileOf(String database) {
    if (database == null || !VALID_NAME.matcher(database).matches()) {
      return null;
    }
    return dataDir.resolve(database + SUFFIX);
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    for (Tenant t : open.values()) {
      try {
        t.close();
      } catch (SQLException e) {
        log.warn("closing database {} failed: {}", t.name(), e.getMessage());
      }
    }
    open.clear();
  }
}
