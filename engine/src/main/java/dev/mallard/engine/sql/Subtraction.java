package dev.mallard.engine.sql;

/**
 * {@code a - b} becomes {@code pg_subtract(a, b)}, a session macro ({@link PgFunctionMacros})
 * whose typed overloads give PostgreSQL's answer where DuckDB's differs: date - date is the int4
 * number of days (DuckDB: BIGINT), time - time an interval (DuckDB has no such operator); jsonb -
 * key is already a call ({@link JsonbResults}). Every other pair of types takes the catch-all
 * overload, which is DuckDB's own minus, so the macro changes nothing else. Unary minus has no left operand and is left alone, as
 * is a subtraction of two operands whose types DuckDB cannot know (parameters, NULL, string
 * constants), where it could not choose an overload. Column definitions (CREATE TABLE's list,
 * ALTER TABLE) are left alone too: DuckDB binds CHECK and DEFAULT expressions before their
 * columns' types are known and would pick the wrong overload.
 */
final class Subtraction implements RewriteRule {
  static final String MACRO = "pg_subtract";

  @Override
  public String name() {
    return "subtraction";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int first = tokens.next(-1);
    if (tokens.at(first) == null || tokens.get(first).isWord("alter")) {
      return;
    }
    int columnsEnd = columnDefinitionsEnd(tokens, first);
    for (int i = tokens.size() - 1; i > columnsEnd; i--) {
      if (!tokens.get(i).is("-")) {
        continue;
      }
      int[] ends = BinaryCalls.operands(tokens, i, Operands.ADD);
      if (ends == null || untyped(tokens, ends[0], tokens.prev(i))
          && untyped(tokens, tokens.next(i), ends[1]) || intervalWithField(tokens, ends[1])) {
        continue;
      }
      BinaryCalls.call(tokens, ends[0], ends[1], null, MACRO, ends[0], tokens.prev(i),
          tokens.next(i), ends[1]);
    }
  }

  /**
   * {@code interval '1' day}: the operand scan ends at the string, before the field, so the
   * operand's end is uncertain.
   */
  private static boolean intervalWithField(Tokens tokens, int end) {
    Token after = tokens.at(tokens.next(end));
    return tokens.get(end).kind() == Token.Kind.STRING && after != null && after.isWord()
        && !Operands.isKeyword(after);
  }

  /** A parameter, NULL or a string constant alone: a value DuckDB has no type for yet. */
  private static boolean untyped(Tokens tokens, int from, int to) {
    Token t = tokens.get(from);
    return from == to && (t.kind() == Token.Kind.PARAM || t.kind() == Token.Kind.STRING
        || t.isWord("null"));
  }

  /**
   * The index of the closing parenthesis of CREATE [TEMP] TABLE name (...)'s column list, or -1
   * when the statement has none (so CREATE TABLE .. AS SELECT is rewritten).
   */
  static int columnDefinitionsEnd(Tokens tokens, int first) {
    if (!tokens.get(first).isWord("create")) {
      return -1;
    }
    boolean table = false;
    for (int j = tokens.next(first); j >= 0; j = tokens.next(j)) {
      Token t = tokens.get(j);
      if (t.isWord("as") || t.isWord("select")) {
        return -1;
      }
      table |= t.isWord("table");
      if (t.is("(")) {
        return table ? tokens.closing(j) : -1;
      }
    }
    return -1;
  }
}
