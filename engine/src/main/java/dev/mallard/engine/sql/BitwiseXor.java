package dev.mallard.engine.sql;

/**
 * The bitwise exclusive or {@code a # b}, which DuckDB spells xor(a, b), becomes that call, with
 * PostgreSQL's precedence for an operator of its own (below arithmetic: {@code a + b # c} is
 * {@code (a + b) # c}). DuckDB's positional reference {@code #1} has no left operand and is left
 * alone. Runs after ColumnNames, which names the item "?column?" as PostgreSQL does.
 */
final class BitwiseXor implements RewriteRule {
  @Override
  public String name() {
    return "bitwise-xor";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (tokens.get(i).is("#")) {
        int[] ends = BinaryCalls.operands(tokens, i, Operands.OTHER);
        if (ends != null) {
          BinaryCalls.call(tokens, ends[0], ends[1], null, "xor", ends[0], tokens.prev(i),
              tokens.next(i), ends[1]);
        }
      }
    }
  }
}
