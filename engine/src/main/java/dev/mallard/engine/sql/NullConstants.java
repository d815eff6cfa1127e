package dev.mallard.engine.sql;

import java.util.List;
import java.util.Set;

/**
 * The types PostgreSQL gives NULL constants where DuckDB's differ:
 * <ul>
 *   <li>a bare NULL item of the top-level select list is text (PostgreSQL resolves an unknown
 *       output column as text; DuckDB says INTEGER), unless set operations combine lists, where
 *       the other branches decide;
 *   <li>{@code a || b} with a NULL constant on one side and a string (a constant or a cast to text)
 *       or a NULL cast to text on the other is text: DuckDB folds it to a NULL whose type is
 *       INTEGER.
 * </ul>
 */
final class NullConstants implements RewriteRule {
  private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "character", "name");

  @Override
  public String name() {
    return "null-constants";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (tokens.get(i).is("||")) {
        concatenation(tokens, i);
      }
    }
    if (hasSetOperation(tokens)) {
      return;
    }
    List<int[]> items = ColumnNames.mainSelectItems(tokens);
    for (int n = items.size() - 1; n >= 0; n--) {
      int s = items.get(n)[0];
      int e = items.get(n)[1];
      int last = tokens.at(tokens.next(s)) != null && tokens.get(tokens.next(s)).isWord("as")
          ? tokens.next(tokens.next(s)) : tokens.next(s);
      if (s >= 0 && tokens.get(s).isWord("null") && (s == e || last == e)) {
        tokens.replace(s, s, SqlLexer.lex("CAST(NULL AS VARCHAR)"));
      }
    }
  }

  private static void concatenation(Tokens tokens, int op) {
    int[] ends = BinaryCalls.operands(tokens, op, Operands.OTHER);
    if (ends == null) {
      return;
    }
    int leftEnd = tokens.prev(op);
    int rightStart = tokens.next(op);
    boolean leftNull = isNull(tokens, ends[0], leftEnd);
    boolean rightNull = isNull(tokens, rightStart, ends[1]);
    if (leftNull && isText(tokens, rightStart, ends[1]) || rightNull && isText(tokens, ends[0], leftEnd)) {
      tokens.insert(ends[1] + 1, SqlLexer.lex(" AS VARCHAR)"));
      tokens.insert(ends[0], List.of(Token.word("CAST"), Token.punct("(")));
    }
  }

  /** NULL, or NULL cast to some type ({@code NULL::t}). */
  private static boolean isNull(Tokens tokens, int from, int to) {
    return tokens.get(from).isWord("null")
        && (from == to || tokens.nextIs(from, "::") && Operands.typeEnd(tokens, tokens.next(tokens.next(from))) == to);
  }

  /** A string constant, or anything cast to a text type ({@code x::text}). */
  private static boolean isText(Tokens tokens, int from, int to) {
    Token last = tokens.get(to);
    if (from == to) {
      return last.kind() == Token.Kind.STRING;
    }
    int colons = tokens.prev(to);
    return last.isIdentifier() && TEXT_TYPES.contains(last.identifier()) && tokens.at(colons) != null
        && tokens.get(colons).is("::");
  }

  private static boolean hasSetOperation(Tokens tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isWord("union") || t.isWord("intersect") || t.isWord("except")) {
        return true;
      }
    }
    return false;
  }
}
