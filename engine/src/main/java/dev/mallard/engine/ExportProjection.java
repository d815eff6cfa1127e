package dev.mallard.engine;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Set;

/**
 * Some DuckDB types lose information in DuckDB's Arrow export: TIMETZ arrives without its offset,
 * BIGNUM as DuckDB's internal bytes. A query returning them is wrapped so those columns come back
 * as DuckDB's text (which for TIMETZ is already PostgreSQL's text form); the wire encoders accept
 * that text for the announced type.
 */
final class TextCasts {
  private static final Set<String> LOSSY_IN_ARROW =
      Set.of("TIME WITH TIME ZONE", "TIMETZ", "BIGNUM", "VARINT");

  private TextCasts() {}

  /** The wrapped query, or null when no column needs it. */
  static String wrap(String sql, ResultSetMetaData meta) throws SQLException {
    if (meta == null) {
      return null;
    }
    int n = meta.getColumnCount();
    boolean needed = false;
    for (int i = 1; i <= n && !needed; i++) {
      needed = LOSSY_IN_ARROW.contains(meta.getColumnTypeName(i));
    }
    if (!needed) {
      return null;
    }
    StringBuilder out = new StringBuilder("SELECT ");
    for (int i = 1; i <= n; i++) {
      if (i > 1) {
        out.append(", ");
      }
      String name = '"' + meta.getColumnName(i).replace("\"", "\"\"") + '"';
      if (LOSSY_IN_ARROW.contains(meta.getColumnTypeName(i))) {
        out.append("CAST(#").append(i).append(" AS VARCHAR) AS ").append(name);
      } else {
        out.append('#').append(i).append(" AS ").append(name);
      }
    }
    // The newline keeps a trailing line comment from swallowing the parenthesis.
    return out.append(" FROM (").append(stripTrailingSemicolon(sql)).append("\n)").toString();
  }

  private static String stripTrailingSemicolon(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }
}
