package dev.mallard.engine.sql;

/**
 * PostgreSQL's name for the session's temporary schema, {@code pg_temp} (or its real name
 * pg_temp_N, as pg_namespace shows it), qualifies temporary tables: {@code pg_temp.t} is DuckDB's
 * {@code temp.t}, the temp catalog that DuckDB keeps per connection.
 */
final class TempSchema implements RewriteRule {
  @Override
  public String name() {
    return "temp-schema";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isIdentifier() && isTempSchema(t.identifier()) && tokens.nextIs(i, ".")
          && !tokens.prevIs(i, ".")) {
        tokens.set(i, Token.word("temp"));
      }
    }
  }

  /** pg_temp, or pg_temp_ followed by digits. */
  static boolean isTempSchema(String name) {
    return name.equals("pg_temp") || name.matches("pg_temp_[0-9]+");
  }
}
