package dev.mallard.session;

import dev.mallard.engine.EngineSession;
import dev.mallard.engine.PreparedQuery;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.ResultCursor;
import dev.mallard.engine.Volatility;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.types.PgType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The changes a transaction block made in DuckDB, in order, so that ROLLBACK TO SAVEPOINT can undo
 * part of a transaction although DuckDB cannot: DuckDB's transaction is rolled back whole and the
 * changes made before the savepoint are run again in a new one ({@link #replay}). That is only
 * faithful when running them again gives the same changes, so {@link #whyNotReplayable} refuses
 * changes that call volatile functions or fill volatile defaults (serial ids would come out
 * different), changes whose input was not kept (COPY FROM STDIN, cursors WITH HOLD), and, on
 * replay, a statement that changes another number of rows than the first time.
 */
final class TransactionLog {
  /** Changes kept at most; a longer transaction can still commit or roll back as a whole. */
  static final int MAX_CHANGES = 10_000;
  /** Bytes of SQL and parameters kept at most (roughly counted). */
  static final long MAX_BYTES = 16L << 20;

  /**
   * One change: the SQL as written, its parameters' types and values, or what made it
   * unrepeatable. The SQL is kept rather than DuckDB's prepared statement, which costs far more
   * memory in a long transaction.
   */
  private record Change(String sql, int[] types, Object[] parameters, long rows,
      String searchPath, String unrepeatable) {}

  private final List<Change> changes = new ArrayList<>();
  private long bytes;
  /** Changes before this index were looked at by {@link #whyNotReplayable}. */
  private int checked;
  /** Why the change at {@code checked} cannot be run again, or null. */
  private String reason;

  /** The position a savepoint remembers. */
  int mark() {
    return changes.size();
  }

  /** Records a change DuckDB made: {@code rows} is its row count, or -1 when it returned rows. */
  void ran(PreparedQuery query, Object[] parameters, long rows, String searchPath) {
    String sql = query.sourceSql();
    long size = sizeOf(sql, parameters);
    if (changes.size() >= MAX_CHANGES || bytes + size > MAX_BYTES) {
      unrepeatable("the transaction's changes are too many to keep (more than " + MAX_CHANGES
          + " statements or " + (MAX_BYTES >> 20) + " MB)");
      return;
    }
    bytes += size;
    PgType[] types = query.parameterTypes();
    int[] oids = new int[types.length];
    for (int i = 0; i < oids.length; i++) {
      oids[i] = types[i].oid();
    }
    changes.add(new Change(sql, oids, parameters.clone(), rows, searchPath, null));
  }

  private static long sizeOf(String sql, Object[] parameters) {
    long size = 64 + 2L * sql.length();
    for (Object p : parameters) {
      size += p instanceof String s ? 2L * s.length() : p instanceof byte[] b ? b.length : 16;
    }
    return size;
  }

  /** Records a change that cannot be run again, and why. */
  void unrepeatable(String why) {
    if (changes.isEmpty() || changes.get(changes.size() - 1).unrepeatable == null) {
      changes.add(new Change(null, null, null, 0, null, why));
    }
  }

  /** Forgets the changes from {@code mark} on (rolled back), or all of them ({@code 0}). */
  void truncate(int mark) {
    List<Change> dropped = changes.subList(mark, changes.size());
    for (Change c : dropped) {
      bytes -= c.sql == null ? 0 : sizeOf(c.sql, c.parameters);
    }
    dropped.clear();
    if (checked >= mark) {
      checked = mark;
      reason = null;
    }
  }

  /**
   * Why the changes made so far could not be run again, or null when they can, as far as their
   * text tells (the tables' defaults are checked on replay); asked when a savepoint is set. Only
   * the changes since the last call are looked at.
   */
  String whyNotReplayable() {
    while (checked < changes.size() && reason == null) {
      reason = whyNotRepeatable(changes.get(checked));
      if (reason == null) {
        checked++; // on a reason, checked stays at its change: truncate() knows where it was
      }
    }
    return reason;
  }

  private static String whyNotRepeatable(Change c) {
    if (c.unrepeatable != null) {
      return c.unrepeatable;
    }
    String call = Volatility.volatileCall(c.sql);
    return call == null ? null
        : "a change made before it calls " + call + ", which would give another value";
  }

  /** Why {@code c} fills a table whose default is volatile, or null. */
  private static String volatileDefault(Change c, Set<String> volatileDefaults) {
    for (String word : Volatility.words(c.sql)) {
      if (volatileDefaults.contains(word)) {
        return "a change made before it fills table " + word
            + ", whose default (such as a serial id) would give another value";
      }
    }
    return null;
  }

  /** Whether a change before {@code mark} ran under another search_path than {@code now}. */
  boolean searchPathChanged(int mark, String now) {
    for (Change c : changes.subList(0, mark)) {
      if (c.searchPath != null && !c.searchPath.equals(now)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the changes before {@code mark} again, in DuckDB's new transaction. A change that fills a
   * table with a volatile default (looked up in that transaction, where the tables the changes
   * before it created exist again) is refused with 0A000. A change that now fails or changes
   * another number of rows (data committed by others since) is a serialization failure: the
   * transaction is not what it was. Either way the transaction block has failed.
   */
  void replay(int mark, EngineSession engine) {
    Set<String> volatileDefaults = null;
    for (Change c : changes.subList(0, mark)) {
      if (volatileDefaults == null) {
        volatileDefaults = engine.tablesWithVolatileDefaults();
      }
      String why = volatileDefault(c, volatileDefaults);
      if (why != null) {
        throw SavepointCommands.notSupported(
            "DuckDB cannot undo part of a transaction, and " + why);
      }
      long rows;
      try (PreparedQuery query = engine.prepare(c.sql, c.types)) {
        QueryResult result = engine.execute(query, c.parameters);
        rows = result.hasRows() ? count(result.cursor()) : result.changedRows();
      } catch (PgException e) {
        throw replayFailed("a change made before it failed when run again: " + e.getMessage());
      }
      if (c.rows >= 0 && rows != c.rows) {
        throw replayFailed("a change made before it changed " + rows + " rows when run again,"
            + " not " + c.rows + " (data committed since)");
      }
      Set<String> words = Volatility.words(c.sql);
      if (words.contains("create") || words.contains("alter")) {
        volatileDefaults = null; // the change may have made or altered a table
      }
    }
  }

  private static long count(ResultCursor cursor) {
    try (cursor) {
      long n = 0;
      while (cursor.advance()) {
        int rows = cursor.remainingInBatch();
        n += rows;
        cursor.consume(rows);
      }
      return n;
    } catch (SQLException e) {
      throw new PgException(SqlState.INTERNAL_ERROR, e.getMessage());
    }
  }

  private static PgException replayFailed(String why) {
    return new PgException(PgException.Severity.ERROR, SqlState.SERIALIZATION_FAILURE,
        "could not roll back to the savepoint: " + why, null, SavepointCommands.HINT, 0, null);
  }
}
