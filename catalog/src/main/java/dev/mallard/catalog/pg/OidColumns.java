package dev.mallard.catalog.pg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Types the OID columns of the emulation's pg_catalog views as PostgreSQL does. DuckDB has no oid
 * type; its UINTEGER has exactly oid's range, and the wire layer sends UINTEGER as oid (26), so a
 * view whose PostgreSQL counterpart has oid (or oid[]) columns is re-created with those columns
 * cast to UINTEGER (UINTEGER[]). Clients that look up the types of a result (asyncpg) then see
 * oid and oid[], which they know without asking, instead of int4[], which they would have to look
 * up with the very query that returned it. The views are written with INTEGER OIDs and wrapped
 * here, so that their UNION branches and literals need no casts of their own.
 */
final class OidColumns {
  private static final Pattern CREATE_VIEW =
      Pattern.compile("(?s)(?:--[^\\n]*\\n\\s*)*CREATE VIEW (\\S+)\\.(\\w+) AS\\s+(.*)");
  private static final Map<String, Set<String>> COLUMNS = load();

  private OidColumns() {}

  /** Re-creates the view a script statement created when it has OID columns. */
  static void retype(Connection root, String statement) throws SQLException {
    Matcher m = CREATE_VIEW.matcher(statement);
    if (!m.matches() || !COLUMNS.containsKey(m.group(2))) {
      return;
    }
    String schema = m.group(1);
    String view = m.group(2);
    List<String> casts = new ArrayList<>();
    try (PreparedStatement p = root.prepareStatement("SELECT column_name, data_type"
        + " FROM duckdb_columns() WHERE database_name = ? AND schema_name = ? AND table_name = ?"
        + " ORDER BY column_index")) {
      p.setString(1, PgCatalog.DATABASE);
      p.setString(2, schema.substring(schema.indexOf('.') + 1));
      p.setString(3, view);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String column = rs.getString(1);
          if (COLUMNS.get(view).contains(column)) {
            String type = rs.getString(2).endsWith("[]") ? "UINTEGER[]" : "UINTEGER";
            casts.add("CAST(" + column + " AS " + type + ") AS " + column);
          }
        }
      }
    }
    if (casts.isEmpty()) {
      return;
    }
    try (Statement s = root.createStatement()) {
      s.execute("CREATE OR REPLACE VIEW " + schema + "." + view + " AS SELECT * REPLACE ("
          + String.join(", ", casts) + ") FROM (" + m.group(3) + "\n)");
    }
  }

  /** pg_oid_columns.txt: one relation a line, its name then its OID columns. */
  private static Map<String, Set<String>> load() {
    Map<String, Set<String>> columns = new HashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        OidColumns.class.getResourceAsStream("pg_oid_columns.txt"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] words = line.strip().split(" ");
          columns.put(words[0], Set.of(Arrays.copyOfRange(words, 1, words.length)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(columns);
  }
}
