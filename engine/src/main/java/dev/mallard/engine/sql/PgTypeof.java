package dev.mallard.engine.sql;

import dev.mallard.catalog.pg.PgCatalog;
import dev.mallard.engine.Identifiers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pg_typeof(x)} is regtype in PostgreSQL: it prints as PostgreSQL's type name (integer,
 * numeric, timestamp with time zone) and compares as the type's OID. DuckDB's own pg_typeof returns
 * its type name as text (hugeint, decimal(12,1), varchar). The call becomes a regtype cast, which
 * the reg-casts rule (run next) turns into a name or keeps as the OID, of:
 * <ul>
 *   <li>the type PostgreSQL's parser gives the argument when the text alone settles it: a cast
 *       ({@code 'a'::varchar} is character varying, {@code x::char(4)} character, whatever DuckDB
 *       makes of them), an untyped string constant or NULL (unknown), a numeric constant
 *       (integer, bigint or numeric by its digits: {@code 1e3} is numeric). The argument is then
 *       not evaluated;
 *   <li>otherwise {@code mallard_pg_type_oid(typeof(x))}: the OID of the PostgreSQL type the wire
 *       sends for x's DuckDB type.
 * </ul>
 */
final class PgTypeof implements RewriteRule {
  @Override
  public String name() {
    return "pg-typeof";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    if (context.catalog() == null) {
      return;
    }
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (!tokens.get(i).isWord("pg_typeof") || !tokens.nextIs(i, "(")) {
        continue;
      }
      int start = tokens.prevIs(i, ".") ? catalogQualifier(tokens, tokens.prev(tokens.prev(i))) : i;
      if (start < 0) {
        continue;
      }
      int open = tokens.next(i);
      int close = tokens.closing(open);
      if (close < 0 || tokens.next(open) == close) {
        continue;
      }
      String evident = evidentType(tokens, tokens.next(open), tokens.prev(close));
      List<Token> out = new ArrayList<>();
      if (evident != null) {
        out.add(Token.punct("("));
        out.add(new Token(Token.Kind.STRING, Identifiers.literal(evident)));
        out.add(Token.punct(")"));
      } else {
        out.addAll(SqlLexer.lex("(" + WIRE_TYPE_OID + "(typeof("));
        out.addAll(tokens.copy(tokens.next(open), tokens.prev(close)));
        out.addAll(SqlLexer.lex(")))"));
      }
      out.addAll(SqlLexer.lex("::regtype"));
      tokens.replace(start, close, out);
    }
  }

  /** The function giving the OID of the type the wire sends for a DuckDB type name. */
  static final String WIRE_TYPE_OID = "mallard_pg_type_oid";

  /**
   * The PostgreSQL type of the expression {@code first..last} as its text alone decides it (the
   * spelling to_regtype reads), or null.
   */
  static String evidentType(Tokens tokens, int first, int last) {
    Token t = tokens.get(first);
    if (first == last) {
      if (t.isWord("null") || t.kind() == Token.Kind.STRING && isUntypedString(t.text())) {
        return "unknown";
      }
      return t.kind() == Token.Kind.NUMBER ? numericConstantType(t.text()) : null;
    }
    if (t.isWord("cast") && tokens.nextIs(first, "(") && tokens.closing(tokens.next(first)) == last) {
      int as = tokens.firstTopLevel(tokens.next(first), last, k -> k.isWord("as"));
      return as < 0 ? null : typeText(tokens, tokens.next(as), tokens.prev(last));
    }
    int colons = -1;
    for (int at : tokens.allTopLevel(first - 1, last + 1, k -> k.is("::"))) {
      colons = at;
    }
    if (colons < 0 || PrimaryOperands.start(tokens, tokens.prev(colons)) != first) {
      return null;
    }
    return typeText(tokens, tokens.next(colons), last);
  }

  /** 'a', E'a', U&'a' and $$a$$ have type unknown; B'..' and X'..' are bit strings. */
  private static boolean isUntypedString(String text) {
    char c = Character.toLowerCase(text.charAt(0));
    return c == '\'' || c == '$' || c == 'e' || c == 'u';
  }

  /** PostgreSQL's make_const: integer, then bigint, then numeric. */
  private static String numericConstantType(String text) {
    if (!text.chars().allMatch(Character::isDigit)) {
      return text.matches("[0-9]*\\.?[0-9]*([eE][+-]?[0-9]+)?") ? "numeric" : null;
    }
    int bits = new BigInteger(text).bitLength();
    return bits < 32 ? "integer" : bits < 64 ? "bigint" : "numeric";
  }

  /** Words that continue a type's name: double precision, timestamp with time zone, ... */
  private static final Set<String> TYPE_NAME_WORDS = Set.of("precision", "varying", "with",
      "without", "time", "zone");

  /**
   * The type named by tokens {@code from..to}, when they are only a type name ({@code
   * [pg_catalog.]name [more words] [(n[, m])] [[]...]}), or null.
   */
  private static String typeText(Tokens tokens, int from, int to) {
    Token first = tokens.at(from);
    if (first == null || from > to || !first.isIdentifier()) {
      return null;
    }
    int j = tokens.next(from);
    if (first.isWord("pg_catalog") && tokens.nextIs(from, ".")) {
      j = tokens.next(tokens.next(j));
    }
    while (j >= 0 && j <= to && tokens.get(j).isWord()
        && TYPE_NAME_WORDS.contains(tokens.get(j).identifier())) {
      j = tokens.next(j);
    }
    if (j >= 0 && j <= to && tokens.get(j).is("(")) {
      int close = tokens.closing(j);
      if (close < 0 || close > to || !onlyNumbers(tokens, j, close)) {
        return null;
      }
      j = tokens.next(close);
    }
    while (j >= 0 && j <= to && tokens.get(j).is("[") && tokens.nextIs(j, "]")) {
      j = tokens.next(tokens.next(j));
    }
    return j >= 0 && j <= to ? null : tokens.text(from, to).strip();
  }

  private static boolean onlyNumbers(Tokens tokens, int open, int close) {
    for (int k = tokens.next(open); k >= 0 && k < close; k = tokens.next(k)) {
      if (tokens.get(k).kind() != Token.Kind.NUMBER && !tokens.get(k).is(",")) {
        return false;
      }
    }
    return true;
  }

  /** The first token of the qualifier {@code pg_catalog.} (or the catalog rules' spelling). */
  private static int catalogQualifier(Tokens tokens, int schema) {
    Token t = tokens.at(schema);
    if (t == null || !t.isWord("pg_catalog") && !t.isWord(PgCatalog.PG_SCHEMA)) {
      return -1;
    }
    int database = tokens.prev(tokens.prev(schema));
    return tokens.prevIs(schema, ".") && tokens.at(database) != null
        && tokens.get(database).isWord(PgCatalog.DATABASE) ? database : schema;
  }
}
