package dev.mallard.engine.sql;

import dev.mallard.catalog.pg.PgCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's OID alias types: {@code expr::regclass} (and regtype, regproc, regprocedure,
 * regnamespace, regrole) become calls of the emulation's lookup macros. DuckDB has no type that
 * compares as an OID and prints as a name, so the value is the OID, which is what comparisons and
 * joins need ({@code c.oid = 't'::regclass}); it is the name where PostgreSQL's output is what
 * matters: when cast on to text ({@code oid::regclass::text}) and when the cast is a whole item of
 * a select list ({@code SELECT conrelid::regclass AS ontable}).
 */
final class RegCasts implements RewriteRule {
  /** Alias type → [lookup macro, name macro]. */
  private static final Map<String, String[]> TYPES = Map.of(
      "regclass", new String[] {"mallard_regclass", "mallard_regclass_name"},
      "regtype", new String[] {"mallard_regtype", "mallard_regtype_name"},
      "regproc", new String[] {"mallard_regproc", "mallard_regproc_name"},
      "regprocedure", new String[] {"mallard_regproc", "mallard_regproc_name"},
      "regnamespace", new String[] {"mallard_regnamespace", "mallard_regnamespace_name"},
      "regrole", new String[] {"mallard_regrole", "mallard_regrole_name"});
  private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "name");
  /** Words that end a select list item's context: the cast is not a select item there. */
  private static final Set<String> CLAUSES = Set.of("from", "where", "on", "join", "group", "order",
      "having", "values", "set", "returning", "by", "when", "then", "else", "case", "in", "and", "or",
      "not", "limit", "using");
  /** Words that cannot be a function name before a parenthesized operand. */
  private static final Set<String> NOT_FUNCTIONS = Set.of("in", "values", "and", "or", "not",
      "select", "where", "then", "else", "when", "on", "as", "exists", "any", "all", "some", "case");

  @Override
  public String name() {
    return "reg-casts";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    if (context.catalog() == null) {
      return;
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).is("::")) {
        continue;
      }
      int type = tokens.next(i);
      Token t = tokens.at(type);
      if (t == null || !t.isIdentifier() || !TYPES.containsKey(t.identifier())
          || tokens.nextIs(type, ".") || tokens.nextIs(type, "[")) {
        continue;
      }
      int start = operandStart(tokens, tokens.prev(i));
      if (start < 0) {
        continue;
      }
      String[] macros = TYPES.get(t.identifier());
      int end = type;
      boolean asName = false;
      int after = tokens.next(type);
      Token next = tokens.at(after);
      if (next != null && next.is("::")) {
        Token target = tokens.at(tokens.next(after));
        if (target != null && target.isIdentifier() && TEXT_TYPES.contains(target.identifier())) {
          asName = true;
          end = tokens.next(after);
        }
      } else if (isSelectItem(tokens, start, next)) {
        asName = true;
      }
      List<Token> call = new ArrayList<>(macroCall(macros[0], tokens, start, tokens.prev(i)));
      if (asName) {
        List<Token> outer = new ArrayList<>(Tokens.dotted(PgCatalog.DATABASE, PgCatalog.PG_SCHEMA, macros[1]));
        outer.add(Token.punct("("));
        outer.addAll(call);
        outer.add(Token.punct(")"));
        call = outer;
      }
      tokens.replace(start, end, call);
      i = start;
    }
  }

  private static List<Token> macroCall(String macro, Tokens tokens, int from, int to) {
    List<Token> out = new ArrayList<>(Tokens.dotted(PgCatalog.DATABASE, PgCatalog.PG_SCHEMA, macro));
    out.add(Token.punct("("));
    for (int j = from; j <= to; j++) {
      out.add(tokens.get(j));
    }
    out.add(Token.punct(")"));
    return out;
  }

  /**
   * First token of the operand ending at {@code end}: a literal, a parameter, a (qualified) name, a
   * parenthesized expression or function call, or an earlier cast of one of those.
   */
  static int operandStart(Tokens tokens, int end) {
    Token last = tokens.at(end);
    if (last == null) {
      return -1;
    }
    int start;
    if (last.is(")") || last.is("]")) {
      start = tokens.opening(end);
      if (start < 0) {
        return -1;
      }
      if (last.is("]")) {
        return operandStart(tokens, tokens.prev(start));
      }
      Token fn = tokens.at(tokens.prev(start));
      if (fn != null && fn.isIdentifier() && !NOT_FUNCTIONS.contains(fn.identifier())) {
        start = qualifiedStart(tokens, tokens.prev(start));
      }
    } else if (last.kind() == Token.Kind.STRING || last.kind() == Token.Kind.NUMBER
        || last.kind() == Token.Kind.PARAM) {
      start = end;
    } else if (last.isIdentifier()) {
      start = qualifiedStart(tokens, end);
    } else {
      return -1;
    }
    if (tokens.prevIs(start, "::")) {
      return operandStart(tokens, tokens.prev(tokens.prev(start)));
    }
    return start;
  }

  private static int qualifiedStart(Tokens tokens, int i) {
    while (tokens.prevIs(i, ".")) {
      int q = tokens.prev(tokens.prev(i));
      Token qt = tokens.at(q);
      if (qt == null || !qt.isIdentifier()) {
        break;
      }
      i = q;
    }
    return i;
  }

  /** A whole select-list item: SELECT or a comma before it, AS/comma/FROM/end after it. */
  private static boolean isSelectItem(Tokens tokens, int start, Token next) {
    if (next != null && !next.isWord("as") && !next.is(",") && !next.isWord("from")
        && !next.is(";")) {
      return false;
    }
    for (int j = tokens.prev(start); j >= 0; j = tokens.prev(j)) {
      Token t = tokens.get(j);
      if (t.is(")") || t.is("]")) {
        j = tokens.opening(j);
        if (j < 0) {
          return false;
        }
      } else if (t.is("(")) {
        return false;
      } else if (t.isWord("select")) {
        return true;
      } else if (t.isWord() && CLAUSES.contains(t.identifier())) {
        return false;
      }
    }
    return false;
  }
}
