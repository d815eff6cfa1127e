package dev.mallard.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether running a statement again gives the same change: it must not call a function whose
 * answer differs from one run to the next (clock, random, sequences, UUIDs), directly or through a
 * column default of a table it names. Used to re-run a transaction's earlier changes when DuckDB
 * must start it again (ROLLBACK TO SAVEPOINT); the check errs on the side of refusing, since a
 * word in a string constant counts as well.
 */
public final class Volatility {
  private static final String FUNCTIONS = "now|random|setseed|nextval|currval|gen_random_uuid"
      + "|uuid|uuidv4|uuidv7|clock_timestamp|statement_timestamp|transaction_timestamp"
      + "|timeofday|get_current_timestamp|get_current_time|today|txid_current";
  private static final String KEYWORDS =
      "current_timestamp|current_time|current_date|localtime|localtimestamp";
  private static final Pattern VOLATILE = Pattern.compile(
      "\\b(?:(?:" + FUNCTIONS + ")\\s*\\(|(?:" + KEYWORDS + ")\\b)");
  private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_$]*");

  private Volatility() {}

  /** The first volatile function {@code sql} calls, or null. */
  public static String volatileCall(String sql) {
    Matcher m = VOLATILE.matcher(sql.toLowerCase(Locale.ROOT));
    return m.find() ? m.group().replaceAll("\\s*\\($", "") : null;
  }

  /** The lower-case words of {@code sql}: every table name it can mention is among them. */
  public static Set<String> words(String sql) {
    Set<String> words = new HashSet<>();
    Matcher m = WORD.matcher(sql.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** Lower-case names of the tables with a column whose default is volatile (serial columns). */
  static Set<String> tablesWithVolatileDefaults(Connection connection) throws SQLException {
    Set<String> tables = new HashSet<>();
    try (java.sql.Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT lower(table_name), column_default"
            + " FROM duckdb_columns() WHERE column_default IS NOT NULL")) {
      while (rs.next()) {
        if (volatileCall(rs.getString(2)) != null) {
          tables.add(rs.getString(1));
        }
      }
    }
    return tables;
  }
}
