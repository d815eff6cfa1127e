package dev.mallard.catalog;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DuckDB's own guards for a tenant's instance, a second line behind Mallard's statement analysis:
 * no file, URL or extension outside the tenant's own files, for every session of the instance,
 * superusers' included. They are set once Mallard's setup (DuckLake ATTACH, pg_catalog) is done:
 * {@code enable_external_access = false} with {@code allowed_paths} / {@code
 * allowed_directories} naming the tenant's files, the extension and temp directories. DuckDB
 * refuses to change either while the instance runs, so no SET can undo them; {@code
 * lock_configuration} is not used, because it would also refuse the per-session settings every
 * session needs (TimeZone, integer_division).
 */
public final class TenantGuards {
  /** The per-database setting (ALTER DATABASE ... SET sandbox = on|off), stored as on or off. */
  public static final String SETTING = "sandbox";

  private TenantGuards() {}

  /** Whether {@code database}'s instance is guarded: its own setting, else the server's. */
  public static boolean on(Database database, TenantConfig config) {
    String value = database.settings().get(SETTING);
    return value == null ? config.guards() : value.equals("on");
  }

  /** Turns the guards on in the instance {@code c} of {@code database}; cannot be undone. */
  static void apply(Connection c, Database database, TenantConfig config) throws SQLException {
    List<String> paths = new ArrayList<>();
    List<String> directories = new ArrayList<>();
    directories.add(directory(config.extensionDirectory().toAbsolutePath().toString()));
    try (Statement s = c.createStatement()) {
      String temp = tempDirectory(s);
      if (!temp.isEmpty()) {
        directories.add(directory(Path.of(temp).toAbsolutePath().normalize().toString()));
      }
      if (database.kind() == Database.Kind.DUCKDB) {
        databaseFile(config.fileOf(database.name()).toAbsolutePath().toString(), paths);
      } else {
        lakeFiles(database, paths, directories);
      }
      s.execute("SET GLOBAL autoinstall_known_extensions = false");
      s.execute("SET GLOBAL allowed_paths = " + list(paths));
      s.execute("SET GLOBAL allowed_directories = " + list(directories));
      s.execute("SET GLOBAL enable_external_access = false");
    }
  }

  private static String tempDirectory(Statement s) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT current_setting('temp_directory')::VARCHAR")) {
      r.next();
      String temp = r.getString(1);
      return temp == null ? "" : temp;
    }
  }

  /** A DuckLake's metadata file (DuckDB or SQLite) and local data directory. */
  private static void lakeFiles(Database database, List<String> paths, List<String> directories) {
    String metadata = database.options().get(DuckLakeStorage.METADATA);
    if (metadata.startsWith("sqlite:")) {
      paths.add(metadata.substring("sqlite:".length()));
    } else if (!metadata.startsWith("postgres:")) {
      databaseFile(metadata, paths);
    }
    String data = database.options().get(DuckLakeStorage.DATA_PATH);
    if (!data.contains("://")) {
      // DuckLake creates it lazily, but the guards let it create only what is inside it.
      try {
        Files.createDirectories(Path.of(data));
      } catch (IOException e) {
        throw new PgException(SqlState.IO_ERROR,
            "could not create DuckLake data path \"" + data + "\": " + e.getMessage(), e);
      }
    }
    directories.add(directory(data)); // an s3:// data path too, as a URL prefix (untested)
  }

  /** A DuckDB file and its write-ahead log. */
  private static void databaseFile(String file, List<String> paths) {
    paths.add(file);
    paths.add(file + ".wal");
  }

  private static String directory(String path) {
    return path.endsWith("/") ? path : path + "/";
  }

  private static String list(List<String> items) {
    StringBuilder sql = new StringBuilder("[");
    for (String item : items) {
      sql.append(sql.length() > 1 ? ", " : "").append(DuckLakeStorage.literal(item));
    }
    return sql.append(']').toString();
  }
}
