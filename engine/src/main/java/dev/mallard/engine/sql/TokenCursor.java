package dev.mallard.engine.sql;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks the significant tokens of one statement (spaces, comments and a final semicolon left
 * out) for the hand-written parsers of utility statements, reporting syntax errors as PostgreSQL
 * does: 42601 "syntax error at or near" with the 1-based position of the offending token.
 */
public final class TokenCursor {
  private final List<Token> tokens = new ArrayList<>();
  private final List<Integer> offsets = new ArrayList<>();
  private int i;

  public TokenCursor(String sql) {
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

  public boolean atEnd() {
    return i >= tokens.size();
  }

  /** The next token, consumed; a syntax error at the end of input. */
  public Token next() {
    if (atEnd()) {
      throw syntaxError();
    }
    return tokens.get(i++);
  }

  /** The next token, which must be a word, in upper case. */
  public String word() {
    Token t = next();
    if (!t.isWord()) {
      throw syntaxError(i - 1);
    }
    return t.text().toUpperCase(Locale.ROOT);
  }

  /** The next token, which must be an identifier, folded as PostgreSQL folds it. */
  public String identifier() {
    Token t = next();
    if (!t.isIdentifier()) {
      throw syntaxError(i - 1);
    }
    return t.identifier();
  }

  public boolean peek(String word) {
    return !atEnd() && tokens.get(i).isWord(word);
  }

  public boolean peekPunct(String punct) {
    return !atEnd() && tokens.get(i).is(punct);
  }

  public boolean accept(String word) {
    if (peek(word)) {
      i++;
      return true;
    }
    return false;
  }

  public void expect(String word) {
    if (!accept(word)) {
      throw syntaxError();
    }
  }

  public boolean acceptPunct(String punct) {
    if (peekPunct(punct)) {
      i++;
      return true;
    }
    return false;
  }

  public void expectPunct(String punct) {
    if (!acceptPunct(punct)) {
      throw syntaxError();
    }
  }

  /** Index of the next token, to report an error at a token already consumed. */
  public int index() {
    return i;
  }

  /** The 1-based character position of the token at {@code index}, as ErrorResponse's 'P'. */
  public int position(int index) {
    return index < offsets.size() ? offsets.get(index) + 1 : 0;
  }

  /** A syntax error at the next token. */
  public PgException syntaxError() {
    return syntaxError(i);
  }

  public PgException syntaxError(int index) {
    if (index >= tokens.size()) {
      return new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
    }
    return new PgException(PgException.Severity.ERROR, SqlState.SYNTAX_ERROR,
        "syntax error at or near \"" + tokens.get(index).text() + "\"", null, null,
        position(index), null);
  }
}
