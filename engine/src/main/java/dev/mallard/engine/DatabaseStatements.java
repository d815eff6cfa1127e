package dev.mallard.engine;

import dev.mallard.engine.databases.DatabaseCommands;
import dev.mallard.engine.databases.DatabaseStatementParser;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;

/**
 * The engine's side of CREATE, DROP and ALTER DATABASE: parsed when prepared (a syntax error
 * answers Parse), run against the tenants and the system catalog when executed. They never
 * reach DuckDB and take effect at once.
 */
final class DatabaseStatements {
  private DatabaseStatements() {}

  static PreparedQuery prepare(Statement statement, DatabaseCommands databases) {
    if (databases == null) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "databases cannot be changed: this server has no system catalog");
    }
    return PreparedQuery.database(statement, DatabaseStatementParser.parse(statement.sql()));
  }

  static QueryResult execute(PreparedQuery query, DatabaseCommands databases, int roleOid,
      String currentDatabase) {
    return new QueryResult(query.statement(), null, 0,
        databases.execute(query.databaseStatement(), roleOid, currentDatabase));
  }
}
