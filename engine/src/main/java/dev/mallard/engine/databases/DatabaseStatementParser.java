package dev.mallard.engine.databases;

import dev.mallard.engine.roles.StringConstants;
import dev.mallard.engine.sql.SqlLexer;
import dev.mallard.engine.sql.Token;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
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
  private final List<Token> tokens = new ArrayList<>();
  private final List<Integer> offsets = new ArrayList<>();
  private int i;

  private DatabaseStatementParser(String sql) {
    int offset = 0;
    for (Token t : SqlLexer.lex(sql)) {
      if (t.kind() != Token.Kind.SPACE) {
        tokens.add(t);
        offsets.add(offset);
      }
      offset += t.text().length();
    }
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is(";")) {
      tokens.remove(tokens.size() - 1);
    }
  }

  /** Whether leading words (upper case) start a database statement. */
  public static boolean isDatabaseStatement(List<String> leading) {
    return leading.size() > 1 && leading.get(1).equals("DATABASE")
        && List.of("CREATE", "DROP", "ALTER").contains(leading.get(0));
  }

  public static DatabaseStatement parse(String sql) {
    DatabaseStatementParser p = new DatabaseStatementParser(sql);
    DatabaseStatement statement = p.statement();
    if (p.i < p.tokens.size()) {
      throw p.syntaxError(p.i);
    }
    return statement;
  }

  private DatabaseStatement statement() {
    String verb = word();
    expect("DATABASE");
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
    boolean ifExists = accept("IF");
    if (ifExists) {
      expect("EXISTS");
    }
    String name = name();
    if (i < tokens.size()) {
      accept("WITH");
      expectPunct("(");
      String option = word();
      if (!option.equals("FORCE")) {
        throw new PgException(SqlState.SYNTAX_ERROR,
            "unrecognized DROP DATABASE option \"" + option.toLowerCase(Locale.ROOT) + "\"");
      }
      expectPunct(")");
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "DROP DATABASE ... WITH (FORCE) is not supported: end the other sessions first");
    }
    return new DatabaseStatement.Drop(name, ifExists);
  }

  private DatabaseStatement alter() {
    String name = name();
    if (accept("RENAME")) {
      expect("TO");
      return new DatabaseStatement.Rename(name, name());
    }
    if (accept("OWNER")) {
      expect("TO");
      if (peek("CURRENT_USER") || peek("CURRENT_ROLE") || peek("SESSION_USER")) {
        i++;
        return new DatabaseStatement.Owner(name, null);
      }
      return new DatabaseStatement.Owner(name, name());
    }
    if (accept("RESET")) {
      return new DatabaseStatement.Set(name, accept("ALL") ? null : name(), null);
    }
    if (accept("SET")) {
      return set(name);
    }
    if (peek("REFRESH")) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "ALTER DATABASE ... REFRESH COLLATION VERSION is not supported");
    }
    return new DatabaseStatement.Alter(name, options(false));
  }

  private DatabaseStatement set(String name) {
    if (peek("TABLESPACE")) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "Mallard has no tablespaces");
    }
    String setting = name();
    if (accept("FROM")) {
      expect("CURRENT");
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "ALTER DATABASE ... SET ... FROM CURRENT is not supported");
    }
    if (!accept("TO") && !acceptPunct("=")) {
      throw syntaxError(i);
    }
    String value = value();
    if (i < tokens.size() && tokens.get(i).is(",")) {
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
    accept("WITH");
    Map<String, String> options = new LinkedHashMap<>();
    if (!create && i >= tokens.size()) {
      throw syntaxError(i);
    }
    while (i < tokens.size()) {
      int start = i;
      Token t = next();
      if (!t.isWord()) {
        throw syntaxError(start);
      }
      String option = t.text().toLowerCase(Locale.ROOT);
      if (option.equals("connection")) {
        expect("LIMIT");
        option = "connection_limit";
      }
      acceptPunct("=");
      if (options.containsKey(option)) {
        throw new PgException(PgException.Severity.ERROR, SqlState.SYNTAX_ERROR,
            "conflicting or redundant options", null, null, position(start), null);
      }
      options.put(option, value());
    }
    return options;
  }

  /** A value: a string, a (signed) number, a word, or DEFAULT (null). */
  private String value() {
    boolean negative = i < tokens.size() && tokens.get(i).is("-");
    if (negative) {
      i++;
    }
    Token t = next();
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
    throw syntaxError(i - 1);
  }

  /** An identifier: a database, role or setting name. */
  private String name() {
    Token t = next();
    if (!t.isIdentifier()) {
      throw syntaxError(i - 1);
    }
    return t.identifier();
  }

  private Token next() {
    if (i >= tokens.size()) {
      throw syntaxError(i);
    }
    return tokens.get(i++);
  }

  private String word() {
    Token t = next();
    if (!t.isWord()) {
      throw syntaxError(i - 1);
    }
    return t.text().toUpperCase(Locale.ROOT);
  }

  private void expect(String word) {
    if (!accept(word)) {
      throw syntaxError(i);
    }
  }

  private boolean peek(String word) {
    return i < tokens.size() && tokens.get(i).isWord(word);
  }

  private boolean accept(String word) {
    if (peek(word)) {
      i++;
      return true;
    }
    return false;
  }

  private boolean acceptPunct(String punct) {
    if (i < tokens.size() && tokens.get(i).is(punct)) {
      i++;
      return true;
    }
    return false;
  }

  private void expectPunct(String punct) {
    if (!acceptPunct(punct)) {
      throw syntaxError(i);
    }
  }

  private int position(int index) {
    return index < offsets.size() ? offsets.get(index) + 1 : 0;
  }

  private PgException syntaxError(int index) {
    if (index >= tokens.size()) {
      return new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
    }
    return new PgException(PgException.Severity.ERROR, SqlState.SYNTAX_ERROR,
        "syntax error at or near \"" + tokens.get(index).text() + "\"", null, null,
        position(index), null);
  }
}
