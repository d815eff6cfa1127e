package dev.mallard.engine.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Result columns named as PostgreSQL names them (FigureColname in parse_target.c): a function call
 * by the function ({@code count(*)} is "count"), a cast by its operand's name or else the type
 * ({@code a::int} is "a", {@code 'x'::text} "text"), CASE "case", anything else "?column?".
 * DuckDB would use the expression's text ({@code count_star()}, {@code CAST(a AS INTEGER)}), and
 * clients read columns by name. Only unaliased items of the top-level select list (of a SELECT,
 * WITH ... SELECT, or CREATE TABLE/VIEW ... AS SELECT) get an alias, and only items this rule
 * fully understands: anything else, DuckDB-only syntax included, keeps DuckDB's name.
 */
final class ColumnNames implements RewriteRule {
  private static final Set<String> LIST_END = Set.of("from", "into", "where", "group", "having",
      "window", "order", "limit", "offset", "union", "intersect", "except", "for", "fetch",
      "qualify", "returning", "using");
  /** Words that are not column names when they end an item ({@code x IS NULL}). */
  private static final Set<String> VALUE_WORDS = Set.of("null", "true", "false", "unknown", "end");
  /** PostgreSQL's type names of more than one word, as written after :: (format_type's). */
  private static final Set<String> MULTIWORD_TYPES = Set.of("double precision",
      "character varying", "bit varying", "time with time zone", "time without time zone",
      "timestamp with time zone", "timestamp without time zone");
  private static final Set<String> UNSURE_WORDS = Set.of("exclude", "replace", "columns", "at",
      "collate", "rename", "lambda");

  @Override
  public String name() {
    return "column-names";
  }

  /**
   * The items of the top-level select list ({start, end} token indexes), in order; none when the
   * statement has no such list.
   */
  static List<int[]> mainSelectItems(Tokens tokens) {
    List<int[]> items = new java.util.ArrayList<>();
    int select = mainSelect(tokens);
    if (select < 0) {
      return items;
    }
    int i = tokens.next(select);
    Token t = tokens.at(i);
    if (t != null && t.isWord("distinct")) {
      i = tokens.next(i);
      if (tokens.at(i) != null && tokens.get(i).isWord("on") && tokens.nextIs(i, "(")) {
        i = tokens.next(tokens.closing(tokens.next(i)));
      }
    } else if (t != null && t.isWord("all")) {
      i = tokens.next(i);
    }
    if (i < 0) {
      return items;
    }
    int end = tokens.topLevelEnd(i, j -> {
      Token k = tokens.get(j);
      return k.is(";") || k.isWord() && LIST_END.contains(k.text().toLowerCase(Locale.ROOT))
          && !continuesItem(tokens, j);
    });
    int start = i;
    for (int comma : tokens.allTopLevel(i - 1, end, k -> k.is(","))) {
      items.add(new int[] {start, tokens.prev(comma)});
      start = tokens.next(comma);
    }
    boolean closesBracket = end < tokens.size()
        && (tokens.get(end).is(")") || tokens.get(end).is("]"));
    if (!closesBracket && start >= 0) { // an item cut off by a bracket it did not open: unnamed
      items.add(new int[] {start, tokens.prev(end)});
    }
    return items;
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    List<int[]> items = mainSelectItems(tokens);
    for (int n = items.size() - 1; n >= 0; n--) {
      int s = items.get(n)[0];
      int e = items.get(n)[1];
      if (s < 0 || e < s) {
        continue;
      }
      String alias = aliasFor(tokens, s, e);
      if (alias != null) {
        tokens.insert(e + 1, List.of(new Token(Token.Kind.SPACE, " "), Token.word("AS"),
            new Token(Token.Kind.SPACE, " "),
            new Token(Token.Kind.QUOTED_IDENT, "\"" + alias.replace("\"", "\"\"") + "\"")));
      }
    }
  }

  /** FROM of IS [NOT] DISTINCT FROM and GROUP of WITHIN GROUP are inside an item. */
  private static boolean continuesItem(Tokens tokens, int j) {
    Token before = tokens.at(tokens.prev(j));
    return before != null && (tokens.get(j).isWord("from") && before.isWord("distinct")
        || tokens.get(j).isWord("group") && before.isWord("within"));
  }

  /** The select key word whose list names the result, or -1. */
  private static int mainSelect(Tokens tokens) {
    int first = tokens.next(-1);
    Token t = tokens.at(first);
    if (t == null) {
      return -1;
    }
    if (t.isWord("select")) {
      return first;
    }
    if (t.isWord("prepare")) {
      return preparedSelect(tokens, first);
    }
    int from = first;
    if (t.isWord("create")) {
      from = -1;
      boolean relation = false;
      for (int j = first; j >= 0 && j < tokens.size(); j = tokens.next(j)) {
        Token k = tokens.get(j);
        if (k.is("(")) {
          return -1; // a column list: names come from it
        }
        relation |= k.isWord("table") || k.isWord("view");
        if (k.isWord("as")) {
          from = relation ? j : -1;
          break;
        }
      }
      if (from < 0) {
        return -1;
      }
      Token body = tokens.at(tokens.next(from));
      if (body != null && body.isWord("select")) {
        return tokens.next(from);
      }
      if (body == null || !body.isWord("with")) {
        return -1;
      }
    } else if (!t.isWord("with")) {
      return -1;
    }
    int depth = 0;
    for (int j = from; j < tokens.size(); j++) {
      Token k = tokens.get(j);
      if (k.is("(")) {
        depth++;
      } else if (k.is(")")) {
        depth--;
      } else if (depth == 0 && k.isWord("select")) {
        return j;
      }
    }
    return -1;
  }

