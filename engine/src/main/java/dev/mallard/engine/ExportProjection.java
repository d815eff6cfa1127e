package dev.mallard.engine;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Set;

/**
 * A projection over a query that makes its result safe to export as Arrow, applied only when
 * needed. Some DuckDB types lose information in the export: TIMETZ arrives without its offset,
 * BIGNUM as DuckDB's internal bytes; those columns are cast to DuckDB's text (for TIMETZ already
 * PostgreSQL's text form), which the wire encoders accept for the announced type. Column names
 * longer than PostgreSQL's 63-byte identifiers (an unnamed long literal is named after its whole
 * text) are replaced by the truncated name PostgreSQL would show, which also keeps Arrow's schema
 * import from failing on huge names.
 */
final class ExportProjection {
  private static final Set<String> LOSSY_IN_ARROW =
      Set.of("TIME WITH TIME ZONE", "TIMETZ", "BIGNUM", "VARINT");

  /** PostgreSQL's NAMEDATALEN - 1. */
  static final int MAX_NAME_BYTES = 63;

  private ExportProjection() {}

  /** The wrapped query, or null when no column needs it. */
  static String wrap(String sql, ResultSetMetaData meta) throws SQLException {
    if (meta == null) {
      return null;
    }
    int n = meta.getColumnCount();
    boolean needed = false;
    for (int i = 1; i <= n && !needed; i++) {
      needed = LOSSY_IN_ARROW.contains(meta.getColumnTypeName(i))
          || meta.getColumnName(i).length() > MAX_NAME_BYTES;
    }
    if (!needed) {
      return null;
    }
    StringBuilder out = new StringBuilder("SELECT ");
    for (int i = 1; i <= n; i++) {
      if (i > 1) {
        out.append(", ");
      }
      String name = Identifiers.quote(truncate(meta.getColumnName(i)));
      if (LOSSY_IN_ARROW.contains(meta.getColumnTypeName(i))) {
        out.append("CAST(#").append(i).append(" AS VARCHAR) AS ").append(name);
      } else {
        out.append('#').append(i).append(" AS ").append(name);
      }
    }
    // The newline keeps a trailing line comment from swallowing the parenthesis.
    return out.append(" FROM (").append(stripTrailingSemicolon(sql)).append("\n)").toString();
  }

  /** A name cut to 63 UTF-8 bytes without splitting a character, as PostgreSQL truncates. */
  static String truncate(String name) {
    byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (utf8.length <= MAX_NAME_BYTES) {
      return name;
    }
    int end = MAX_NAME_BYTES;
    while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(utf8, 0, end, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String stripTrailingSemicolon(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }
}
