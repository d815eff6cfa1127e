package dev.mallard.session;

import dev.mallard.engine.Statement;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PostgreSQL's read-only transactions (SET TRANSACTION READ ONLY, BEGIN READ ONLY,
 * default_transaction_read_only): statements that write are refused with 25006 before DuckDB
 * sees them. Creating temporary objects stays allowed, as in PostgreSQL; writing into an existing
 * temporary table is refused here, where PostgreSQL would allow it.
 */
final class ReadOnlyTransactions {
  /** COPY of a table (not of a query in brackets) with FROM: the only COPY that writes. */
  private static final Pattern COPY_FROM =
      Pattern.compile("(?is)^\\s*copy\\s+[^(\\s].*\\bfrom\\b");

  private ReadOnlyTransactions() {}

  /** Throws 25006 when {@code statement} writes and the transaction is read-only. */
  static void check(Statement statement, SessionSettings settings) {
    if (!settings.get("transaction_read_only").equals("on")) {
      return;
    }
    String command = writingCommand(statement);
    if (command != null) {
      throw new PgException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot execute " + command + " in a read-only transaction");
    }
  }

  /** The command's name when it writes, else null. */
  private static String writingCommand(Statement statement) {
    List<String> words = statement.words();
    switch (statement.kind()) {
      case INSERT:
      case UPDATE:
      case DELETE:
      case MERGE:
        return statement.kind().name();
      case TRUNCATE:
        return "TRUNCATE TABLE";
      case COPY:
        return COPY_FROM.matcher(statement.sql()).find() ? "COPY FROM" : null;
      case DDL:
        boolean temporary = words.size() > 1 && words.get(0).equals("CREATE")
            && (words.get(1).equals("TEMP") || words.get(1).equals("TEMPORARY"));
        return temporary ? null : statement.commandTag(0);
      default:
        return null;
    }
  }
}