  /** PREPARE name [(types)] AS SELECT ..: the prepared query's select, or -1. */
  private static int preparedSelect(Tokens tokens, int prepare) {
    int j = tokens.next(tokens.next(prepare));
    if (j >= 0 && tokens.get(j).is("(")) {
      j = tokens.next(tokens.closing(j));
    }
    if (j < 0 || !tokens.get(j).isWord("as")) {
      return -1;
    }
    Token body = tokens.at(tokens.next(j));
    return body != null && body.isWord("select") ? tokens.next(j) : -1;
  }

  /** The alias to add to item s..e, or null when it has one, needs none, or is not understood. */
  static String aliasFor(Tokens tokens, int s, int e) {
    if (tokens.get(s).is("(") && tokens.closing(s) > 0
        && isWordAt(tokens, tokens.next(tokens.closing(s)), "overlaps")
        && tokens.closing(tokens.next(tokens.next(tokens.closing(s)))) == e) {
      return "overlaps"; // (a, b) OVERLAPS (c, d) is the function overlaps to PostgreSQL
    }
    int depth = 0;
    boolean operator = false;
    for (int j = s; j <= e; j++) {
      Token k = tokens.get(j);
      if (k.is("(") || k.is("[")) {
        depth++;
      } else if (k.is(")") || k.is("]")) {
        depth--;
      } else if (depth == 0) {
        if (k.isWord("at") && isWordAt(tokens, tokens.next(j), "time")
            && isWordAt(tokens, tokens.next(tokens.next(j)), "zone")) {
          return atTimeZone(tokens, s, j, e);
        }
        boolean call = j == s && tokens.nextIs(j, "("); // replace(..) is a function, not * REPLACE
        if (k.is("*") && (j == s || tokens.prevIs(j, ".")) || k.isWord("as") || k.is(":")
            || !call && k.isWord() && UNSURE_WORDS.contains(k.text().toLowerCase(Locale.ROOT))) {
          return null;
        }
        operator |= k.kind() == Token.Kind.OPERATOR && !k.is("::") || Operands.level(k) > 0;
      }
    }
    if (Operands.unitEnd(tokens, s) == e) {
      Name name = ExpressionNames.of(tokens, s, e);
      if (name == null || name.plainColumn()) {
        return null;
      }
      return name.text();
    }
    return operator && !hasImplicitAlias(tokens, s, e) ? Name.NONE.text() : null;
  }

  /** {@code x AT TIME ZONE z} is the function timezone(z, x) to PostgreSQL, named "timezone". */
  private static String atTimeZone(Tokens tokens, int s, int at, int e) {
    int zone = tokens.next(tokens.next(tokens.next(at)));
    boolean units = Operands.unitEnd(tokens, s) == tokens.prev(at) && zone >= 0
        && Operands.unitEnd(tokens, zone) == e;
    return units ? "timezone" : null;
  }

  private static boolean isWordAt(Tokens tokens, int i, String word) {
    Token t = tokens.at(i);
    return t != null && t.isWord(word);
  }

  private static boolean hasImplicitAlias(Tokens tokens, int s, int e) {
    Token last = tokens.get(e);
    if (e == s || !last.isIdentifier() || last.isWord()
        && VALUE_WORDS.contains(last.text().toLowerCase(Locale.ROOT)) || endsWithTypeName(tokens, e)) {
      return false;
    }
    Token before = tokens.get(tokens.prev(e));
    if (before.is(")") || before.is("]") || before.kind() == Token.Kind.NUMBER
        || before.kind() == Token.Kind.STRING || before.kind() == Token.Kind.PARAM
        || before.kind() == Token.Kind.QUOTED_IDENT) {
      return true;
    }
    return before.isWord() && Operands.level(before) < 0 && !before.isWord("distinct")
        && !before.isWord("from") && !before.isWord("then") && !before.isWord("else")
        && !before.isWord("when");
  }

  /**
   * Whether the item ends with a cast to a type named in several words ({@code x::double
   * precision}): its last word is part of the type, not an alias.
   */
  private static boolean endsWithTypeName(Tokens tokens, int e) {
    StringBuilder words = new StringBuilder();
    for (int j = e; j >= 0; j = tokens.prev(j)) {
      Token k = tokens.get(j);
      if (k.is("::")) {
        return MULTIWORD_TYPES.contains(words.toString());
      }
      if (!k.isWord()) {
        return false;
      }
      words.insert(0, words.length() == 0 ? "" : " ").insert(0, k.text().toLowerCase(Locale.ROOT));
    }
    return false;
  }

  /** A result name and how sure PostgreSQL is of it (0 none, 1 type or case, 2 a real name). */
  record Name(String text, int strength, boolean plainColumn) {
    static final Name NONE = new Name("?column?", 0, false);
  }
}
