package dev.mallard.engine;

import dev.mallard.engine.analysis.RelationRef;
import dev.mallard.engine.analysis.StatementAccess;
import dev.mallard.engine.analysis.StatementAnalysis;
import dev.mallard.engine.analysis.StatementAnalyzer;
import dev.mallard.engine.sql.SqlLexer;
import dev.mallard.engine.sql.Token;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.PgException.Severity;
import dev.mallard.wire.error.SqlState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * DROP TABLE / DROP VIEW of a relation a view reads is refused in PostgreSQL unless CASCADE (2BP01
 * "cannot drop table t because other objects depend on it"); DuckDB records no dependency of a view
 * on its tables, drops the table, and the view fails when next read. Before such a DROP runs, the
 * definitions of the database's views are analyzed (as statements are) for the relations they
 * read. A view whose definition the analyzer cannot read is not counted as dependent. With
 * CASCADE the DROP is left to DuckDB, which keeps the views (they fail when read).
 */
final class DependentViews {
  private static final String VIEWS = "SELECT schema_name, view_name, sql FROM duckdb_views()"
      + " WHERE NOT internal AND database_name IN (current_database(), 'temp')";

  private DependentViews() {}

  /**
   * @param sql the DROP statement as the client wrote it
   * @param searchPath DuckDB's schema search path, for relations named without a schema
   */
  static void check(Connection connection, StatementAnalyzer analyzer, String sql,
      List<String> searchPath) {
    StatementAnalysis analysis = analyzer.lookup(sql);
    StatementAccess access = analysis.access();
    if (!analysis.complete() || access.action() != StatementAccess.Action.DROP
        || !(access.objectType().equals("TABLE") || access.objectType().equals("VIEW"))
        || endsWithCascade(sql)) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(VIEWS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String schema = rs.getString(1);
        String view = rs.getString(2);
        StatementAnalysis definition = analyzer.lookup(rs.getString(3));
        if (!definition.complete() || isTarget(access, schema, view, searchPath)) {
          continue;
        }
        for (RelationRef target : access.targets()) {
          if (reads(definition.access(), schema, target, searchPath)) {
            String kind = access.objectType().toLowerCase(Locale.ROOT);
            throw new PgException(Severity.ERROR, SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                "cannot drop " + kind + " " + target.name()
                    + " because other objects depend on it",
                "view " + view + " depends on " + kind + " " + target.name(),
                "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
          }
        }
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, VIEWS);
    }
  }

  private static boolean endsWithCascade(String sql) {
    Token last = null;
    for (Token t : SqlLexer.lex(sql)) {
      if (t.kind() != Token.Kind.SPACE && !t.is(";")) {
        last = t;
      }
    }
    return last != null && last.isWord("cascade");
  }

  /** Whether the view {@code schema.view} is itself dropped by the statement. */
  private static boolean isTarget(StatementAccess access, String schema, String view,
      List<String> searchPath) {
    for (RelationRef target : access.targets()) {
      if (target.name().equals(view) && schemaOf(target, searchPath).equals(schema)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a view in {@code viewSchema} reads {@code target}. */
  private static boolean reads(StatementAccess view, String viewSchema, RelationRef target,
      List<String> searchPath) {
    String targetSchema = schemaOf(target, searchPath);
    for (RelationRef read : view.reads()) {
      if (!read.name().equals(target.name())) {
        continue;
      }
      String schema = read.schema() == null ? null : duckDbSchema(read.schema());
      if (schema == null ? targetSchema.equals(viewSchema) || targetSchema.equals("main")
          : schema.equals(targetSchema)) {
        return true;
      }
    }
    return false;
  }

  private static String schemaOf(RelationRef ref, List<String> searchPath) {
    return ref.schema() == null ? searchPath.get(0) : duckDbSchema(ref.schema());
  }

  /** PostgreSQL's public is DuckDB's main. */
  private static String duckDbSchema(String schema) {
    return schema.equals("public") ? "main" : schema;
  }
}
