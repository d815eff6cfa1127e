package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL functions that DuckDB has under another name with the same meaning (json and jsonb
 * are both DuckDB's JSON). Functions DuckDB lacks altogether are session macros ({@link
 * SessionMacros}); set-returning ones are {@link SetReturningFunctions}.
 */
final class FunctionNames implements RewriteRule {
  private static final Map<String, String> RENAMED = Map.ofEntries(
      Map.entry("jsonb_build_object", "json_object"), Map.entry("jsonb_build_array", "json_array"),
      Map.entry("json_object_agg", "json_group_object"),
      Map.entry("jsonb_object_agg", "json_group_object"), Map.entry("to_jsonb", "to_json"),
      Map.entry("jsonb_typeof", "json_typeof"), Map.entry("jsonb_array_length", "json_array_length"),
      Map.entry("jsonb_pretty", "json_pretty"), Map.entry("every", "bool_and"));

  /**
   * PostgreSQL functions whose DuckDB namesake takes other arguments or answers differently: calls
   * go to a session macro ({@link PgFunctionMacros}) that keeps DuckDB's own forms working. A
   * session macro cannot take the builtin's name, because it would hide the builtin's overloads.
   */
  static final Map<String, String> SHADOWED = Map.ofEntries(
      Map.entry("lpad", "pg_lpad"), Map.entry("rpad", "pg_rpad"),
      Map.entry("octet_length", "pg_octet_length"), Map.entry("bit_length", "pg_bit_length"),
      Map.entry("string_to_array", "pg_string_to_array"), Map.entry("to_hex", "pg_to_hex"),
      Map.entry("array_to_string", "pg_array_to_string"), Map.entry("cardinality", "pg_cardinality"),
      Map.entry("encode", "pg_encode"), Map.entry("decode", "pg_decode"),
      Map.entry("gcd", "pg_gcd"), Map.entry("lcm", "pg_lcm"),
      Map.entry("array_length", "pg_array_length"), Map.entry("date_trunc", "pg_date_trunc"),
      Map.entry("array_position", "pg_array_position"),
      Map.entry("json_extract_path", "pg_json_extract_path"),
      Map.entry("jsonb_extract_path", "pg_json_extract_path"),
      Map.entry("json_extract_path_text", "pg_json_extract_path_text"),
      Map.entry("jsonb_extract_path_text", "pg_json_extract_path_text"));

  /**
   * json_agg(x [ORDER BY ..]) [FILTER (..)] [OVER ..] is {@code to_json(list(x ..) ..)}: DuckDB's
   * json_group_array is a macro, which takes no ORDER BY or FILTER; list keeps NULLs as json_agg.
   */
  private static void jsonAgg(Tokens tokens, int i) {
    int end = tokens.closing(tokens.next(i));
    if (end < 0) {
      return;
    }
    Token after = tokens.at(tokens.next(end));
    if (after != null && after.isWord("filter") && tokens.nextIs(tokens.next(end), "(")) {
      end = tokens.closing(tokens.next(tokens.next(end)));
      after = tokens.at(tokens.next(end));
    }
    if (end >= 0 && after != null && after.isWord("over")) {
      int window = tokens.next(tokens.next(end));
      end = tokens.at(window) != null && tokens.get(window).is("(") ? tokens.closing(window) : window;
    }
    if (end < 0) {
      return;
    }
    tokens.insert(end + 1, java.util.List.of(Token.punct(")")));
    tokens.replace(i, i, java.util.List.of(Token.word("to_json"), Token.punct("("), Token.word("list")));
  }

  /**
   * round(x) and sign(x) of an integer or float are float8 in PostgreSQL (round half to even, as
   * rint), of a numeric numeric; DuckDB keeps the argument's type and rounds half away from zero.
   * The call becomes {@code pg_round(x, x)}: a session macro chooses its overload by the second
   * argument's type and never evaluates it (a typed parameter would cast a DECIMAL to
   * DECIMAL(18,3)). Calls with more arguments are left alone.
   */
  private static boolean typedByArgument(Tokens tokens, int i, String macro) {
    int open = tokens.next(i);
    int close = tokens.closing(open);
    if (close < 0 || tokens.next(open) == close) {
      return false;
    }
    if (tokens.firstTopLevel(open, close, k -> k.is(",")) >= 0) {
      return false;
    }
    List<Token> again = new ArrayList<>(SqlLexer.lex(", "));
    for (int j = tokens.next(open); j <= tokens.prev(close); j++) {
      again.add(tokens.get(j));
    }
    tokens.insert(close, again);
    tokens.set(i, Token.word(macro));
    return true;
  }

  @Override
  public String name() {
    return "function-names";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord() || !tokens.nextIs(i, "(") || tokens.prevIs(i, ".")) {
        continue;
      }
      String name = t.text().toLowerCase(java.util.Locale.ROOT);
      if ((name.equals("json_agg") || name.equals("json_object_agg"))
          && JsonAggregates.rewrite(tokens, i, name.equals("json_object_agg"))) {
        continue;
      }
      if (name.equals("json_agg") || name.equals("jsonb_agg")) {
        jsonAgg(tokens, i);
        continue;
      }
      if ((name.equals("round") || name.equals("sign")) && typedByArgument(tokens, i, "pg_" + name)) {
        continue;
      }
      if (name.equals("json_build_object") || name.equals("json_build_array")) {
        JsonBuild.rewrite(tokens, i, name.equals("json_build_object"));
        continue;
      }
      String target = RENAMED.getOrDefault(name, SHADOWED.get(name));
      if (target != null) {
        tokens.set(i, Token.word(target));
      }
    }
  }
}
