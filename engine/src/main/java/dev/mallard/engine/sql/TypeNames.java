package dev.mallard.engine.sql;

import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL type names DuckDB lacks or reads differently, wherever a type is written: after
 * {@code ::}, in {@code CAST(x AS t)}, in column definitions.
 * <ul>
 *   <li>{@code numeric} / {@code decimal} without a precision keep every digit in PostgreSQL;
 *       DuckDB would make them DECIMAL(18,3) and round to 3 decimals. They become
 *       {@value #UNCONSTRAINED_NUMERIC}: DuckDB's widest decimal, 28 digits before the point and
 *       10 after (a deliberate, documented limit: DuckDB has no arbitrary-precision numeric).
 *   <li>{@code jsonb} is DuckDB's {@code JSON} (text kept as written, not normalized).
 *   <li>{@code name}, PostgreSQL's type of identifiers (psqlODBC casts to it), is text; it is so
 *       common a column alias that only {@code ::name} and {@code CAST(x AS name)} are read as
 *       the type.
 *   <li>{@code oid} (DuckDB's alias of BIGINT) is UINTEGER, oid's own range, which the wire sends
 *       as oid: {@code $1::oid[]} is then described as oid[], as asyncpg's type lookup expects.
 *       As a common column name, it too is read as the type only after {@code ::} or as a
 *       cast's target.
 * </ul>
 */
final class TypeNames implements RewriteRule {
  static final String UNCONSTRAINED_NUMERIC = "DECIMAL(38,10)";
  private static final Map<String, String> NAMES = Map.of(
      "numeric", UNCONSTRAINED_NUMERIC, "decimal", UNCONSTRAINED_NUMERIC, "jsonb", "JSON", "name", "VARCHAR",
      "oid", "UINTEGER");

  @Override
  public String name() {
    return "type-names";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord()) {
        continue;
      }
      String replacement = NAMES.get(t.text().toLowerCase(Locale.ROOT));
      if (replacement == null || tokens.prevIs(i, ".") || tokens.nextIs(i, ".")
          || replacement == UNCONSTRAINED_NUMERIC && tokens.nextIs(i, "(")) {
        continue;
      }
      if (replacement.equals("VARCHAR") || replacement.equals("UINTEGER") ? isCastTarget(tokens, i) : isTypePosition(tokens, i)) {
        tokens.replace(i, i, SqlLexer.lex(replacement));
      }
    }
  }

  /** After {@code ::}, after AS inside a cast, before a string constant, or in a column list. */
  private static boolean isTypePosition(Tokens tokens, int i) {
    Token before = tokens.at(tokens.prev(i));
    Token after = tokens.at(tokens.next(i));
    if (before == null) {
      return false;
    }
    if (before.is("::") || after != null && after.kind() == Token.Kind.STRING) {
      return true;
    }
    if (before.isWord("as")) {
      return after != null && (after.is(")") || after.is("["));
    }
    if (before.isWord("type") || before.isWord("returns")) {
      return true; // ALTER COLUMN c TYPE numeric, RETURNS numeric
    }
    // a column definition: "(name numeric" or ", name numeric"
    Token beforeName = tokens.at(tokens.prev(tokens.prev(i)));
    return before.isIdentifier() && beforeName != null
        && (beforeName.is("(") || beforeName.is(",") || beforeName.isWord("column")
            || beforeName.isWord("add"))
        && isInsideCreateOrAlter(tokens, i);
  }

  /** After {@code ::}, or after the AS of {@code CAST(x AS t)}. */
  private static boolean isCastTarget(Tokens tokens, int i) {
    Token before = tokens.at(tokens.prev(i));
    if (before != null && before.is("::")) {
      return true;
    }
    if (before == null || !before.isWord("as") || !tokens.nextIs(i, ")")) {
      return false;
    }
    int open = tokens.opening(tokens.next(i));
    Token cast = tokens.at(tokens.prev(open));
    return cast != null && (cast.isWord("cast") || cast.isWord("try_cast"));
  }

  private static boolean isInsideCreateOrAlter(Tokens tokens, int i) {
    int first = tokens.next(-1);
    Token t = tokens.at(first);
    return t != null && (t.isWord("create") || t.isWord("alter"));
  }
}
