package dev.mallard.engine;

import dev.mallard.engine.sql.SetOperations;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.types.DuckDbTypeMapping;
import dev.mallard.wire.types.PgType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL resolves each column of a UNION, INTERSECT or EXCEPT to one type and refuses columns
 * of different type categories ({@code SELECT 1 UNION SELECT 'a'::text}: 42804 "UNION types
 * integer and text cannot be matched"); DuckDB casts both to VARCHAR. The branches of a
 * statement's top-level set operation are prepared one by one for their column types, and columns
 * whose categories differ among numbers, strings, booleans, date/times and intervals are refused.
 * Untyped constants ('a', NULL) take the other branches' type, as in PostgreSQL, and other
 * categories (arrays, json, ...) are left to DuckDB.
 */
final class SetOperationTypes {
  private static final Set<Character> CHECKED = Set.of('N', 'S', 'B', 'D', 'T');

  private SetOperationTypes() {}

  static void check(Connection connection, String sql) {
    SetOperations set = SetOperations.of(sql);
    if (set == null) {
      return;
    }
    List<PgType[]> types = new ArrayList<>();
    for (String branch : set.branches()) {
      PgType[] columns = columnTypes(connection, set.with() + " " + branch);
      if (columns == null) {
        return;
      }
      types.add(columns);
    }
    for (int c = 0; c < types.get(0).length; c++) {
      PgType seen = null;
      for (int b = 0; b < types.size(); b++) {
        PgType type = c < types.get(b).length ? types.get(b)[c] : null;
        boolean[] untyped = set.untyped().get(b);
        boolean unknown = untyped == null ? type != null && type.category() == 'S'
            : c < untyped.length && untyped[c];
        if (type == null || unknown || !CHECKED.contains(type.category())) {
          continue;
        }
        if (seen != null && seen.category() != type.category()) {
          throw new PgException(SqlState.DATATYPE_MISMATCH, set.operator() + " types "
              + seen.name() + " and " + type.name() + " cannot be matched");
        }
        seen = seen == null ? type : seen;
      }
    }
  }

  /** The PostgreSQL types of a branch's columns, or null when DuckDB cannot say. */
  private static PgType[] columnTypes(Connection connection, String sql) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ResultSetMetaData meta = ps.getMetaData();
      PgType[] types = new PgType[meta.getColumnCount()];
      for (int i = 0; i < types.length; i++) {
        String name = meta.getColumnTypeName(i + 1);
        types[i] = "UNKNOWN".equals(name) ? null : DuckDbTypeMapping.forDuckDbType(name).type();
      }
      return types;
    } catch (SQLException e) {
      return null; // the whole statement prepared: a branch DuckDB cannot read alone is not judged
    }
  }
}
