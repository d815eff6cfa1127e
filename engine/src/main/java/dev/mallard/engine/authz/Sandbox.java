package dev.mallard.engine.authz;

import dev.mallard.engine.analysis.StatementAccess;
import dev.mallard.engine.analysis.StatementAnalysis;
import dev.mallard.engine.sql.SqlLexer;
import dev.mallard.engine.sql.Token;
import dev.mallard.engine.analysis.RelationRef;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The statement-level sandbox for roles that are not superusers: what they may run at all, before
 * privileges are looked at. It allows, rather than forbids: a statement the analyzer did not
 * fully understand, a statement type it does not list, or a table function it does not know is
 * refused. Grants decide the rest (see {@link Authorizer}).
 */
final class Sandbox {
  private Sandbox() {}

  /** Table functions that only compute rows: no files, URLs, settings, or other catalogs. */
  private static final Set<String> TABLE_FUNCTIONS = Set.of("generate_series", "range", "unnest",
      "generate_subscripts", "json_each", "json_tree", "regexp_split_to_table");

  /**
   * Functions refused wherever they appear: DuckDB's readers, scanners and introspection of the
   * instance (settings, secrets, extensions, attached databases), and SQL-running functions.
   */
  private static final Pattern FORBIDDEN_FUNCTIONS = Pattern.compile(
      "(read_|parquet_|iceberg_|delta_|ducklake_|postgres_|sqlite_|mysql_|pragma_|duckdb_|icu_).*"
      + "|mallard_.*|.*_scan|.*_scan_.*|glob|query|query_table|sniff_csv|getenv|load_extension|install_extension"
      + "|which_secret|nextval|setval|checkpoint|force_checkpoint|current_setting_duckdb|enable_profiling"
      + "|test_all_types|repeat_row|summary|csv_.*|json_execute_serialized_sql|parse_path"
      + "|from_substrait.*|get_substrait.*|sql_auto_complete|httpfs_.*|http_.*|s3_.*|arrow_scan.*");

  /**
   * Refuses what a non-superuser may never run. {@code analysis} is null for statements the
   * engine handles without the analyzer (the caller then decides).
   */
  static void check(String sql, StatementAnalysis analysis) {
    if (analysis == null || !analysis.complete()) {
      throw Denials.sandbox("this statement could not be fully analyzed"
          + (analysis == null || analysis.fallbackReason() == null ? ""
              : " (" + analysis.fallbackReason() + ")"));
    }
    StatementAccess access = analysis.access();
    if (access.action() == StatementAccess.Action.OTHER) {
      throw Denials.sandbox("this kind of statement is reserved to superusers");
    }
    if (access.writableCte()) {
      throw Denials.sandbox("INSERT, UPDATE or DELETE in WITH");
    }
    for (String f : access.tableFunctions()) {
      if (!TABLE_FUNCTIONS.contains(f) && !isCatalogFunction(f)) {
        throw Denials.sandbox("table function " + f + "()");
      }
    }
    for (String f : access.functions()) {
      if (FORBIDDEN_FUNCTIONS.matcher(f).matches()) {
        throw Denials.sandbox("function " + f + "()");
      }
    }
    checkIdentifiers(sql);
    for (List<RelationRef> refs : List.of(access.reads(), access.targets())) {
      for (RelationRef ref : refs) {
        if (ref.toString().contains("'")) {
          throw Denials.sandbox("a file name in place of a table (" + ref + ")");
        }
      }
    }
  }

  /** The emulation's own functions, which read only the emulated catalog. */
  private static boolean isCatalogFunction(String name) {
    return name.startsWith("_pg_") || name.startsWith("pg_get_");
  }

  /**
   * A quoted identifier with a path separator or a dot is refused: DuckDB reads a missing table
   * named like a file as that file (a "replacement scan"), and JSQLParser splits such a name at
   * its dots, so the analyzer could not be sure which relation it means.
   */
  private static void checkIdentifiers(String sql) {
    boolean ended = false;
    for (Token t : SqlLexer.lex(sql)) {
      String text = t.text();
      if (ended && t.kind() != Token.Kind.SPACE && !t.is(";")) {
        // JSQLParser reads only the first of several statements, while DuckDB's driver runs
        // every statement before the last one when preparing: one statement at a time only.
        throw Denials.sandbox("several statements in one");
      }
      ended |= t.is(";");
      if (t.kind() == Token.Kind.QUOTED_IDENT && (text.contains(".") || text.contains("/")
          || text.contains("\\") || text.contains(":"))) {
        throw Denials.sandbox("quoted name " + text + " looks like a path");
      }
    }
  }

  /** SET of a DuckDB engine setting (as opposed to a PostgreSQL session setting). */
  static void checkSetting(String name, Set<String> duckDbSettings) {
    String n = name.toLowerCase(Locale.ROOT);
    if (duckDbSettings.contains(n) && !PG_SETTINGS_DUCKDB_ALSO_HAS.contains(n)) {
      throw new dev.mallard.wire.error.PgException(
          dev.mallard.wire.error.SqlState.INSUFFICIENT_PRIVILEGE,
          "permission denied to set parameter \"" + name + "\"");
    }
  }

  /** PostgreSQL settings whose names DuckDB also uses; the session owns and maps them. */
  private static final Set<String> PG_SETTINGS_DUCKDB_ALSO_HAS = Set.of("timezone", "search_path",
      "application_name", "datestyle", "intervalstyle", "client_encoding", "statement_timeout",
      "default_transaction_isolation", "transaction_isolation", "extra_float_digits",
      "standard_conforming_strings", "lock_timeout");
}
