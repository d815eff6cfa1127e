package dev.mallard.engine;

import java.util.Locale;

/** SQL identifier and literal spelling, as PostgreSQL and DuckDB both read it. */
public final class Identifiers {
  private Identifiers() {}

  /** A name as a quoted identifier, safe to splice into SQL: {@code a"b} becomes {@code "a""b"}. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A value as a string literal: {@code it's} becomes {@code 'it''s'}. */
  public static String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }

  /**
   * The name an identifier token stands for: a quoted one keeps its case (without the quotes),
   * an unquoted one folds to lower case, as in PostgreSQL.
   */
  public static String fold(String token) {
    if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
      return token.substring(1, token.length() - 1).replace("\"\"", "\"");
    }
    return token.toLowerCase(Locale.ROOT);
  }
}
