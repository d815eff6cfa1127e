package dev.mallard.engine;

import dev.mallard.engine.sql.SqlLexer;
import dev.mallard.engine.sql.Token;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.List;

/**
 * DECLARE name [BINARY] [ASENSITIVE | INSENSITIVE] [[NO] SCROLL] CURSOR [{WITH | WITHOUT} HOLD]
 * FOR query (PostgreSQL's DECLARE). {@code scroll} is null when neither SCROLL nor NO SCROLL is
 * given; {@code query} is the text after FOR, exactly as written.
 */
public record CursorDeclaration(String name, boolean binary, Boolean scroll, boolean hold,
    String query) {

  public static CursorDeclaration parse(String sql) {
    List<Token> tokens = SqlLexer.lex(sql);
    Cursor at = new Cursor(tokens);
    at.expectWord("DECLARE");
    Token name = at.next();
    if (name == null || !name.isIdentifier()) {
      throw at.syntaxError(name);
    }
    boolean binary = false;
    Boolean scroll = null;
    while (true) {
      Token t = at.next();
      if (t != null && t.isWord("BINARY")) {
        binary = true;
      } else if (t != null && (t.isWord("INSENSITIVE") || t.isWord("ASENSITIVE"))) {
        // Mallard's cursors never see later changes: both spellings describe them
      } else if (t != null && t.isWord("NO")) {
        at.expectWord("SCROLL");
        scroll = false;
      } else if (t != null && t.isWord("SCROLL")) {
        scroll = true;
      } else if (t != null && t.isWord("CURSOR")) {
        break;
      } else {
        throw at.syntaxError(t);
      }
    }
    boolean hold = false;
    Token t = at.next();
    if (t != null && (t.isWord("WITH") || t.isWord("WITHOUT"))) {
      hold = t.isWord("WITH");
      at.expectWord("HOLD");
      t = at.next();
    }
    if (t == null || !t.isWord("FOR")) {
      throw at.syntaxError(t);
    }
    String query = at.rest().strip();
    if (query.isEmpty()) {
      throw at.syntaxError(null);
    }
    return new CursorDeclaration(name.identifier(), binary, scroll, hold, query);
  }

  /** A position in the token list that skips spaces and comments. */
  private static final class Cursor {
    private final List<Token> tokens;
    private int i;

    Cursor(List<Token> tokens) {
      this.tokens = tokens;
    }

    Token next() {
      while (i < tokens.size() && tokens.get(i).kind() == Token.Kind.SPACE) {
        i++;
      }
      return i < tokens.size() ? tokens.get(i++) : null;
    }

    void expectWord(String word) {
      Token t = next();
      if (t == null || !t.isWord(word)) {
        throw syntaxError(t);
      }
    }

    String rest() {
      StringBuilder b = new StringBuilder();
      for (int k = i; k < tokens.size(); k++) {
        b.append(tokens.get(k).text());
      }
      String text = b.toString().strip();
      return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    PgException syntaxError(Token t) {
      return new PgException(SqlState.SYNTAX_ERROR, t == null
          ? "syntax error at end of input" : "syntax error at or near \"" + t.text() + "\"");
    }
  }
}
