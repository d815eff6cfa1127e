package dev.mallard.session;

import dev.mallard.engine.EngineSession;
import dev.mallard.engine.Identifiers;
import dev.mallard.engine.Statement;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.List;

/**
 * SAVEPOINT, RELEASE [SAVEPOINT] and ROLLBACK TO [SAVEPOINT], within what DuckDB can honestly do
 * (see {@link Savepoints}): ROLLBACK TO succeeds when no data changed since the savepoint. If
 * DuckDB's transaction is still usable, going back is a matter of session state (settings,
 * cursors declared since, the failed status). If an error aborted DuckDB's transaction, it is
 * started again, which is only faithful when the transaction had changed nothing before either
 * and runs at READ COMMITTED, where PostgreSQL takes a new snapshot for each statement anyway.
 * Otherwise 0A000 says that DuckDB cannot undo part of a transaction, and the block must be
 * rolled back as a whole.
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
        savepoints.add(new Savepoints.Savepoint(
            name, settings.snapshot(), session.cursors().mark()));
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
    if (savepoint.changedSince) {
      throw notSupported("data was changed since savepoint \"" + savepoint.name
          + "\", and DuckDB cannot undo part of a transaction");
    }
    if (session.status() == TransactionStatus.FAILED && !duckDbTransactionUsable()) {
      restartDuckDbTransaction(savepoint);
    }
    session.savepoints().rolledBackTo(savepoint);
    session.cursors().rolledBackTo(savepoint.cursorMark);
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

  /** Replaces DuckDB's aborted transaction with a new one, when nothing of it is lost. */
  private void restartDuckDbTransaction(Savepoints.Savepoint savepoint) {
    if (session.savepoints().changedInTransaction()) {
      throw notSupported("the error aborted DuckDB's transaction, which cannot keep the changes"
          + " made before savepoint \"" + savepoint.name + "\"");
    }
    String isolation = settings.get("transaction_isolation");
    if (!isolation.equals("read committed") && !isolation.equals("read uncommitted")) {
      throw notSupported("the error aborted DuckDB's transaction, and a new one would not keep"
          + " the " + isolation + " snapshot");
    }
    engine.executeUtility("ROLLBACK");
    engine.executeUtility(settings.get("transaction_read_only").equals("on")
        ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
  }

  private static PgException notSupported(String why) {
    return new PgException(PgException.Severity.ERROR, SqlState.FEATURE_NOT_SUPPORTED,
        "cannot roll back to the savepoint: " + why, null,
        "Roll back the whole transaction and run it again.", 0, null);
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
