package dev.mallard.engine.sql;

/** One lexical token of a SQL statement, with its exact source text. */
public record Token(Kind kind, String text) {

  public enum Kind {
    /** An unquoted identifier or key word. */
    WORD,
    /** A double-quoted identifier, quotes included. */
    QUOTED_IDENT,
    /** A string constant in any form ('..', E'..', $tag$..$tag$), quotes included. */
    STRING,
    NUMBER,
    /** A positional parameter such as $1. */
    PARAM,
    /** An operator: one or more of + - * / < > = ~ ! @ # % ^ & | ` ? (and ::). */
    OPERATOR,
    /** One of ( ) [ ] , ; . : */
    PUNCT,
    /** Spaces and comments: kept so that the rewritten text is the original text elsewhere. */
    SPACE
  }

  public boolean isWord() {
    return kind == Kind.WORD;
  }

  /** True for a word equal to {@code word}, ignoring case. */
  public boolean isWord(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  public boolean is(String punctOrOperator) {
    return (kind == Kind.PUNCT || kind == Kind.OPERATOR) && text.equals(punctOrOperator);
  }

  /** An identifier as PostgreSQL folds it: unquoted words in lower case, quoted ones verbatim. */
  public String identifier() {
    if (kind == Kind.QUOTED_IDENT) {
      return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
  }

  public static Token word(String text) {
    return new Token(Kind.WORD, text);
  }

  public static Token punct(String text) {
    return new Token(Kind.PUNCT, text);
  }
}
