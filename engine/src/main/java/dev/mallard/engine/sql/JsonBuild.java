package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * json_build_object and json_build_array (json, not jsonb) keep PostgreSQL's own text:
 * {@code {"id" : 1, "name" : "Alice"}} and {@code [1, "two", null]}; DuckDB's json_object and
 * json_array print compactly. The call becomes that text, built from each argument's to_json,
 * cast to JSON. An object call with an odd number of arguments is left for DuckDB to reject.
 */
final class JsonBuild {
  private JsonBuild() {}

  static void rewrite(Tokens tokens, int i, boolean object) {
    int open = tokens.next(i);
    int close = tokens.closing(open);
    if (close < 0) {
      return;
    }
    List<List<Token>> args = arguments(tokens, open, close);
    if (object && args.size() % 2 != 0) {
      return;
    }
    List<Token> out = new ArrayList<>(SqlLexer.lex(object ? "CAST('{' || " : "CAST('[' || "));
    for (int n = 0; n < args.size(); n++) {
      if (n > 0) {
        out.addAll(SqlLexer.lex(object && n % 2 == 1 ? " || ' : ' || " : " || ', ' || "));
      }
      if (object && n % 2 == 0) {
        out.addAll(SqlLexer.lex("CAST(to_json(CAST("));
        out.addAll(args.get(n));
        out.addAll(SqlLexer.lex(" AS VARCHAR)) AS VARCHAR)"));
      } else {
        out.addAll(SqlLexer.lex("coalesce(CAST(to_json("));
        out.addAll(args.get(n));
        out.addAll(SqlLexer.lex(") AS VARCHAR), 'null')"));
      }
    }
    out.addAll(SqlLexer.lex(object ? (args.isEmpty() ? "" : " || ") + "'}' AS JSON)"
        : (args.isEmpty() ? "" : " || ") + "']' AS JSON)"));
    if (args.isEmpty()) {
      out = new ArrayList<>(SqlLexer.lex(object ? "CAST('{}' AS JSON)" : "CAST('[]' AS JSON)"));
    }
    tokens.replace(i, close, out);
  }

  /** The arguments between {@code open} and {@code close}, split at top-level commas. */
  private static List<List<Token>> arguments(Tokens tokens, int open, int close) {
    List<List<Token>> args = tokens.splitTopLevel(open, close, k -> k.is(","));
    boolean blank = args.get(0).stream().allMatch(t -> t.kind() == Token.Kind.SPACE);
    return args.size() == 1 && blank ? new ArrayList<>() : args;
  }
}
