package dev.mallard.engine.sql;

import dev.mallard.wire.types.ArrayLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's array input syntax in a cast, {@code '{1,2,NULL}'::int[]} or {@code
 * '{a,"b c"}'::text[]}, which DuckDB cannot cast from text. The constant becomes a DuckDB list of
 * string constants ({@code ['1','2',NULL]}) and the cast to the array type stays, so each element
 * is converted by DuckDB's cast from text, as array_in converts each by its type's input. A
 * malformed constant fails with 22P02, as in PostgreSQL. DuckDB's own list text ('[1,2]') is
 * left to DuckDB.
 */
final class ArrayLiterals implements RewriteRule {
  @Override
  public String name() {
    return "array-literals";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.STRING) {
        continue;
      }
      String type = CastTarget.of(tokens, i);
      String value = Literals.stringValue(t);
      if (type == null || value == null || !type.endsWith("]") || !value.strip().startsWith("{")) {
        continue;
      }
      Object[] elements = ArrayLiteral.parse(value, s -> s);
      // PostgreSQL's int[] has any number of dimensions, DuckDB's INTEGER[] exactly one
      int missing = depth(elements) - (int) type.chars().filter(c -> c == '[').count();
      int typeEnd = Operands.typeEnd(tokens, CastTarget.typeStart(tokens, i));
      List<Token> list = SqlLexer.lex(list(elements));
      if (missing > 0 && typeEnd > i) {
        tokens.insert(typeEnd + 1, SqlLexer.lex("[]".repeat(missing)));
      }
      tokens.replace(i, i, list);
    }
  }

  private static int depth(Object[] elements) {
    int deepest = 0;
    for (Object e : elements) {
      if (e instanceof Object[] nested) {
        deepest = Math.max(deepest, depth(nested));
      }
    }
    return deepest + 1;
  }

  private static String list(Object[] elements) {
    List<String> parts = new ArrayList<>();
    for (Object e : elements) {
      if (e == null) {
        parts.add("NULL");
      } else if (e instanceof Object[] nested) {
        parts.add(list(nested));
      } else {
        parts.add(Literals.quote((String) e));
      }
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
