package dev.mallard.engine.sql;

/**
 * {@code ||} with an array on one side: PostgreSQL appends an element ({@code ARRAY[1, 2] || 3}),
 * prepends one ({@code 0 || ARRAY[1]}) or concatenates two arrays; DuckDB's || concatenates only
 * lists of one type. Where the text shows an operand is an array (an ARRAY[..] constructor or a
 * cast to an array type), the operator becomes list_append, list_prepend or list_concat. An
 * array the text does not show (a column) is left to DuckDB.
 */
final class ArrayConcatenation implements RewriteRule {
  @Override
  public String name() {
    return "array-concatenation";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (!tokens.get(i).is("||")) {
        continue;
      }
      int[] ends = BinaryCalls.operands(tokens, i, Operands.OTHER);
      if (ends == null) {
        continue;
      }
      boolean left = isArray(tokens, ends[0], tokens.prev(i));
      boolean right = isArray(tokens, tokens.next(i), ends[1]);
      String function = left && right ? "list_concat" : left ? "list_append"
          : right ? "list_prepend" : null;
      if (function != null) {
        BinaryCalls.call(tokens, ends[0], ends[1], null, function, ends[0], tokens.prev(i),
            tokens.next(i), ends[1]);
      }
    }
  }

  /** ARRAY[..] alone, or an operand cast to an array type ({@code x::int[]}). */
  private static boolean isArray(Tokens tokens, int from, int to) {
    Token first = tokens.get(from);
    if (first.isWord("array") && tokens.nextIs(from, "[") && tokens.closing(tokens.next(from)) == to) {
      return true;
    }
    if (!tokens.get(to).is("]")) {
      return false;
    }
    int open = tokens.opening(to);
    for (int j = tokens.prev(open); j > from; j = tokens.prev(j)) {
      if (tokens.get(j).is("::")) {
        return Operands.typeEnd(tokens, tokens.next(j)) == to;
      }
      if (!tokens.get(j).isWord() && !tokens.get(j).is("]") && !tokens.get(j).is("[")) {
        return false;
      }
    }
    return false;
  }
}
