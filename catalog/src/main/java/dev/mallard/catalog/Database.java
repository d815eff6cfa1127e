package dev.mallard.catalog;

import java.util.Map;
import java.util.TreeMap;

/**
 * A database as the server knows it (a row of pg_database): a tenant whose catalog is a DuckDB
 * file in the data directory or a DuckLake.
 *
 * @param oid the database's OID
 * @param ownerOid OID of the owning role (pg_database.datdba)
 * @param connectionLimit sessions allowed at once; -1 for no limit (superusers are exempt)
 * @param allowConnections whether sessions may connect at all (pg_database.datallowconn)
 * @param options how the catalog is stored (for DuckLake: metadata store, data path, S3 access),
 *     by lower-case option name
 * @param settings per-database settings (ALTER DATABASE ... SET), by lower-case setting name
 */
public record Database(
    int oid,
    String name,
    int ownerOid,
    Kind kind,
    int connectionLimit,
    boolean allowConnections,
    Map<String, String> options,
    Map<String, String> settings) {

  /** Where a tenant's catalog lives. */
  public enum Kind {
    /** {@code <data-dir>/<name>.duckdb}. */
    DUCKDB,
    /** A DuckLake: metadata in PostgreSQL, SQLite or DuckDB, data files in a directory or S3. */
    DUCKLAKE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Database {
    options = Map.copyOf(options);
    settings = Map.copyOf(settings);
  }

  /** A DuckDB-file database with default attributes. */
  public static Database duckDb(String name, int ownerOid) {
    return new Database(0, name, ownerOid, Kind.DUCKDB, -1, true, Map.of(), Map.of());
  }

  public Database withOid(int newOid) {
    return new Database(newOid, name, ownerOid, kind, connectionLimit, allowConnections, options,
        settings);
  }

  public Database withName(String newName) {
    return new Database(oid, newName, ownerOid, kind, connectionLimit, allowConnections, options,
        settings);
  }

  public Database withOwner(int newOwnerOid) {
    return new Database(oid, name, newOwnerOid, kind, connectionLimit, allowConnections, options,
        settings);
  }

  /** The options with {@code option} set to {@code value}, or removed when value is null. */
  public Database withOption(String option, String value) {
    return new Database(oid, name, ownerOid, kind, connectionLimit, allowConnections,
        with(options, option, value), settings);
  }

  public Database withConnectionLimit(int limit) {
    return new Database(oid, name, ownerOid, kind, limit, allowConnections, options, settings);
  }

  public Database withAllowConnections(boolean allow) {
    return new Database(oid, name, ownerOid, kind, connectionLimit, allow, options, settings);
  }

  /** The settings with {@code name} set to {@code value}, or removed when value is null. */
  public Database withSetting(String setting, String value) {
    return new Database(oid, name, ownerOid, kind, connectionLimit, allowConnections, options,
        with(settings, setting, value));
  }

  private static Map<String, String> with(Map<String, String> map, String key, String value) {
    Map<String, String> changed = new TreeMap<>(map);
    if (value == null) {
      changed.remove(key);
    } else {
      changed.put(key, value);
    }
    return changed;
  }

  public Database withoutSettings() {
    return new Database(oid, name, ownerOid, kind, connectionLimit, allowConnections, options,
        Map.of());
  }

  /** Options are kept out of logs: they may hold credentials (S3 secrets, PostgreSQL passwords). */
  @Override
  public String toString() {
    return "Database[" + name + ", oid " + oid + ", " + kind.label() + "]";
  }
}
