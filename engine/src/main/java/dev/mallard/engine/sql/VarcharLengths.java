package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A varchar(n) column rejects a longer value in PostgreSQL (22001 value too long for type
 * character varying(n)); DuckDB keeps no length and would store it. Each varchar(n) or character
 * varying(n) column of CREATE TABLE gets a CHECK that raises PostgreSQL's error, so INSERT and
 * UPDATE are refused as PostgreSQL refuses them. The error is raised inside the CHECK (a CASE, so
 * that it is only evaluated for a value that is too long) because DuckDB's own check failure has
 * no SQLSTATE of its own. Arrays of varchar(n) and CREATE TABLE AS are left alone.
 */
final class VarcharLengths implements RewriteRule {
  /** First words of a table element that is a table constraint, not a column. */
  private static final Set<String> CONSTRAINT_WORDS = Set.of("constraint", "primary", "unique",
      "check", "foreign", "like", "exclude");

  @Override
  public String name() {
    return "varchar-lengths";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int open = columnList(tokens);
    int close = open < 0 ? -1 : tokens.closing(open);
    if (close < 0) {
      return;
    }
    List<Integer> starts = new ArrayList<>();
    starts.add(tokens.next(open));
    for (int i = tokens.next(open); i >= 0 && i < close; i = tokens.next(i)) {
      if (tokens.get(i).is("(")) {
        i = tokens.closing(i);
      } else if (tokens.get(i).is(",")) {
        starts.add(tokens.next(i));
      }
      if (i < 0) {
        return;
      }
    }
    for (int k = starts.size() - 1; k >= 0; k--) {
      column(tokens, starts.get(k));
    }
  }

  /** The "(" opening CREATE TABLE's column list, or -1 for another statement. */
  private static int columnList(Tokens tokens) {
    int i = tokens.next(-1);
    if (tokens.at(i) == null || !tokens.get(i).isWord("create")) {
      return -1;
    }
    while (tokens.at(i) != null && !tokens.get(i).isWord("table")) {
      Token t = tokens.get(i);
      if (!t.isWord() || t.isWord("view") || t.isWord("index") || t.isWord("function")) {
        return -1;
      }
      i = tokens.next(i);
    }
    while (tokens.at(i) != null && !tokens.get(i).is("(")) {
      if (tokens.get(i).isWord("as")) {
        return -1;
      }
      i = tokens.next(i);
    }
    return tokens.at(i) == null ? -1 : i;
  }

  /** Adds the CHECK to the column defined at {@code start} when its type is varchar(n). */
  private static void column(Tokens tokens, int start) {
    Token name = tokens.at(start);
    if (name == null || !name.isIdentifier()
        || name.kind() != Token.Kind.QUOTED_IDENT && CONSTRAINT_WORDS.contains(name.identifier())) {
      return;
    }
    int type = tokens.next(start);
    int end = Operands.typeEnd(tokens, type);
    int n = VarcharCasts.length(tokens, type, end);
    if (n < 0) {
      return;
    }
    String error = "value too long for type character varying(" + n + ")";
    List<Token> check = new ArrayList<>(SqlLexer.lex(" CHECK (CASE WHEN length("));
    check.add(name);
    check.addAll(SqlLexer.lex(") > " + n + " THEN error('[22001] " + error + "') ELSE true END)"));
    tokens.insert(end + 1, check);
  }
}
