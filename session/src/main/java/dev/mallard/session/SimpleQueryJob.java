package dev.mallard.session;

import dev.mallard.engine.EngineSession;
import dev.mallard.engine.SqlSplitter;
import dev.mallard.engine.StatementClassifier;
import dev.mallard.engine.StatementKind;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.message.BackendMessage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A Query message (protocol "Simple Query"): its statements run in order, each answered with its
 * rows and CommandComplete; the first error ends the batch. As in PostgreSQL, several statements
 * sent outside a transaction block form one implicit transaction, so an error undoes the earlier
 * ones too. ReadyForQuery ends the batch.
 */
final class SimpleQueryJob implements Job {
  private final Session session;
  private final List<String> statements;
  private final boolean implicitTransaction;
  private int next;
  private StatementRun current;
  private Portal portal;
  private boolean began;

  SimpleQueryJob(Session session, String sql) {
    this.session = session;
    this.statements = SqlSplitter.split(sql);
    this.implicitTransaction = statements.size() > 1
        && session.status() == TransactionStatus.IDLE
        && statements.stream().noneMatch(SimpleQueryJob::controlsTransaction);
  }

  /** Statements that manage transactions themselves and so cannot run inside an implicit one. */
  private static final Set<StatementKind> TRANSACTION_CONTROL = EnumSet.of(
      StatementKind.BEGIN, StatementKind.COMMIT, StatementKind.ROLLBACK, StatementKind.SAVEPOINT,
      StatementKind.RELEASE_SAVEPOINT, StatementKind.ROLLBACK_TO_SAVEPOINT,
      StatementKind.PREPARE_TRANSACTION, StatementKind.DISCARD);

  private static boolean controlsTransaction(String sql) {
    return TRANSACTION_CONTROL.contains(StatementClassifier.classify(sql).kind());
  }

  @Override
  public boolean run() {
    try {
      if (statements.isEmpty()) {
        session.send(new BackendMessage.EmptyQueryResponse());
        return finish();
      }
      if (implicitTransaction && !began) {
        began = true;
        session.engine().executeUtility("BEGIN TRANSACTION");
        session.implicitBlock(true);
      }
      while (true) {
        if (current == null) {
          if (next >= statements.size()) {
            if (implicitTransaction) {
              endImplicit(true);
            }
            return finish();
          }
          SharedQuery q = new SharedQuery(session.engine().prepare(statements.get(next++), new int[0]));
          portal = new Portal("", q, new Object[0], new short[0]);
          current = new StatementRun(session, portal, 0, true);
        }
        if (!current.run()) {
          return false;
        }
        portal.close();
        current = null;
      }
    } catch (RuntimeException e) {
      if (portal != null) {
        portal.close();
      }
      session.reportError(e);
      if (implicitTransaction && began) {
        endImplicit(false);
      }
      return finish();
    }
  }

  /** Ends the implicit block; its cursors end with it (WITH HOLD ones only if it committed). */
  private void endImplicit(boolean commit) {
    session.implicitBlock(false);
    boolean committed = false;
    try {
      session.cursors().transactionEnding();
      if (commit) {
        session.engine().executeUtility("COMMIT");
        committed = true;
      } else {
        rollbackQuietly(session.engine());
      }
    } finally {
      session.cursors().transactionEnded(committed);
    }
  }

  private static void rollbackQuietly(EngineSession engine) {
    try {
      engine.executeUtility("ROLLBACK");
    } catch (PgException e) {
      // DuckDB may already have ended the failed transaction
    }
  }

  private boolean finish() {
    session.readyForQuery();
    return true;
  }
}
