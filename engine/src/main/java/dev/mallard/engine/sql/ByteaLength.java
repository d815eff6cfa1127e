package dev.mallard.engine.sql;

import dev.mallard.engine.sql.RewriteContext.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * length(bytea) counts bytes, and DuckDB's length has no BLOB overload: a call whose one argument
 * is bytea goes to octet_length (int4, as length: ResultTypes). The argument is known to be bytea
 * when it is cast to it ({@code length($1::bytea)}, a bytea literal, {@code CAST(x AS bytea)}), or
 * when it is a column of bytea of the one relation a statement without subqueries reads (its type
 * from the session's catalog). A macro choosing by the argument's type would fail in CHECK
 * constraints and correlated subqueries, where DuckDB picks a typed macro overload without the
 * argument's type; so other calls keep DuckDB's length.
 */
final class ByteaLength implements RewriteRule {
  @Override
  public String name() {
    return "bytea-length";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    List<ColumnType> columns = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord("length") || !tokens.nextIs(i, "(") || tokens.prevIs(i, ".")) {
        continue;
      }
      int open = tokens.next(i);
      String column = columnArgument(tokens, open);
      if (column != null && columns == null) {
        columns = targetColumns(tokens, context);
      }
      if (isByteaCast(tokens, open) || column != null && isBlob(columns, column)) {
        tokens.set(i, Token.word("octet_length"));
      }
    }
  }

  /** Whether the call's one argument is cast to bytea: a primary with casts, the last bytea. */
  private static boolean isByteaCast(Tokens tokens, int open) {
    int close = tokens.closing(open);
    int first = tokens.next(open);
    if (close < 0 || first == close) {
      return false;
    }
    Token head = tokens.get(first);
    if ((head.isWord("cast") || head.isWord("try_cast")) && tokens.nextIs(first, "(")
        && tokens.closing(tokens.next(first)) == tokens.prev(close)) {
      return isByteaType(tokens.at(tokens.prev(tokens.prev(close))));
    }
    int last = tokens.prev(close);
    List<Integer> operators = tokens.allTopLevel(open, close,
        k -> k.kind() == Token.Kind.OPERATOR || k.isWord() && Operands.isKeyword(k));
    return isByteaType(tokens.get(last)) && !operators.isEmpty()
        && operators.get(operators.size() - 1) == tokens.prev(last)
        && operators.stream().allMatch(k -> tokens.get(k).is("::"));
  }

  private static boolean isByteaType(Token t) {
    return t != null && (t.isWord("blob") || t.isWord("bytea"));
  }

  /** The column name when the call's one argument is {@code col} or {@code alias.col}, or null. */
  private static String columnArgument(Tokens tokens, int open) {
    int close = tokens.closing(open);
    List<String> parts = new ArrayList<>();
    int end = close < 0 ? -1 : StatementTarget.qualifiedName(tokens, tokens.next(open), parts);
    return end >= 0 && tokens.next(end) == close && parts.size() <= 2
        ? parts.get(parts.size() - 1) : null;
  }

  /** The columns of the relation a SELECT, UPDATE or DELETE without subqueries reads. */
  private static List<ColumnType> targetColumns(Tokens tokens, RewriteContext context) {
    long selects = java.util.stream.IntStream.range(0, tokens.size())
        .filter(k -> tokens.get(k).isWord("select")).count();
    StatementTarget target = StatementTarget.of(tokens);
    if (target == null || target.insertColumns() != null
        || selects > (target.isSelect(tokens) ? 1 : 0)) {
      return List.of();
    }
    return context.relations().columns(target.schema(), target.table());
  }

  private static boolean isBlob(List<ColumnType> columns, String name) {
    return columns.stream()
        .anyMatch(c -> c.name().equalsIgnoreCase(name) && c.type().equals("BLOB"));
  }
}
