package dev.mallard.session;

import dev.mallard.engine.EngineSession;
import dev.mallard.engine.Identifiers;
import dev.mallard.engine.Statement;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.List;
import java.util.Locale;

/**
 * The statements a session answers itself because their effect is session state: transaction
 * control (BEGIN / COMMIT / ROLLBACK, tracked as {@link TransactionStatus}) and configuration
 * (SET / SHOW / RESET / DISCARD).
 */
final class SessionCommands {
  private final Session session;
  private final EngineSession engine;
  private final SessionSettings settings;
  private final SavepointCommands savepoints;

  SessionCommands(Session session, EngineSession engine, SessionSettings settings) {
    this.session = session;
    this.engine = engine;
    this.settings = settings;
    this.savepoints = new SavepointCommands(session, engine, settings);
  }

  CommandResult run(Statement statement) {
    switch (statement.kind()) {
      case BEGIN:
        return begin(statement);
      case COMMIT:
        return commit();
      case ROLLBACK:
        return rollback();
      case SAVEPOINT:
      case RELEASE_SAVEPOINT:
      case ROLLBACK_TO_SAVEPOINT:
        return savepoints.run(statement);
      case PREPARE_TRANSACTION:
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "prepared transactions are not supported");
      case SET:
      case SHOW:
      case RESET:
        return setting(statement);
      case DISCARD:
        return discard(statement);
      case DEALLOCATE:
        return deallocate(statement);
      case LISTEN:
        return listen(statement);
      case COPY:
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY is not supported yet");
      default:
        throw new IllegalArgumentException(statement.kind().name());
    }
  }

  private CommandResult begin(Statement statement) {
    String tag = statement.commandTag(0);
    if (session.status() != TransactionStatus.IDLE) {
      return CommandResult.warning(
          tag, SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
    }
    List<String> words = statement.words();
    boolean readOnly = containsPair(words, "READ", "ONLY");
    engine.executeUtility(readOnly ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
    session.status(TransactionStatus.IN_TRANSACTION);
    session.savepoints().reset();
    settings.beginTransaction();
    int level = words.indexOf("LEVEL");
    if (level > 0 && level + 1 < words.size()) {
      String iso = words.get(level + 1).toLowerCase(Locale.ROOT);
      if ((iso.equals("read") || iso.equals("repeatable")) && level + 2 < words.size()) {
        iso = iso + " " + words.get(level + 2).toLowerCase(Locale.ROOT);
      }
      settings.set("transaction_isolation", iso, true, false);
    }
    if (readOnly) {
      settings.set("transaction_read_only", "on", true, false);
    }
    return CommandResult.tag(tag);
  }

  private static boolean containsPair(List<String> words, String a, String b) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals(a) && words.get(i + 1).equals(b)) {
        return true;
      }
    }
    return false;
  }

  private CommandResult commit() {
    switch (session.status()) {
      case IDLE:
        return CommandResult.warning(
            "COMMIT", SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
      case FAILED:
        endTransaction("ROLLBACK");
        return CommandResult.tag("ROLLBACK");
      default:
        endTransaction("COMMIT");
        return CommandResult.tag("COMMIT");
    }
  }

  private CommandResult rollback() {
    if (session.status() == TransactionStatus.IDLE) {
      return CommandResult.warning(
          "ROLLBACK", SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
    }
    endTransaction("ROLLBACK");
    return CommandResult.tag("ROLLBACK");
  }

  /** Ends the DuckDB transaction; the session leaves the block even if DuckDB complains. */
  void endTransaction(String sql) {
    session.closePortals(); // they end with the transaction; no need to keep their rows first
    boolean ended = false;
    try {
      session.cursors().transactionEnding();
      engine.executeUtility(sql);
      ended = true;
    } finally {
      session.status(TransactionStatus.IDLE);
      session.transactionEnded(ended && sql.equals("COMMIT"));
    }
  }

  private CommandResult setting(Statement statement) {
    SettingCommand cmd = SettingCommand.parse(statement.sql());
    switch (cmd.verb()) {
      case NO_OP:
        return CommandResult.tag("SET");
      case ENGINE:
        return null; // answered by DuckDB
      case SHOW:
        return show(cmd);
      case RESET:
        if (cmd.name().equals(SettingCommand.ALL)) {
          settings.resetAll();
          session.settingsChanged();
        } else {
          settings.reset(cmd.name());
          session.settingsChanged();
        }
        return CommandResult.tag("RESET");
      default:
        if (cmd.local() && session.status() == TransactionStatus.IDLE) {
          String what = statement.words().contains("TRANSACTION") ? "SET TRANSACTION" : "SET LOCAL";
          session.notice("WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION,
              what + " can only be used in transaction blocks");
          return CommandResult.tag("SET");
        }
        if (cmd.value() == null) {
          settings.reset(cmd.name());
        } else {
          settings.set(cmd.name(), cmd.value(), cmd.local(), false);
        }
        session.settingsChanged();
        return CommandResult.tag("SET");
    }
  }

  private CommandResult show(SettingCommand cmd) {
    List<String[]> rows = cmd.name().equals(SettingCommand.ALL)
        ? settings.showAll()
        : List.<String[]>of(new String[] {settings.get(cmd.name())});
    return new CommandResult(cmd.showColumns(), rows, "SHOW", List.of());
  }

  /**
   * DEALLOCATE [PREPARE] { name | ALL }: drops protocol-level prepared statements (Parse) and
   * SQL-level ones (PREPARE), like PostgreSQL, where both live in one namespace.
   */
  private CommandResult deallocate(Statement statement) {
    List<String> w = SettingCommand.tokens(statement.sql());
    int i = w.size() > 1 && w.get(1).equalsIgnoreCase("PREPARE") ? 2 : 1;
    if (i >= w.size()) {
      throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
    }
    String name = w.get(i);
    if (name.equalsIgnoreCase("ALL")) {
      session.deallocateAll();
      for (String duckName : engine.preparedNames()) {
        engine.executeUtility("DEALLOCATE " + Identifiers.quote(duckName));
      }
      return CommandResult.tag("DEALLOCATE ALL");
    }
    String unquoted = Identifiers.fold(name);
    if (!session.deallocate(unquoted)) {
      if (engine.preparedSql(unquoted).isEmpty()) {
        throw new PgException(SqlState.INVALID_SQL_STATEMENT_NAME,
            "prepared statement \"" + unquoted + "\" does not exist");
      }
      engine.executeUtility("DEALLOCATE " + Identifiers.quote(unquoted));
    }
    return CommandResult.tag("DEALLOCATE");
  }

  /**
   * Notifications are not supported, so no session listens on any channel: UNLISTEN (connection
   * pools reset with UNLISTEN *) has nothing to stop; LISTEN and NOTIFY are refused.
   */
  private static CommandResult listen(Statement statement) {
    String verb = statement.words().get(0);
    if (verb.equals("UNLISTEN")) {
      return CommandResult.tag("UNLISTEN");
    }
    throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, verb + " is not supported");
  }

  private CommandResult discard(Statement statement) {
    List<String> w = statement.words();
    String what = w.size() > 1 ? w.get(1) : "";
    if (what.equals("ALL")) {
      if (session.status() != TransactionStatus.IDLE) {
        throw new PgException(
            SqlState.ACTIVE_SQL_TRANSACTION, "DISCARD ALL cannot run inside a transaction block");
      }
      settings.resetAll();
      session.discardAll();
      session.settingsChanged();
      return CommandResult.tag("DISCARD ALL");
    }
    if (what.equals("PLANS") || what.equals("SEQUENCES")) {
      return CommandResult.tag("DISCARD " + what); // Mallard caches neither
    }
    if (what.equals("TEMP") || what.equals("TEMPORARY")) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "DISCARD TEMP is not supported yet");
    }
    throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + what + "\"");
  }
}
