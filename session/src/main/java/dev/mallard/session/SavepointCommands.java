package dev.mallard.session;

import dev.mallard.engine.EngineSession;
import dev.mallard.engine.Identifiers;
import dev.mallard.engine.Statement;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.List;

/**
 * SAVEPOINT, RELEASE [SAVEPOINT] and ROLLBACK TO [SAVEPOINT], within what DuckDB can honestly do
 * (see {@link Savepoints}). When no data changed since the savepoint and DuckDB's transaction is
 * still usable, going back is a matter of session state (settings, cursors declared since, the
 * failed status). Otherwise DuckDB's transaction is rolled back and the changes made before the
 * savepoint are run again in a new one ({@link TransactionLog}); where that would not give the
 * same transaction, 0A000 says that DuckDB cannot undo part of a transaction, and the block must
 * be rolled back as a whole.
 */
final class SavepointCommands {
  private final Session session;
  private final EngineSession engine;
  private final SessionSettings settings;

  SavepointCommands(Session session, EngineSession engine, SessionSettings settings) {
    this.session = session;
    this.engine = engine;
    this.settings = settings;
  }

  CommandResult run(Statement statement) {
    String tag = statement.commandTag(0);
    if (session.status() == TransactionStatus.IDLE) {
      String what = switch (statement.kind()) {
        case SAVEPOINT -> "SAVEPOINT";
        case RELEASE_SAVEPOINT -> "RELEASE SAVEPOINT";
        default -> "ROLLBACK TO SAVEPOINT";
      };
      throw new PgException(
          SqlState.NO_ACTIVE_SQL_TRANSACTION, what + " can only be used in transaction blocks");
    }
    String name = savepointName(statement);
    Savepoints savepoints = session.savepoints();
    switch (statement.kind()) {
      case SAVEPOINT:
        savepoints.add(new Savepoints.Savepoint(name, settings.snapshot(),
            session.cursors().mark(), savepoints.log().mark(),
            savepoints.log().whyNotReplayable()));
        break;
      case RELEASE_SAVEPOINT:
        savepoints.release(savepoints.find(name));
        break;
      default:
        rollbackTo(savepoints.find(name));
    }
    return CommandResult.tag(tag);
  }

  private void rollbackTo(Savepoints.Savepoint savepoint) {
    session.cursors().rolledBackTo(savepoint.cursorMark);
    boolean aborted = session.status() == TransactionStatus.FAILED && !duckDbTransactionUsable();
    if (savepoint.changedSince || aborted) {
      restartDuckDbTransaction(savepoint);
    }
    session.savepoints().rolledBackTo(savepoint);
    settings.restore(savepoint.settings);
    session.status(TransactionStatus.IN_TRANSACTION);
    session.settingsChanged();
  }

  /** Whether DuckDB's transaction survived the error (errors found before execution leave it). */
  private boolean duckDbTransactionUsable() {
    try {
      engine.executeUtility("SELECT 1");
      return true;
    } catch (PgException e) {
      return false;
    }
  }

  /**
   * Replaces DuckDB's transaction with a new one holding only the changes made before the
   * savepoint, run again. That is faithful at READ COMMITTED, where PostgreSQL takes a new
   * snapshot for each statement anyway, when the changes run again the same way (see
   * {@link TransactionLog}) and no cursor still reads the old transaction.
   */
  private void restartDuckDbTransaction(Savepoints.Savepoint savepoint) {
    String isolation = settings.get("transaction_isolation");
    if (!isolation.equals("read committed") && !isolation.equals("read uncommitted")) {
      throw notSupported("DuckDB would have to start the transaction again, and a new one would"
          + " not keep the " + isolation + " snapshot");
    }
    String cursor = session.cursors().streamedInTransaction();
    if (cursor != null) {
      throw notSupported("cursor \"" + cursor + "\" reads DuckDB's transaction, which would"
          + " have to start again");
    }
    TransactionLog log = session.savepoints().log();
    String why = savepoint.unrepeatable != null ? savepoint.unrepeatable
        : log.searchPathChanged(savepoint.logMark, settings.get("search_path"))
        ? "search_path changed since a change made before it" : null;
    if (why != null) {
      throw notSupported("DuckDB cannot undo part of a transaction, and " + why);
    }
    engine.executeUtility("ROLLBACK");
    engine.executeUtility(settings.get("transaction_read_only").equals("on")
        ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
    log.replay(savepoint.logMark, engine);
  }

  /** The hint of every failed ROLLBACK TO SAVEPOINT. */
  static final String HINT = "Roll back the whole transaction and run it again.";

  static PgException notSupported(String why) {
    return new PgException(PgException.Severity.ERROR, SqlState.FEATURE_NOT_SUPPORTED,
        "cannot roll back to the savepoint: " + why, null, HINT, 0, null);
  }

  /** The name after SAVEPOINT, RELEASE [SAVEPOINT] or ROLLBACK [WORK] TO [SAVEPOINT]. */
  private static String savepointName(Statement statement) {
    List<String> tokens = SettingCommand.tokens(statement.sql());
    String last = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
    boolean keyword = last.equalsIgnoreCase("SAVEPOINT") || last.equalsIgnoreCase("TO")
        || last.equalsIgnoreCase("RELEASE") || tokens.size() < 2;
    if (keyword) {
      throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
    }
    return Identifiers.fold(last);
  }
}
