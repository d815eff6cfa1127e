package dev.mallard.engine.sql;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A string constant cast to an integer type must be an integer as PostgreSQL's int2in/int4in/
 * int8in read it (spaces, a sign, digits): {@code '1.5'::int} is 22P02 there, where DuckDB's
 * cast rounds to 2. Such a constant is rejected with PostgreSQL's error; integer text is left
 * for DuckDB, which reads it the same way.
 */
final class IntegerLiterals implements RewriteRule {
  private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?\\d+\\s*");
  /** Type names as written (or as TypeNames leaves them) → PostgreSQL's name in the message. */
  private static final Map<String, String> TYPES = Map.of("int2", "smallint", "smallint",
      "smallint", "int4", "integer", "int", "integer", "integer", "integer", "int8", "bigint",
      "bigint", "bigint");

  @Override
  public String name() {
    return "integer-literals";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      String type = tokens.get(i).kind() == Token.Kind.STRING ? CastTarget.of(tokens, i) : null;
      String name = type == null ? null : TYPES.get(type);
      String text = name == null ? null : Literals.stringValue(tokens.get(i));
      if (text != null && !INTEGER.matcher(text).matches()) {
        throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type " + name + ": \"" + text + "\"");
      }
    }
  }
}
