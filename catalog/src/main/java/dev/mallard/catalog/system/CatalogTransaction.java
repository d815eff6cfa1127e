package dev.mallard.catalog.system;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One change to the system catalog as one DuckDB transaction, followed by a refresh of the
 * in-memory snapshot: a crash in the middle leaves the old state or the new, never a mix.
 */
final class CatalogTransaction {
  private CatalogTransaction() {}

  interface Work {
    void run() throws SQLException;
  }

  /** Runs {@code change} in a transaction on {@code db}, then {@code reload}; 58030 on failure. */
  static void run(Connection db, Work change, Work reload) {
    try {
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
      reload.run();
    } catch (SQLException e) {
      throw new PgException(SqlState.IO_ERROR, "system catalog: " + e.getMessage(), e);
    }
  }
}
