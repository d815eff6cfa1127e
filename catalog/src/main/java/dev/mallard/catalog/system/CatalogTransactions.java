package dev.mallard.catalog.system;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How the system catalog's tables change: each change is one DuckDB transaction, so a crash in
 * the middle of one leaves the old state or the new, never a mix. OIDs come from one sequence
 * shared by roles and databases, as PostgreSQL's do.
 */
final class CatalogTransactions {
  private CatalogTransactions() {}

  interface Change {
    void run() throws SQLException;
  }

  /** Runs {@code change} in one transaction of {@code db}: committed whole or rolled back. */
  static void run(Connection db, Change change) throws SQLException {
    db.setAutoCommit(false);
    try {
      change.run();
      db.commit();
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** Runs {@code change} as {@link #run(Connection, Change)}, then {@code reload}; 58030 on failure. */
  static void run(Connection db, Change change, Change reload) {
    try {
      run(db, change);
      reload.run();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  static int nextOid(Connection db) {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('oids')")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  static PgException failure(SQLException e) {
    return new PgException(SqlState.IO_ERROR, "system catalog: " + e.getMessage(), e);
  }
}
