package dev.mallard.engine;

import dev.mallard.engine.sql.WritableCtes;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.types.PgType;
import dev.mallard.wire.types.PgTypes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's data-modifying CTEs ({@code WITH gone AS (DELETE ... RETURNING ...) SELECT ...
 * FROM gone}) over DuckDB, which cannot run them: each INSERT, UPDATE or DELETE of the WITH clause
 * is prepared, authorized and run as a statement of its own, in order, and the statement then runs
 * with each such CTE's body replaced by the rows it returned (as typed constants), all in one
 * transaction (the session's, or one of its own that ends with the statement). Unlike PostgreSQL,
 * the rest of the statement sees the changes (PostgreSQL's sub-statements all read one snapshot
 * taken before any of them), and a data-modifying CTE cannot read another CTE of the clause.
 */
final class WritableCteQueries {
  private WritableCteQueries() {}

  /**
   * Prepares the parts, and the statement with empty bodies of the parts' result types, whose
   * columns and parameters are what Describe reports.
   */
  static PreparedQuery prepare(EngineSession session, Statement statement, WritableCtes ctes,
      int[] declaredTypes) {
    List<PreparedQuery> parts = new ArrayList<>();
    try {
      Map<String, String> empty = new HashMap<>();
      for (WritableCtes.Part part : ctes.parts()) {
        PreparedQuery prepared = session.prepare(part.sql(), declaredTypes).asWritablePart();
        parts.add(prepared);
        if (prepared.duckdb() == null || !isDml(prepared.statement().kind())) {
          throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
              "WITH query \"" + part.name() + "\" must be INSERT, UPDATE or DELETE");
        }
        empty.put(part.name(), rows(session.resultTypes(prepared), List.of()));
      }
      PreparedQuery probe = session.prepare(ctes.statement(empty), declaredTypes);
      return PreparedQuery.writable(statement, probe, parts, ctes, declaredTypes);
    } catch (SQLException e) {
      parts.forEach(PreparedQuery::close);
      throw DuckDbErrors.translate(e, statement.sql());
    } catch (RuntimeException e) {
      parts.forEach(PreparedQuery::close);
      throw e;
    }
  }

  static QueryResult execute(EngineSession session, PreparedQuery query, Object[] parameters) {
    boolean own = session.beginUnlessInTransaction();
    try {
      Map<String, String> returned = new HashMap<>();
      List<WritableCtes.Part> names = query.writableCtes().parts();
      for (int n = 0; n < names.size(); n++) {
        returned.put(names.get(n).name(), run(session, query.writableParts().get(n), parameters));
      }
      QueryResult result;
      try (PreparedQuery main = session.prepare(query.writableCtes().statement(returned),
          query.writableDeclaredTypes())) {
        main.asWritablePart().busy(true); // run with a statement of its own, closed with its result
        result = session.execute(main, parameters);
      }
      if (own) {
        session.executeUtility("COMMIT");
      }
      return result;
    } catch (RuntimeException e) {
      if (own) {
        session.executeUtility("ROLLBACK");
      }
      throw e;
    }
  }

  /** Runs one data-modifying CTE; the rows it returned as a query. */
  private static String run(EngineSession session, PreparedQuery part, Object[] parameters) {
    session.recheck(part);
    PreparedStatement ps = part.duckdb();
    try {
      session.bind(ps, part, parameters);
      List<String[]> rows = new ArrayList<>();
      if (ps.execute()) {
        try (ResultSet rs = ps.getResultSet()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
              row[c] = rs.getString(c + 1);
            }
            rows.add(row);
          }
        }
      }
      return rows(session.resultTypes(part), rows);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, part.statement().sql());
    }
  }

  /**
   * A query giving {@code rows} (DuckDB's text of each value) typed as {@code resultTypes}
   * ({name, DuckDB type} each): VALUES of casts, or a SELECT of typed NULLs that returns nothing.
   */
  private static String rows(List<String[]> resultTypes, List<String[]> rows) {
    int columns = resultTypes.size();
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (String[] column : resultTypes) {
      names.add(Identifiers.quote(column[0]));
      types.add(column[1]);
    }
    if (columns == 0) {
      return "SELECT 1 WHERE false";
    }
    if (rows.isEmpty()) {
      List<String> nulls = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        nulls.add("CAST(NULL AS " + types.get(c) + ") AS " + names.get(c));
      }
      return "SELECT " + String.join(", ", nulls) + " WHERE false";
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM (VALUES ");
    for (int r = 0; r < rows.size(); r++) {
      sql.append(r == 0 ? "(" : ", (");
      for (int c = 0; c < columns; c++) {
        String value = rows.get(r)[c];
        sql.append(c == 0 ? "" : ", ").append("CAST(")
            .append(value == null ? "NULL" : Identifiers.literal(value))
            .append(" AS ").append(types.get(c)).append(')');
      }
      sql.append(')');
    }
    return sql.append(") AS mallard_returned(").append(String.join(", ", names)).append(')')
        .toString();
  }

  private static boolean isDml(StatementKind kind) {
    return kind == StatementKind.INSERT || kind == StatementKind.UPDATE
        || kind == StatementKind.DELETE;
  }

  /** Parameter types of the whole statement: each from the first part that uses it. */
  static PgType[] parameterTypes(PreparedQuery probe, List<PreparedQuery> parts) {
    int count = probe.parameterCount();
    for (PreparedQuery part : parts) {
      count = Math.max(count, part.parameterCount());
    }
    PgType[] types = new PgType[count];
    for (int i = 0; i < count; i++) {
      types[i] = PgTypes.TEXT;
      List<PreparedQuery> all = new ArrayList<>(parts);
      all.add(probe);
      for (PreparedQuery q : all) {
        if (i < q.parameterCount() && q.parameterTypes()[i] != PgTypes.TEXT) {
          types[i] = q.parameterTypes()[i];
          break;
        }
      }
    }
    return types;
  }
}
