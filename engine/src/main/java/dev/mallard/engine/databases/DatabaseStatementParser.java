package dev.mallard.engine.databases;

import dev.mallard.engine.roles.StringConstants;
import dev.mallard.engine.sql.Token;
import dev.mallard.engine.sql.TokenCursor;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses CREATE, DROP and ALTER DATABASE with PostgreSQL 16's grammar from the SQL lexer's
 * tokens. Options are PostgreSQL's generic {@code name [=] value} pairs (CONNECTION LIMIT being
 * the one two-word name), so Mallard's own (TYPE, METADATA, DATA_PATH, S3_...) fit the same
 * syntax. Errors are PostgreSQL's: 42601 with the position of the offending token.
 */
public final class DatabaseStatementParser {
  private final TokenCursor in;

  private DatabaseStatementParser(String sql) {
    this.in = new TokenCursor(sql);
  }

  /** Whether leading words (upper case) start a database statement. */
  public static boolean isDatabaseStatement(List<String> leading) {
    return leading.size() > 1 && leading.get(1).equals("DATABASE")
        && List.of("CREATE", "DROP", "ALTER").contains(leading.get(0));
  }

  public static DatabaseStatement parse(String sql) {
    DatabaseStatementParser p = new DatabaseStatementParser(sql);
    DatabaseStatement statement = p.statement();
    if (!p.in.atEnd()) {
      throw p.in.syntaxError();
    }
    return statement;
  }

  private DatabaseStatement statement() {
    String verb = in.word();
    in.expect("DATABASE");
    switch (verb) {
      case "CREATE":
        return new DatabaseStatement.Create(name(), options(true));
      case "DROP":
        return drop();
      default:
        return alter();
    }
  }

  private DatabaseStatement drop() {
    boolean ifExists = in.accept("IF");
    if (ifExists) {
      in.expect("EXISTS");
    }
    String name = name();
    if (!in.atEnd()) {
      in.accept("WITH");
      in.expectPunct("(");
      String option = in.word();
      if (!option.equals("FORCE")) {
        throw new PgException(SqlState.SYNTAX_ERROR,
            "unrecognized DROP DATABASE option \"" + option.toLowerCase(Locale.ROOT) + "\"");
      }
      in.expectPunct(")");
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "DROP DATABASE ... WITH (FORCE) is not supported: end the other sessions first");
    }
    return new DatabaseStatement.Drop(name, ifExists);
  }

  private DatabaseStatement alter() {
    String name = name();
    if (in.accept("RENAME")) {
      in.expect("TO");
      return new DatabaseStatement.Rename(name, name());
    }
    if (in.accept("OWNER")) {
      in.expect("TO");
      if (in.accept("CURRENT_USER") || in.accept("CURRENT_ROLE") || in.accept("SESSION_USER")) {
        return new DatabaseStatement.Owner(name, null);
      }
      return new DatabaseStatement.Owner(name, name());
    }
    if (in.accept("RESET")) {
      return new DatabaseStatement.Set(name, in.accept("ALL") ? null : name(), null);
    }
    if (in.accept("SET")) {
      return set(name);
    }
    if (in.peek("REFRESH")) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "ALTER DATABASE ... REFRESH COLLATION VERSION is not supported");
    }
    return new DatabaseStatement.Alter(name, options(false));
  }

  private DatabaseStatement set(String name) {
    if (in.peek("TABLESPACE")) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "Mallard has no tablespaces");
    }
    String setting = name();
    if (in.accept("FROM")) {
      in.expect("CURRENT");
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "ALTER DATABASE ... SET ... FROM CURRENT is not supported");
    }
    if (!in.accept("TO") && !in.acceptPunct("=")) {
      throw in.syntaxError();
    }
    String value = value();
    if (in.peekPunct(",")) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
          "SET " + setting + " takes only one argument");
    }
    return new DatabaseStatement.Set(name, setting, value);
  }

  /**
   * Options in PostgreSQL's generic form; a repeated one is 42601 "conflicting or redundant
   * options". ALTER DATABASE needs at least one (a bare name is a syntax error).
   */
  private Map<String, String> options(boolean create) {
    in.accept("WITH");
    Map<String, String> options = new LinkedHashMap<>();
    if (!create && in.atEnd()) {
      throw in.syntaxError();
    }
    while (!in.atEnd()) {
      int start = in.index();
      Token t = in.next();
      if (!t.isWord()) {
        throw in.syntaxError(start);
      }
      String option = t.text().toLowerCase(Locale.ROOT);
      if (option.equals("connection")) {
        in.expect("LIMIT");
        option = "connection_limit";
      }
      in.acceptPunct("=");
      if (options.containsKey(option)) {
        throw new PgException(PgException.Severity.ERROR, SqlState.SYNTAX_ERROR,
            "conflicting or redundant options", null, null, in.position(start), null);
      }
      options.put(option, value());
    }
    return options;
  }

  /** A value: a string, a (signed) number, a word, or DEFAULT (null). */
  private String value() {
    boolean negative = in.acceptPunct("-");
    Token t = in.next();
    switch (t.kind()) {
      case STRING:
        if (!negative) {
          return StringConstants.value(t);
        }
        break;
      case NUMBER:
        return negative ? "-" + t.text() : t.text();
      case WORD:
        if (!negative) {
          return t.isWord("DEFAULT") ? null : t.text().toLowerCase(Locale.ROOT);
        }
        break;
      case QUOTED_IDENT:
        if (!negative) {
          return t.identifier();
        }
        break;
      default:
        break;
    }
    throw in.syntaxError(in.index() - 1);
  }

  /** An identifier: a database, role or setting name. */
  private String name() {
    return in.identifier();
  }
}
