package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * jsonb results announced as jsonb (OID 3802). jsonb is DuckDB's JSON inside a statement, so that
 * every JSON function and operator works on it; what PostgreSQL would type jsonb is told apart by
 * its form (a cast to jsonb, a jsonb_* function, {@code ->}, {@code #>}, {@code ||} or {@code -}
 * on such a value). Where the type reaches the client, the value is marked as a one-member UNION
 * tagged jsonb ({@code union_value(jsonb := v)}), which the wire layer announces as jsonb and
 * sends as the member's text: a whole item of the top-level select list; pg_typeof's argument
 * gets that type too. The mark is left out when the list's values are not sent as they are (INSERT ...
 * SELECT, SELECT INTO, CREATE ... AS, UNION): a UNION cast to JSON would become
 * {@code {"jsonb": v}}. A jsonb column of a table, whose type the statement does not show, is
 * sent as json.
 */
final class JsonbResults implements RewriteRule {
  /** jsonb functions whose result is jsonb, with jsonb's text (see {@link JsonbCasts}). */
  static final String DELETE = "pg_jsonb_delete";
  static final Set<String> FUNCTIONS = Set.of(DELETE, "jsonb_agg", "jsonb_object_agg", "jsonb_build_object",
      "jsonb_build_array", "to_jsonb", "jsonb_extract_path", "jsonb_set", "jsonb_strip_nulls",
      "jsonb_path_query_first");
  private static final Set<String> OPERATORS = Set.of("->", "#>", "||", "-");
  private static final Set<String> NOT_SENT = Set.of("union", "intersect", "except", "into",
      "insert", "update", "delete", "create", "copy");

  @Override
  public String name() {
    return "jsonb-results";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    deletions(tokens);
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (tokens.get(i).isWord("pg_typeof") && tokens.nextIs(i, "(") && !tokens.prevIs(i, ".")) {
        int open = tokens.next(i);
        int close = tokens.closing(open);
        if (close > 0 && isJsonb(tokens, tokens.next(open), tokens.prev(close))) {
          typed(tokens, tokens.next(open), tokens.prev(close));
        }
      }
    }
    if (!sentAsIs(tokens)) {
      return;
    }
    List<int[]> items = ColumnNames.mainSelectItems(tokens);
    for (int n = items.size() - 1; n >= 0; n--) {
      int start = items.get(n)[0];
      int end = withoutAlias(tokens, start, items.get(n)[1]);
      if (start >= 0 && end >= start && isJsonb(tokens, start, end)) {
        mark(tokens, start, end);
      }
    }
  }

  /**
   * {@code jsonb - k} (a key, keys or an index) becomes {@value #DELETE}{@code (a, k)}, before the
   * {@link Subtraction} rule makes every other minus its macro.
   */
  private static void deletions(Tokens tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).is("-")) {
        continue;
      }
      int[] ends = BinaryCalls.operands(tokens, i, Operands.ADD);
      if (ends != null && ends[0] < i && isJsonb(tokens, ends[0], tokens.prev(i))) {
        BinaryCalls.call(tokens, ends[0], ends[1], null, DELETE, ends[0], tokens.prev(i),
            tokens.next(i), ends[1]);
        i = ends[0];
      }
    }
  }

  /** A query whose select list is what the client receives. */
  private static boolean sentAsIs(Tokens tokens) {
    Token first = tokens.at(tokens.next(-1));
    if (first == null || !first.isWord("select") && !first.isWord("with")) {
      return false;
    }
    return tokens.allTopLevel(-1, tokens.size(), t -> t.isWord()
        && NOT_SENT.contains(t.text().toLowerCase(Locale.ROOT))).isEmpty();
  }

  /** The item's last token before {@code AS alias} or a bare alias. */
  private static int withoutAlias(Tokens tokens, int start, int end) {
    Token last = tokens.at(end);
    int before = tokens.prev(end);
    if (last == null || !last.isIdentifier() || before <= start) {
      return end;
    }
    Token b = tokens.get(before);
    if (b.isWord("as")) {
      return tokens.prev(before);
    }
    return b.is(")") || b.isIdentifier() && !b.isWord("over") ? before : end;
  }

  private static void mark(Tokens tokens, int start, int end) {
    List<Token> out = new ArrayList<>(SqlLexer.lex("union_value(jsonb := "));
    out.addAll(tokens.copy(start, end));
    out.add(Token.punct(")"));
    tokens.replace(start, end, out);
  }

  /**
   * pg_typeof's argument as a value of the marked type that still reads the argument (an
   * aggregate stays one): {@code union_value} itself cannot be, since the pg_typeof rule's
   * regtype macros copy it into a correlated subquery, where DuckDB loses its tag.
   */
  private static void typed(Tokens tokens, int start, int end) {
    List<Token> out = new ArrayList<>(SqlLexer.lex("CASE WHEN ("));
    out.addAll(tokens.copy(start, end));
    out.addAll(SqlLexer.lex(") IS NULL THEN NULL ELSE CAST(NULL AS UNION(jsonb JSON)) END"));
    tokens.replace(start, end, out);
  }

  /** Whether tokens start..end are, by their form, a jsonb value. */
  static boolean isJsonb(Tokens tokens, int start, int end) {
    if (start < 0 || end < start) {
      return false;
    }
    if (tokens.get(start).is("(") && tokens.closing(start) == end) {
      return isJsonb(tokens, tokens.next(start), tokens.prev(end));
    }
    List<Integer> operators = tokens.allTopLevel(start - 1, end + 1,
        t -> t.kind() == Token.Kind.OPERATOR && !t.is("::"));
    if (!operators.isEmpty()) {
      int op = operators.get(operators.size() - 1);
      String text = tokens.get(op).text();
      if (!OPERATORS.contains(text) || op == start) {
        return false;
      }
      boolean left = isJsonb(tokens, start, tokens.prev(op));
      return text.equals("||") ? left || isJsonb(tokens, tokens.next(op), end) : left;
    }
    Token last = tokens.get(end);
    if (last.isWord("jsonb") && tokens.prevIs(end, "::")) {
      return true;
    }
    Token first = tokens.get(start);
    if (!first.isWord() || !tokens.nextIs(start, "(")) {
      return false;
    }
    int open = tokens.next(start);
    int close = tokens.closing(open);
    if (first.isWord("cast") && close == end) {
      int as = tokens.firstTopLevel(open, close, t -> t.isWord("as"));
      return as > 0 && tokens.next(as) == tokens.prev(close)
          && tokens.get(tokens.next(as)).isWord("jsonb");
    }
    return FUNCTIONS.contains(first.text().toLowerCase(Locale.ROOT)) && close > 0
        && ResultTypes.callEnd(tokens, close) == end;
  }
}
