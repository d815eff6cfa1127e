package dev.mallard.engine.sql;

import dev.mallard.engine.sql.ColumnNames.Name;
import java.util.Locale;
import java.util.Set;

/** FigureColname for one operand unit (a primary and its casts, subscripts and field selections). */
final class ExpressionNames {
  private static final Set<String> SUBQUERY = Set.of("select", "with", "values", "from", "table");
  /** Words that end a subquery's first select item. */
  private static final Set<String> ITEM_END = Set.of("from", "where", "group", "having", "window",
      "order", "limit", "offset", "union", "intersect", "except", "into");

  private ExpressionNames() {}

  /** The name of the unit {@code s..e}, or null when it is not understood. */
  static Name of(Tokens tokens, int s, int e) {
    Token first = tokens.get(s);
    if (first.is("-") || first.is("+")) {
      return Name.NONE;
    }
    int p = Operands.primaryEnd(tokens, s);
    if (p < 0 || p > e) {
      return null;
    }
    Name name = primary(tokens, s, p);
    int j = p;
    while (name != null && j < e) {
      int next = tokens.next(j);
      Token n = tokens.get(next);
      if (n.is("::")) {
        int typeStart = tokens.next(next);
        j = Operands.typeEnd(tokens, typeStart);
        if (j < 0) {
          return null;
        }
        if (name.strength() <= 1) {
          name = new Name(PgTypeNames.of(tokens, typeStart, j), 1, false);
        } else {
          name = new Name(name.text(), name.strength(), false);
        }
      } else if (n.is("[")) {
        j = tokens.closing(next);
        name = new Name(name.text(), name.strength(), false);
      } else if (n.is(".")) {
        j = tokens.next(next);
        name = new Name(tokens.get(j).identifier(), 2, false);
      } else {
        return null;
      }
    }
    return j == e ? name : null;
  }

  private static Name primary(Tokens tokens, int s, int p) {
    Token t = tokens.get(s);
    switch (t.kind()) {
      case NUMBER: case STRING: case PARAM:
        return Name.NONE;
      case PUNCT:
        return t.is("(") ? parenthesized(tokens, s, p) : null;
      default:
        break;
    }
    String word = t.isWord() ? t.text().toLowerCase(Locale.ROOT) : null;
    if ("true".equals(word) || "false".equals(word) || "null".equals(word)) {
      return Name.NONE; // constants: a cast names them by the type
    }
    if ("case".equals(word)) {
      return caseName(tokens, s, p);
    }
    if (word != null && p == tokens.next(s) && tokens.get(p).kind() == Token.Kind.STRING) {
      return new Name(PgTypeNames.of(tokens, s, s), 1, false); // date '2024-01-01'
    }
    if ("array".equals(word) || "exists".equals(word)) {
      return new Name(word, 2, false);
    }
    int last = s;
    while (tokens.nextIs(last, ".") && tokens.next(tokens.next(last)) <= p) {
      last = tokens.next(tokens.next(last));
    }
    if (!tokens.nextIs(last, "(")) {
      return last == p ? new Name(tokens.get(last).identifier(), 2, true) : null;
    }
    String function = tokens.get(last).identifier();
    int open = tokens.next(last);
    int close = tokens.closing(open);
    switch (function) {
      case "columns": case "unnest": case "struct_pack": case "row":
        return "row".equals(function) ? new Name("row", 2, false) : null;
      case "cast": case "try_cast":
        return castName(tokens, open, close);
      case "trim":
        Token mode = tokens.at(tokens.next(open));
        String trim = mode != null && mode.isWord("leading") ? "ltrim"
            : mode != null && mode.isWord("trailing") ? "rtrim" : "btrim";
        return new Name(trim, 2, false);
      default:
        return new Name(function, 2, false);
    }
  }

  /** {@code (expr)} is named as expr; a scalar subquery is not understood here. */
  private static Name parenthesized(Tokens tokens, int open, int close) {
    int s = tokens.next(open);
    int e = tokens.prev(close);
    if (s < close && tokens.get(s).isWord("select")) {
      return subqueryName(tokens, s, close);
    }
    if (s >= close || tokens.get(s).isWord() && SUBQUERY.contains(
        tokens.get(s).text().toLowerCase(Locale.ROOT)) || tokens.get(s).is("(")) {
      return null;
    }
    return Operands.unitEnd(tokens, s) == e ? of(tokens, s, e) : Name.NONE;
  }

  /**
   * A scalar subquery {@code (SELECT x ..)} is named as its first result column (PostgreSQL's
   * FigureColname for EXPR_SUBLINK): its alias, else its own figured name; null when unsure.
   */
  private static Name subqueryName(Tokens tokens, int select, int close) {
    int s = tokens.next(select);
    if (s < 0 || s >= close || tokens.get(s).isWord("distinct") || tokens.get(s).isWord("all")) {
      return null;
    }
    int depth = 0;
    int end = close;
    for (int j = s; j < close; j++) {
      Token k = tokens.get(j);
      if (k.is("(") || k.is("[")) {
        depth++;
      } else if (k.is(")") || k.is("]")) {
        depth--;
      } else if (depth == 0 && (k.is(",") || k.isWord() && ITEM_END.contains(
          k.text().toLowerCase(Locale.ROOT)))) {
        end = j;
        break;
      }
    }
    int e = tokens.prev(end);
    if (e < s) {
      return null;
    }
    int as = tokens.prev(e);
    if (as > s && tokens.get(as).isWord("as") && tokens.get(e).isIdentifier()) {
      return new Name(tokens.get(e).identifier(), 2, false);
    }
    if (Operands.unitEnd(tokens, s) != e) {
      return null;
    }
    Name inner = of(tokens, s, e);
    return inner == null ? null : new Name(inner.text(), 2, false);
  }

  /** CAST(x AS type): x's name when it is a real one, else the type's. */
  private static Name castName(Tokens tokens, int open, int close) {
    int as = tokens.firstTopLevel(open, close, k -> k.isWord("as"));
    if (as < 0) {
      return null;
    }
    int s = tokens.next(open);
    int e = tokens.prev(as);
    Name inner = Operands.unitEnd(tokens, s) == e ? of(tokens, s, e) : Name.NONE;
    if (inner != null && inner.strength() > 1) {
      return new Name(inner.text(), inner.strength(), false);
    }
    return new Name(PgTypeNames.of(tokens, tokens.next(as), tokens.prev(close)), 1, false);
  }


  /** CASE is named by its ELSE result when that has a real name, else "case". */
  private static Name caseName(Tokens tokens, int s, int end) {
    int depth = 0;
    int caseDepth = 0;
    for (int j = s; j < end; j++) {
      Token k = tokens.get(j);
      if (k.is("(") || k.is("[")) {
        depth++;
      } else if (k.is(")") || k.is("]")) {
        depth--;
      } else if (k.isWord("case")) {
        caseDepth++;
      } else if (k.isWord("end")) {
        caseDepth--;
      } else if (depth == 0 && caseDepth == 1 && k.isWord("else")) {
        int from = tokens.next(j);
        int to = tokens.prev(end);
        Name result = Operands.unitEnd(tokens, from) == to ? of(tokens, from, to) : null;
        if (result != null && result.strength() > 1) {
          return new Name(result.text(), result.strength(), false);
        }
      }
    }
    return new Name("case", 1, false);
  }
}
