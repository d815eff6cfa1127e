package dev.mallard.engine;

import dev.mallard.engine.roles.ObjectResolver;
import dev.mallard.engine.roles.RoleCommands;
import dev.mallard.engine.roles.RoleStatementParser;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The engine's side of role statements: parsed when prepared (so that a syntax error answers
 * Parse, as in PostgreSQL), run against the system catalog when executed. They never reach
 * DuckDB, and they take effect at once: inside a transaction block, ROLLBACK does not undo them.
 */
final class RoleStatements {
  private RoleStatements() {}

  static PreparedQuery prepare(Statement statement, RoleCommands roles) {
    if (roles == null) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "roles cannot be changed: this server has no system catalog");
    }
    return PreparedQuery.role(statement, RoleStatementParser.parse(statement.sql()));
  }

  static QueryResult execute(PreparedQuery query, RoleCommands roles, int roleOid,
      Connection connection, ObjectResolver objects) {
    List<QueryResult.Notice> notices = roles.execute(query.roleStatement(), roleOid,
        text -> timestamptz(connection, text), objects);
    return new QueryResult(query.statement(), null, 0, notices);
  }

  /** A timestamptz literal read by DuckDB, in the session's time zone. */
  private static Instant timestamptz(Connection connection, String text) {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT epoch_ms(CAST(? AS TIMESTAMPTZ))")) {
      ps.setString(1, text);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return Instant.ofEpochMilli(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new PgException(SqlState.INVALID_DATETIME_FORMAT,
          "invalid input syntax for type timestamp with time zone: \"" + text + "\"");
    }
  }
}
