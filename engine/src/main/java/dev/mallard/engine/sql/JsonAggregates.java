package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * json_agg and json_object_agg (json, not jsonb) written with PostgreSQL's own text: elements
 * joined by {@code ", "} ({@code [1, 2]}), an object as {@code { "k" : v, ... }}; DuckDB's to_json
 * prints compactly. The aggregate becomes string_agg of each element's json text (it takes
 * ORDER BY, FILTER and OVER; an empty input gives NULL, as in PostgreSQL), cast to JSON. A call with DISTINCT, or of another shape, is left to {@link FunctionNames}.
 */
final class JsonAggregates {
  private JsonAggregates() {}

  /** Rewrites the call at {@code i}; false when its shape is not handled here. */
  static boolean rewrite(Tokens tokens, int i, boolean object) {
    int open = tokens.next(i);
    int close = tokens.closing(open);
    if (close < 0 || tokens.at(tokens.next(open)) == null
        || tokens.get(tokens.next(open)).isWord("distinct")) {
      return false;
    }
    int order = tokens.firstTopLevel(open, close, k -> k.isWord("order"));
    int argumentsEnd = order < 0 ? close : order;
    List<List<Token>> args = SqlSyntaxCalls.parts(tokens, open, argumentsEnd);
    if (args.size() != (object ? 2 : 1) || args.stream().anyMatch(List::isEmpty)) {
      return false;
    }
    int end = ResultTypes.callEnd(tokens, close);
    if (end < 0) {
      return false;
    }
    List<Token> element = new ArrayList<>();
    if (object) {
      element.addAll(SqlLexer.lex("CAST(to_json(CAST("));
      element.addAll(args.get(0));
      element.addAll(SqlLexer.lex(" AS VARCHAR)) AS VARCHAR) || ' : ' || "));
    }
    element.addAll(SqlLexer.lex("coalesce(CAST(to_json("));
    element.addAll(args.get(object ? 1 : 0));
    element.addAll(SqlLexer.lex(") AS VARCHAR), 'null')"));
    List<Token> out = new ArrayList<>(SqlLexer.lex(object ? "CAST('{ ' || string_agg("
        : "CAST('[' || string_agg("));
    out.addAll(element);
    out.addAll(SqlLexer.lex(", ', '"));
    if (order >= 0) {
      out.add(new Token(Token.Kind.SPACE, " "));
      out.addAll(tokens.copy(order, tokens.prev(close)));
    }
    out.add(Token.punct(")"));
    out.addAll(tokens.copy(close + 1, end));
    out.addAll(SqlLexer.lex(object ? " || ' }' AS JSON)" : " || ']' AS JSON)"));
    tokens.replace(i, end, out);
    return true;
  }
}
