package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Calls whose result type PostgreSQL fixes by the function alone, where DuckDB's differs: string
 * lengths and positions, ntile and grouping are int4 (DuckDB: BIGINT); extract is numeric since
 * PostgreSQL 14, with the fraction of a second at scale 6 (DuckDB: BIGINT, the whole second);
 * date_part and percentile_cont are float8; sum of int4 is int8 and of int8 numeric, avg of integers and numerics
 * numeric. The call is wrapped in a cast to PostgreSQL's type, which holds every value
 * the call can give. A call of another shape is left as it is.
 */
final class ResultTypes implements RewriteRule {
  private static final Set<String> INT4 = Set.of("length", "char_length", "character_length",
      "octet_length", "strpos", "position", "ntile", "grouping", "json_array_length");
  /** Fields whose value is a whole number: extract gives numeric scale 0, date_part float8. */
  private static final Set<String> WHOLE_FIELDS = Set.of("year", "month", "day", "hour", "minute",
      "dow", "isodow", "doy", "week", "quarter", "isoyear", "decade", "century", "millennium",
      "microseconds", "years", "months", "days", "hours", "minutes");

  @Override
  public String name() {
    return "result-types";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (!t.isWord() || !tokens.nextIs(i, "(") || tokens.prevIs(i, ".")) {
        continue;
      }
      String name = t.text().toLowerCase(Locale.ROOT);
      int open = tokens.next(i);
      int close = tokens.closing(open);
      if (close < 0) {
        continue;
      }
      if (INT4.contains(name)) {
        wrap(tokens, i, callEnd(tokens, close), "INTEGER");
      } else if (name.equals("sum") || name.equals("avg")) {
        sumOrAvg(tokens, i, open, close, name.equals("avg"));
      } else if (name.equals("extract")) {
        extract(tokens, i, open, close);
      } else if (name.equals("date_part")) {
        datePart(tokens, i, open, close);
      } else if (name.equals("percentile_cont")) {
        percentileCont(tokens, close);
      }
    }
  }

  /** The last token of the call closing at {@code close}: past FILTER (..) and OVER (..)/name. */
  static int callEnd(Tokens tokens, int close) {
    int end = close;
    Token after = tokens.at(tokens.next(end));
    if (after != null && after.isWord("filter") && tokens.nextIs(tokens.next(end), "(")) {
      end = tokens.closing(tokens.next(tokens.next(end)));
      after = end < 0 ? null : tokens.at(tokens.next(end));
    }
    if (end >= 0 && after != null && after.isWord("over")) {
      int window = tokens.next(tokens.next(end));
      Token w = tokens.at(window);
      end = w == null ? -1 : w.is("(") ? tokens.closing(window) : w.isIdentifier() ? window : -1;
    }
    return end;
  }

  private static void wrap(Tokens tokens, int from, int to, String type) {
    if (to < 0) {
      return;
    }
    tokens.insert(to + 1, SqlLexer.lex(" AS " + type + ")"));
    tokens.insert(from, List.of(Token.word("CAST"), Token.punct("(")));
  }

  /**
   * sum(x) [FILTER ..] [OVER ..] is {@code pg_sum_result(sum(x) .., x)}: a session macro whose
   * overload for x's type casts the sum to PostgreSQL's type (int2/int4 give int8, int8 numeric,
   * float4 float4; DuckDB gives HUGEINT and DOUBLE). avg(x) .. is likewise
   * {@code pg_avg_result(avg(x) .., sum(x) .., count(x) .., x)}, numeric for integers and numerics
   * (DuckDB: DOUBLE). The macro never evaluates x, so x may stand outside the aggregate. A call
   * with ORDER BY or more than one argument, of a parameter, or over a window with a call in its
   * argument is left alone.
   */
  private static void sumOrAvg(Tokens tokens, int i, int open, int close, boolean avg) {
    int end = callEnd(tokens, close);
    int from = tokens.next(open);
    if (end < 0 || from >= close) {
      return;
    }
    int argument = from;
    if (tokens.get(from).isWord("distinct") || tokens.get(from).isWord("all")) {
      argument = tokens.next(from);
    }
    boolean window = windowNamed(tokens, close, end);
    int depth = 0;
    for (int j = argument; j < close; j++) {
      Token k = tokens.get(j);
      if (k.kind() == Token.Kind.PARAM || window && k.is("(")) {
        // a parameter's type, or an aggregate's under a window (sum(count(*)) OVER ()), is not
        // known when DuckDB picks the macro's overload: it would find several
        return;
      }
      if (k.is("(") || k.is("[")) {
        depth++;
      } else if (k.is(")") || k.is("]")) {
        depth--;
      } else if (depth == 0 && (k.is(",") || k.isWord("order"))) {
        return;
      }
    }
    List<Token> x = copy(tokens, argument, tokens.prev(close));
    if (!avg) {
      List<Token> tail = new ArrayList<>(SqlLexer.lex(", "));
      tail.addAll(x);
      tail.add(Token.punct(")"));
      tokens.insert(end + 1, tail);
      tokens.insert(i, List.of(Token.word("pg_sum_result"), Token.punct("(")));
      return;
    }
    // avg(..) .. as it is, then sum(..) .. and count(..) .. with the same arguments and clauses
    List<Token> call = copy(tokens, i, end);
    List<Token> arguments = copy(tokens, open, end);
    List<Token> out = new ArrayList<>(SqlLexer.lex("pg_avg_result("));
    out.addAll(call);
    out.addAll(SqlLexer.lex(", sum"));
    out.addAll(arguments);
    out.addAll(SqlLexer.lex(", count"));
    out.addAll(arguments);
    out.addAll(SqlLexer.lex(", "));
    out.addAll(x);
    out.add(Token.punct(")"));
    tokens.replace(i, end, out);
  }

  private static boolean windowNamed(Tokens tokens, int close, int end) {
    for (int j = close + 1; j <= end; j++) {
      if (tokens.get(j).isWord("over")) {
        return true;
      }
    }
    return false;
  }

  /**
   * percentile_cont(f) WITHIN GROUP (ORDER BY x): PostgreSQL's takes and gives float8 (DuckDB
   * interpolates in x's own type, rounding a numeric to its scale), so x is cast to DOUBLE.
   */
  private static void percentileCont(Tokens tokens, int close) {
    int within = tokens.next(close);
    int group = tokens.next(within);
    int open = tokens.next(group);
    int order = tokens.next(open);
    int by = tokens.next(order);
    Token o = tokens.at(order);
    Token b = tokens.at(by);
    if (!(tokens.at(within) != null && tokens.get(within).isWord("within")
        && tokens.at(group) != null && tokens.get(group).isWord("group") && tokens.nextIs(group, "(")
        && o != null && o.isWord("order") && b != null && b.isWord("by"))) {
      return;
    }
    int end = tokens.closing(open);
    int stop = tokens.firstTopLevel(open, end, k -> k.isWord("asc") || k.isWord("desc")
        || k.isWord("nulls") || k.is(","));
    int last = tokens.prev(stop < 0 ? end : stop);
    if (end < 0 || last <= by) {
      return;
    }
    wrap(tokens, tokens.next(by), last, "DOUBLE");
  }

  /** The field named by the token at {@code i} (a word or a string), lower case, or null. */
  private static String field(Token t) {
    if (t == null) {
      return null;
    }
    if (t.isWord()) {
      return t.text().toLowerCase(Locale.ROOT);
    }
    String s = t.kind() == Token.Kind.STRING ? Literals.stringValue(t) : null;
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** extract(field FROM source): numeric, at scale 6 for second and epoch, 3 for milliseconds. */
  private static void extract(Tokens tokens, int i, int open, int close) {
    int f = tokens.next(open);
    int from = tokens.next(f);
    if (from < 0 || from >= close || !tokens.get(from).isWord("from") || tokens.next(from) >= close) {
      return;
    }
    String field = field(tokens.get(f));
    if (field == null) {
      return;
    }
    List<Token> source = copy(tokens, tokens.next(from), tokens.prev(close));
    if (WHOLE_FIELDS.contains(field)) {
      wrap(tokens, i, close, "DECIMAL(38,0)");
    } else if (field.equals("second") || field.equals("seconds") || field.equals("milliseconds")) {
      String scale = field.equals("milliseconds") ? "0.001" : "0.000001";
      tokens.replace(i, close, fractionOfMinute(source, "DECIMAL(18,0)", " * " + scale));
    } else if (field.equals("epoch")) {
      List<Token> call = new ArrayList<>(List.of(Token.word("pg_extract_epoch"), Token.punct("(")));
      call.addAll(source);
      call.add(Token.punct(")"));
      tokens.replace(i, close, call);
    }
  }

  /** date_part('field', source): float8, with the fraction for second and milliseconds. */
  private static void datePart(Tokens tokens, int i, int open, int close) {
    int f = tokens.next(open);
    int comma = tokens.next(f);
    Token ft = tokens.at(f);
    if (ft == null || ft.kind() != Token.Kind.STRING || comma < 0 || !tokens.get(comma).is(",")
        || tokens.next(comma) >= close) {
      return;
    }
    String field = field(ft);
    if (WHOLE_FIELDS.contains(field)) {
      wrap(tokens, i, close, "DOUBLE");
    } else if (field != null && (field.equals("second") || field.equals("milliseconds"))) {
      List<Token> source = copy(tokens, tokens.next(comma), tokens.prev(close));
      String divisor = field.equals("second") ? " / 1000000" : " / 1000";
      tokens.replace(i, close, fractionOfMinute(source, "DOUBLE", divisor));
    }
  }

  /** {@code (CAST(date_part('microsecond', source) AS type) op)}: seconds within the minute. */
  private static List<Token> fractionOfMinute(List<Token> source, String type, String op) {
    List<Token> out = new ArrayList<>(SqlLexer.lex("(CAST(date_part('microsecond', "));
    out.addAll(source);
    out.addAll(SqlLexer.lex(") AS " + type + ")" + op + ")"));
    return out;
  }

  private static List<Token> copy(Tokens tokens, int from, int to) {
    List<Token> out = new ArrayList<>();
    for (int j = from; j <= to; j++) {
      out.add(tokens.get(j));
    }
    return out;
  }
}
