package dev.mallard.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;

/**
 * PostgreSQL's session-level advisory locks (pg_advisory_lock, pg_try_advisory_lock,
 * pg_advisory_unlock, pg_advisory_unlock_all), held in this process for one database: a lock is
 * exclusive, re-entrant for its holder (each lock needs its own unlock) and released when the
 * session ends. The one-bigint and two-int4 keys are distinct lock spaces, as in PostgreSQL.
 * Shared and transaction-level variants are not provided.
 */
final class AdvisoryLocks {
  /** (database, space, key) → holder session and how many times it took the lock. */
  private static final Map<LockKey, Hold> HELD = new HashMap<>();
  private static final long POLL_MILLIS = 100;

  private record LockKey(Object database, boolean pair, long key) {}

  private record Hold(long session, int count) {}

  private AdvisoryLocks() {}

  /** The session's TEMP macros, passing its id to the instance's functions. */
  static void bind(DuckDBConnection connection, Object database, long session) throws SQLException {
    String db = "'" + System.identityHashCode(database) + "'";
    try (Statement s = connection.createStatement()) {
      // pg_advisory_lock and pg_advisory_unlock_all return void, whose text is empty.
      macro(s, "pg_advisory_lock", "CASE WHEN %s THEN '' END", "lock", session, db);
      macro(s, "pg_try_advisory_lock", "%s", "try", session, db);
      macro(s, "pg_advisory_unlock", "%s", "unlock", session, db);
      s.execute("CREATE OR REPLACE TEMP MACRO pg_advisory_unlock_all() AS CASE WHEN"
          + " mallard_advisory('all', " + session + ", " + db + ", false, 0) THEN '' END");
    }
  }

  private static void macro(Statement s, String name, String shape, String action, long session,
      String db) throws SQLException {
    String call = "mallard_advisory('" + action + "', " + session + ", " + db + ", ";
    s.execute("CREATE OR REPLACE TEMP MACRO " + name + "(a_key) AS "
        + shape.formatted(call + "false, CAST(a_key AS BIGINT))") + ", (a_key1, a_key2) AS "
        + shape.formatted(call + "true, (CAST(a_key1 AS BIGINT) << 32)"
            + " | (CAST(a_key2 AS BIGINT) & 4294967295))"));
  }

  static void register(DuckDBConnection connection) throws SQLException {
    DuckDBFunctions.scalarFunction()
        .withName("mallard_advisory")
        .withParameters(String.class, Long.class, String.class, Boolean.class, Long.class)
        .withReturnType(Boolean.class)
        .withVolatile()
        .withVectorizedFunction((in, out) -> {
          DuckDBReadableVector action = in.vector(0);
          DuckDBReadableVector session = in.vector(1);
          DuckDBReadableVector database = in.vector(2);
          DuckDBReadableVector pair = in.vector(3);
          DuckDBReadableVector key = in.vector(4);
          for (long r = 0; r < in.rowCount(); r++) {
            if (key.isNull(r)) {
              out.setNull(r);
              continue;
            }
            LockKey k = new LockKey(database.getString(r), pair.getBoolean(r), key.getLong(r));
            out.setBoolean(r, apply(action.getString(r), session.getLong(r), k));
          }
        })
        .register(connection);
  }

  private static boolean apply(String action, long session, LockKey key) {
    return switch (action) {
      case "lock" -> lock(session, key);
      case "try" -> tryLock(session, key);
      case "unlock" -> unlock(session, key);
      default -> {
        releaseAll(session);
        yield true;
      }
    };
  }

  /** Waits for the lock as PostgreSQL does; gives up only when the session has ended. */
  private static boolean lock(long session, LockKey key) {
    synchronized (HELD) {
      while (!tryLock(session, key)) {
        if (!PgFunctions.isBound(session)) {
          throw new IllegalStateException("[57014] session ended while waiting for an advisory lock");
        }
        try {
          HELD.wait(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("[57014] canceling statement due to user request");
        }
      }
      return true;
    }
  }

  private static boolean tryLock(long session, LockKey key) {
    synchronized (HELD) {
      Hold hold = HELD.get(key);
      if (hold != null && hold.session() != session) {
        return false;
      }
      HELD.put(key, new Hold(session, hold == null ? 1 : hold.count() + 1));
      return true;
    }
  }

  /** False when the session does not hold the lock (PostgreSQL also warns). */
  private static boolean unlock(long session, LockKey key) {
    synchronized (HELD) {
      Hold hold = HELD.get(key);
      if (hold == null || hold.session() != session) {
        return false;
      }
      if (hold.count() == 1) {
        HELD.remove(key);
        HELD.notifyAll();
      } else {
        HELD.put(key, new Hold(session, hold.count() - 1));
      }
      return true;
    }
  }

  /** pg_advisory_unlock_all(), and what a session's end does. */
  static void releaseAll(long session) {
    synchronized (HELD) {
      if (HELD.values().removeIf(h -> h.session() == session)) {
        HELD.notifyAll();
      }
    }
  }
}
