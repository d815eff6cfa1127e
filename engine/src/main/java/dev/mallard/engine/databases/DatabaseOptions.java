package dev.mallard.engine.databases;

import dev.mallard.catalog.Database;
import dev.mallard.catalog.DuckLakeStorage;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The options of CREATE DATABASE and ALTER DATABASE as Mallard reads them: PostgreSQL's own
 * (OWNER, CONNECTION LIMIT, ALLOW_CONNECTIONS, and TEMPLATE, ENCODING, LOCALE... where they
 * describe what a Mallard database is anyway) and Mallard's (TYPE and the DuckLake storage
 * options). What cannot be honoured is refused, never silently ignored.
 */
final class DatabaseOptions {
  /** PostgreSQL options whose only possible value in Mallard is the one it has. */
  private static final Map<String, Set<String>> FIXED = Map.of(
      "template", Set.of("template0", "template1"),
      "encoding", Set.of("utf8", "utf-8", "unicode", "6"),
      "locale", Set.of("c", "posix"),
      "lc_collate", Set.of("c", "posix"),
      "lc_ctype", Set.of("c", "posix"),
      "locale_provider", Set.of("libc"),
      "tablespace", Set.of("pg_default"),
      "is_template", Set.of("false", "off", "0"),
      "strategy", Set.of("wal_log", "file_copy"));

  private DatabaseOptions() {}

  /** A connection limit: -1 (none) or more; 22023 otherwise, as in PostgreSQL. */
  static int connectionLimit(String value) {
    int limit = integer("connection_limit", value);
    if (limit < -1) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "invalid connection limit: " + limit);
    }
    return limit;
  }

  static boolean bool(String option, String value) {
    String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
    switch (v) {
      case "true": case "on": case "yes": case "1": case "t":
        return true;
      case "false": case "off": case "no": case "0": case "f":
        return false;
      default:
        throw new PgException(SqlState.SYNTAX_ERROR, option + " requires a Boolean value");
    }
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new PgException(SqlState.SYNTAX_ERROR, option + " requires an integer value");
    }
  }

  /**
   * Checks a PostgreSQL option that describes every Mallard database (UTF8, C collation, no
   * templates); true when {@code option} is one of them.
   */
  static boolean checkFixed(String option, String value) {
    Set<String> allowed = FIXED.get(option);
    if (allowed == null) {
      return false;
    }
    if (value != null && !allowed.contains(value.toLowerCase(Locale.ROOT))) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "Mallard cannot create a database with "
          + option.toUpperCase(Locale.ROOT) + " \"" + value + "\": its databases are UTF8 with"
          + " the C collation, in the default tablespace, and are not copied from a template");
    }
    return true;
  }

  /**
   * The kind a CREATE DATABASE asks for: TYPE ducklake, or any DuckLake option, makes a
   * DuckLake; TYPE duckdb (the default) refuses DuckLake options.
   */
  static Database.Kind kind(Map<String, String> options) {
    String type = options.get("type");
    boolean lakeOptions = options.keySet().stream().anyMatch(DuckLakeStorage::isOption);
    if (type == null) {
      return lakeOptions ? Database.Kind.DUCKLAKE : Database.Kind.DUCKDB;
    }
    switch (type.toLowerCase(Locale.ROOT)) {
      case "ducklake":
        return Database.Kind.DUCKLAKE;
      case "duckdb":
        if (lakeOptions) {
          throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
              "DuckLake options (METADATA, DATA_PATH, S3_...) need TYPE ducklake");
        }
        return Database.Kind.DUCKDB;
      default:
        throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
            "invalid database TYPE \"" + type + "\": duckdb or ducklake");
    }
  }

  /** The DuckLake storage options given, by lower-case name (DEFAULT leaves one out). */
  static Map<String, String> lakeOptions(Map<String, String> options) {
    Map<String, String> lake = new TreeMap<>();
    options.forEach((k, v) -> {
      if (DuckLakeStorage.isOption(k) && v != null) {
        lake.put(k, v);
      }
    });
    return lake;
  }

  /**
   * A duration setting's value as PostgreSQL reads it: milliseconds, or a number with one of
   * its units; 22023 otherwise, before it is stored (a bad value would fail every login).
   */
  static void checkDuration(String setting, String value) {
    if (!value.strip().matches("\\d+(\\.\\d+)?\\s*(us|ms|s|min|h|d)?")) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for parameter \"" + setting + "\": \"" + value + "\"");
    }
  }

  static PgException unrecognized(String option) {
    return new PgException(SqlState.SYNTAX_ERROR, "option \"" + option + "\" not recognized");
  }
}
