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
 * a select list ({@code SELECT conrelid::regclass AS ontable}). The standard spelling
 * {@code CAST(expr AS regclass)} (SQLAlchemy's) is first turned into {@code (expr)::regclass}, and
 * {@code CAST(expr::regclass AS text)} into {@code expr::regclass::text}, so that both spellings
 * take the same path.
 */
final class RegCasts implements RewriteRule {
  /** Alias type → [lookup macro, name macro]. */
  private static final Map<String, String[]> TYPES = Map.of(
      "regclass", new String[] {"mallard_regclass", "mallard_regclass_name"},
      "regtype", new String[] {"mallard_regtype", "mallard_regtype_name"},
      "regproc", new String[] {"mallard_regproc", null},
      "regprocedure", new String[] {"mallard_regproc", null},
      "regnamespace", new String[] {"mallard_regnamespace", "mallard_regnamespace_name"},
      "regrole", new String[] {"mallard_regrole", "mallard_regrole_name"});
  /**
   * pg_typeof's {@code (mallard_pg_type_oid(..))::regtype}: already an OID, and always one of
   * pg_type's, so it needs no lookup and its name no macro that evaluates the argument in a
   * subquery (where DuckDB cannot bind an aggregate's typed overloads, as in pg_typeof(sum(x))).
   */
  private static final String[] WIRE_TYPE = {null, "mallard_wire_type_name"};
  private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "name");

  @Override
  public String name() {
    return "reg-casts";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    if (context.catalog() == null) {
      return;
    }
    castsToColons(tokens);
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
      int start = PrimaryOperands.start(tokens, tokens.prev(i));
      if (start < 0) {
        continue;
      }
      String[] macros = TYPES.get(t.identifier());
      if (isWireTypeOid(tokens, start, tokens.prev(i))) {
        macros = WIRE_TYPE;
      }
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
      } else if (PrimaryOperands.isSelectItem(tokens, start, type, true)) {
        asName = true;
      }
      boolean selectItem = asName && end == type;
      asName &= macros[1] != null;
      List<Token> call = macros[0] == null ? tokens.copy(start, tokens.prev(i))
          : new ArrayList<>(macroCall(macros[0], tokens, start, tokens.prev(i)));
      if (asName) {
        List<Token> outer = new ArrayList<>(Tokens.dotted(PgCatalog.DATABASE, PgCatalog.PG_SCHEMA, macros[1]));
        outer.add(Token.punct("("));
        outer.addAll(call);
        outer.add(Token.punct(")"));
        call = selectItem ? typedName(t.identifier(), outer) : outer;
      }
      tokens.replace(start, end, call);
      i = start;
    }
  }

  /**
   * The name as a one-member UNION tagged with the alias type ({@code union_value(regtype :=
   * name)}): the wire announces the column as regtype (its OID), as PostgreSQL does, and sends the
   * name.
   */
  private static List<Token> typedName(String aliasType, List<Token> name) {
    List<Token> out = new ArrayList<>(SqlLexer.lex("union_value(" + aliasType + " := "));
    out.addAll(name);
    out.add(Token.punct(")"));
    return out;
  }

  private static boolean isWireTypeOid(Tokens tokens, int start, int end) {
    return tokens.get(start).is("(") && tokens.closing(start) == end
        && tokens.get(tokens.next(start)).isWord(PgTypeof.WIRE_TYPE_OID)
        && tokens.nextIs(tokens.next(start), "(")
        && tokens.closing(tokens.next(tokens.next(start))) == tokens.prev(end);
  }

  /** Rewrites CAST(e AS reg*) and CAST(e::reg* AS text), innermost first. */
  private static void castsToColons(Tokens tokens) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      int open = tokens.next(i);
      if (!t.isWord("cast") || !tokens.nextIs(i, "(")) {
        continue;
      }
      int close = tokens.closing(open);
      int as = tokens.firstTopLevel(open, close, k -> k.isWord("as"));
      if (close < 0 || as < 0) {
        continue;
      }
      int type = tokens.next(as);
      Token target = tokens.at(type);
      if (target == null || !target.isIdentifier() || tokens.next(type) != close) {
        continue;
      }
      int first = tokens.next(open);
      int last = tokens.prev(as);
      List<Token> out = new ArrayList<>();
      if (TYPES.containsKey(target.identifier())) {
        out.add(Token.punct("("));
        out.addAll(slice(tokens, first, last));
        out.add(Token.punct(")"));
      } else if (TEXT_TYPES.contains(target.identifier()) && endsWithRegCast(tokens, last)
          && PrimaryOperands.start(tokens, last) == first) {
        out.addAll(slice(tokens, first, last));
      } else {
        continue;
      }
      out.add(Token.punct("::"));
      out.add(target);
      tokens.replace(i, close, out);
    }
  }

  private static boolean endsWithRegCast(Tokens tokens, int last) {
    Token type = tokens.at(last);
    return type != null && type.isIdentifier() && TYPES.containsKey(type.identifier())
        && tokens.prevIs(last, "::");
  }

  private static List<Token> slice(Tokens tokens, int from, int to) {
    List<Token> out = new ArrayList<>();
    for (int j = from; j <= to; j++) {
      out.add(tokens.get(j));
    }
    return out;
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
}
