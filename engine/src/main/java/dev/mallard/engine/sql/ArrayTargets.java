package dev.mallard.engine.sql;

import static dev.mallard.engine.sql.StatementTarget.isWordAt;

import dev.mallard.engine.sql.RewriteContext.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An untyped string constant takes the type of the column it is stored in or compared with, in
 * PostgreSQL: {@code INSERT INTO t (tags) VALUES ('{a,"b c"}')}, {@code UPDATE t SET tags =
 * '{a}'} and {@code WHERE tags = '{a}'} read the constant with array_in. DuckDB casts text to a
 * list only from its own '[..]' syntax, so a constant in PostgreSQL's array syntax aimed at an
 * array column gets the column's type as an explicit cast, which {@link ArrayLiterals} (run
 * after this rule) then reads. Client-side parameter binding (psycopg 3's simple protocol)
 * writes arrays this way. The column types come from DuckDB's catalog, asked only when a
 * statement has such a constant.
 */
final class ArrayTargets implements RewriteRule {
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=",
      "@>", "<@", "&&");
  /** Words that end a select list. */
  private static final Set<String> CLAUSES = Set.of("from", "where", "group", "having", "order",
      "limit", "offset", "union", "intersect", "except", "window", "qualify", "returning", "on");

  @Override
  public String name() {
    return "array-targets";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    if (!hasCandidate(tokens)) {
      return;
    }
    StatementTarget target = StatementTarget.of(tokens);
    if (target == null) {
      return;
    }
    List<ColumnType> columns = context.relations().columns(target.schema(), target.table());
    if (columns.isEmpty()) {
      return;
    }
    // Right to left, so that the casts inserted do not move what is still to be visited.
    for (int i = tokens.size() - 1; i > target.end(); i--) {
      if (isCandidate(tokens, i)) {
        String type = typeOf(tokens, i, target, columns);
        if (type != null) {
          tokens.insert(i + 1, SqlLexer.lex("::" + type));
        }
      }
    }
  }

  /** The array type of the column the constant at {@code i} is stored in or compared with. */
  private static String typeOf(Tokens tokens, int i, StatementTarget target,
      List<ColumnType> columns) {
    int prev = tokens.prev(i);
    Token p = tokens.at(prev);
    Token n = tokens.at(tokens.next(i));
    String column = null;
    if (p != null && COMPARISONS.contains(p.text()) && p.kind() == Token.Kind.OPERATOR) {
      column = columnBefore(tokens, prev);
    } else if (n != null && n.kind() == Token.Kind.OPERATOR && COMPARISONS.contains(n.text())) {
      column = columnAfter(tokens, tokens.next(i));
    } else if (target.insertColumns() != null && p != null
        && (p.is("(") || p.is(",") || p.isWord("select"))) {
      return insertTarget(tokens, i, target, columns);
    }
    return column == null ? null : arrayType(columns, column);
  }

  /**
   * The column that the element at {@code i} of a VALUES row, or of the select list of INSERT ...
   * SELECT, is stored in: by position, in the column list or the table.
   */
  private static String insertTarget(Tokens tokens, int i, StatementTarget target,
      List<ColumnType> columns) {
    int position = valuesPosition(tokens, i);
    if (position < 0) {
      position = selectPosition(tokens, i, tokens.next(target.end()));
    }
    if (position < 0) {
      return null;
    }
    List<String> names = target.insertColumns();
    if (names.isEmpty()) {
      return position < columns.size() ? arrayTypeOf(columns.get(position)) : null;
    }
    return position < names.size() ? arrayType(columns, names.get(position)) : null;
  }

  /** The position of the element at {@code i} in its VALUES row, or -1. */
  private static int valuesPosition(Tokens tokens, int i) {
    int open = enclosingParenthesis(tokens, i);
    if (open < 0 || !isWordAt(tokens, tokens.prev(open), "values") && !tokens.prevIs(open, ",")) {
      return -1;
    }
    if (tokens.prevIs(open, ",") && !isValuesRow(tokens, open)) {
      return -1;
    }
    int close = tokens.closing(open);
    if (close < 0 || !tokens.nextIs(i, ",") && tokens.next(i) != close) {
      return -1;
    }
    return (int) tokens.allTopLevel(open, close, k -> k.is(","))
        .stream().filter(c -> c < i).count();
  }

  /** The position of the item at {@code i} in the select list that starts at {@code select}. */
  private static int selectPosition(Tokens tokens, int i, int select) {
    if (!isWordAt(tokens, select, "select")) {
      return -1;
    }
    Token after = tokens.at(tokens.next(i));
    if (after != null && !after.is(",") && !after.isWord("from") && !after.is(";")) {
      return -1;
    }
    int position = 0;
    int depth = 0;
    for (int j = tokens.next(select); j >= 0 && j < i; j = tokens.next(j)) {
      Token t = tokens.get(j);
      if (t.is("(") || t.is("[")) {
        depth++;
      } else if (t.is(")") || t.is("]")) {
        depth--;
      } else if (depth == 0 && t.is(",")) {
        position++;
      } else if (depth == 0 && t.isWord() && CLAUSES.contains(t.text().toLowerCase(Locale.ROOT))) {
        return -1; // past the select list
      }
    }
    return depth == 0 ? position : -1;
  }

  /** Whether the row at {@code open}, after a comma, follows other rows back to VALUES. */
  private static boolean isValuesRow(Tokens tokens, int open) {
    int j = open;
    while (tokens.prevIs(j, ",")) {
      int before = tokens.prev(tokens.prev(j));
      if (before < 0 || !tokens.get(before).is(")")) {
        return false;
      }
      j = tokens.opening(before);
      if (j < 0) {
        return false;
      }
    }
    return isWordAt(tokens, tokens.prev(j), "values");
  }

  private static int enclosingParenthesis(Tokens tokens, int i) {
    int depth = 0;
    for (int j = i - 1; j >= 0; j--) {
      Token t = tokens.get(j);
      if (t.is(")") || t.is("]")) {
        depth++;
      } else if (t.is("(") || t.is("[")) {
        if (depth == 0) {
          return t.is("(") ? j : -1;
        }
        depth--;
      }
    }
    return -1;
  }

  /** {@code col} or {@code alias.col} right before the operator at {@code op}. */
  private static String columnBefore(Tokens tokens, int op) {
    int last = tokens.prev(op);
    Token t = tokens.at(last);
    return t != null && t.isIdentifier() && !(t.isWord() && Operands.isKeyword(t))
        ? t.identifier() : null;
  }

  /** {@code col} or {@code alias.col} right after the operator at {@code op}. */
  private static String columnAfter(Tokens tokens, int op) {
    List<String> parts = new ArrayList<>();
    int end = StatementTarget.qualifiedName(tokens, tokens.next(op), parts);
    if (end < 0 || tokens.nextIs(end, "(") || tokens.nextIs(end, "::") || tokens.nextIs(end, "[")) {
      return null;
    }
    return parts.get(parts.size() - 1);
  }

  private static String arrayType(List<ColumnType> columns, String name) {
    for (ColumnType c : columns) {
      if (c.name().equalsIgnoreCase(name)) {
        return arrayTypeOf(c);
      }
    }
    return null;
  }

  private static String arrayTypeOf(ColumnType column) {
    return column.type().endsWith("]") ? column.type() : null;
  }

  private static boolean hasCandidate(Tokens tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      if (isCandidate(tokens, i)) {
        return true;
      }
    }
    return false;
  }

  /** A string constant in array syntax that is not cast. */
  private static boolean isCandidate(Tokens tokens, int i) {
    Token t = tokens.get(i);
    if (t.kind() != Token.Kind.STRING || CastTarget.of(tokens, i) != null) {
      return false;
    }
    String value = Literals.stringValue(t);
    Token prev = tokens.at(tokens.prev(i));
    return value != null && value.strip().startsWith("{") && !(prev != null && prev.isWord()
        && Operands.TYPED_LITERALS.contains(prev.text().toLowerCase(Locale.ROOT)));
  }
}
