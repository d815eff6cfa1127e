package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A value made jsonb gets jsonb's text, normalised as PostgreSQL's jsonb_in does (duplicate keys
 * dropped with the last kept, keys sorted by length then bytes, {@code ", "} and {@code ": "}):
 * {@code x::jsonb} and {@code CAST(x AS jsonb)} become {@code }{@value #MACRO}{@code (x)}, and so
 * does the result of the jsonb functions DuckDB answers with its own compact text (jsonb_agg,
 * jsonb_build_object, to_jsonb, ...). The value stays DuckDB's JSON. Runs after {@link
 * JsonOperators}, which reads {@code ::jsonb} to tell jsonb's operators from text's, and before
 * {@link FunctionNames}, which renames those functions. Column definitions (CREATE TABLE's list,
 * ALTER TABLE) are left alone: a DEFAULT is stored with the table and must not call a session
 * macro, and a jsonb column is DuckDB's JSON, whose values keep their text anyway.
 */
final class JsonbCasts implements RewriteRule {
  static final String MACRO = "pg_jsonb";
  private static final Set<String> COMPACT_FUNCTIONS = Set.of("jsonb_agg", "jsonb_object_agg",
      "jsonb_build_object", "jsonb_build_array", "to_jsonb", "jsonb_extract_path");

  @Override
  public String name() {
    return "jsonb-casts";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int first = tokens.next(-1);
    if (tokens.at(first) == null || tokens.get(first).isWord("alter")) {
      return;
    }
    int columnsEnd = Subtraction.columnDefinitionsEnd(tokens, first);
    // backwards: a call's arguments are done before its name, a cast's operand after the cast
    for (int i = tokens.size() - 1; i > columnsEnd; i--) {
      Token t = tokens.get(i);
      if (t.is("::") && tokens.at(tokens.next(i)) != null
          && tokens.get(tokens.next(i)).isWord("jsonb") && !tokens.nextIs(tokens.next(i), "[")) {
        int start = PrimaryOperands.start(tokens, tokens.prev(i));
        if (start >= 0) {
          int valueEnd = tokens.prev(i);
          wrap(tokens, start, valueEnd, tokens.next(i));
          i = start + 3 + valueEnd - start; // the closing parenthesis: the value is read next
        }
      } else if (t.isWord("cast") && tokens.nextIs(i, "(") && !tokens.prevIs(i, ".")) {
        castCall(tokens, i);
      } else if (t.isWord() && COMPACT_FUNCTIONS.contains(t.text().toLowerCase(Locale.ROOT))
          && tokens.nextIs(i, "(") && !tokens.prevIs(i, ".")) {
        int end = ResultTypes.callEnd(tokens, tokens.closing(tokens.next(i)));
        if (end > 0) {
          wrap(tokens, i, end, end);
        }
      }
    }
  }

  /** {@code CAST(x AS jsonb)}. */
  private static void castCall(Tokens tokens, int cast) {
    int open = tokens.next(cast);
    int close = tokens.closing(open);
    int as = close < 0 ? -1 : tokens.firstTopLevel(open, close, k -> k.isWord("as"));
    if (as < 0 || tokens.next(as) != tokens.prev(close)
        || !tokens.get(tokens.next(as)).isWord("jsonb")) {
      return;
    }
    List<Token> out = new ArrayList<>(List.of(Token.word(MACRO), Token.punct("(")));
    out.addAll(tokens.copy(tokens.next(open), tokens.prev(as)));
    out.add(Token.punct(")"));
    tokens.replace(cast, close, out);
  }

  /** Replaces tokens start..to by {@code pg_jsonb(<tokens start..valueEnd>)}. */
  private static void wrap(Tokens tokens, int start, int valueEnd, int to) {
    List<Token> out = new ArrayList<>(List.of(Token.word(MACRO), Token.punct("(")));
    out.addAll(tokens.copy(start, valueEnd));
    out.add(Token.punct(")"));
    tokens.replace(start, to, out);
  }
}
