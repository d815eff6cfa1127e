package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code serial}, {@code bigserial} and {@code smallserial} columns in CREATE TABLE, which DuckDB
 * lacks. As PostgreSQL does, each gets a sequence named {@code table_column_seq} in the table's
 * schema and becomes an integer column of the matching width, NOT NULL, defaulting to the
 * sequence's nextval. Identity columns ({@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(options)]})
 * get the same, with their sequence options (DuckDB has no identity: a value given explicitly to
 * a GENERATED ALWAYS column is accepted, where PostgreSQL requires OVERRIDING SYSTEM VALUE). The
 * sequences are created by statements placed before the CREATE TABLE
 * (DuckDB runs the leading statements of a prepared text when it is prepared). DuckDB keeps the
 * sequence when the table is dropped.
 */
final class SerialColumns implements RewriteRule {
  private static final Map<String, String> TYPES = Map.of("serial", "INTEGER", "serial4", "INTEGER",
      "bigserial", "BIGINT", "serial8", "BIGINT", "smallserial", "SMALLINT", "serial2", "SMALLINT");

  @Override
  public String name() {
    return "serial-columns";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int create = tokens.next(-1);
    if (tokens.at(create) == null || !tokens.get(create).isWord("create")) {
      return;
    }
    int table = tokens.next(create);
    boolean temporary = false;
    while (tokens.at(table) != null && (tokens.get(table).isWord("temp")
        || tokens.get(table).isWord("temporary") || tokens.get(table).isWord("unlogged"))) {
      temporary |= !tokens.get(table).isWord("unlogged");
      table = tokens.next(table);
    }
    if (tokens.at(table) == null || !tokens.get(table).isWord("table")) {
      return;
    }
    int name = tokens.next(table);
    boolean ifNotExists = false;
    if (tokens.at(name) != null && tokens.get(name).isWord("if")) {
      ifNotExists = true;
      name = tokens.next(tokens.next(tokens.next(name)));
    }
    if (tokens.at(name) == null || !tokens.get(name).isIdentifier()) {
      return;
    }
    int last = name;
    while (tokens.nextIs(last, ".")) {
      last = tokens.next(tokens.next(last));
    }
    String schemaPrefix = last == name ? "" : tokens.text(name, tokens.prev(last)).replaceAll("\\s", "");
    Token tableName = tokens.at(last);
    int open = tokens.next(last);
    if (tableName == null || !tokens.nextIs(last, "(")) {
      return;
    }
    int close = tokens.closing(open);
    List<String> sequences = new ArrayList<>();
    int depth = 0;
    for (int i = open + 1; i < close; i++) {
      Token t = tokens.get(i);
      if (t.is("(") || t.is("[")) {
        depth++;
      } else if (t.is(")") || t.is("]")) {
        depth--;
      }
      if (depth == 0 && t.isWord("generated")) {
        int end = identityEnd(tokens, i);
        int column = itemStart(tokens, open, i);
        if (end > 0 && column > 0) {
          String sequence = schemaPrefix + dev.mallard.engine.Identifiers.quote(
              tableName.identifier() + "_" + tokens.get(column).identifier() + "_seq");
          String options = tokens.get(end).is(")")
              ? " " + tokens.text(tokens.opening(end) + 1, end - 1).strip() : "";
          sequences.add(sequence + options);
          List<Token> replacement = SqlLexer.lex("NOT NULL DEFAULT nextval("
              + Literals.quote(sequence) + ")");
          tokens.replace(i, end, replacement);
          close += replacement.size() - (end - i + 1);
          i += replacement.size() - 1;
          continue;
        }
      }
      String type = t.isWord() ? TYPES.get(t.text().toLowerCase(Locale.ROOT)) : null;
      int column = tokens.prev(i);
      Token before = tokens.at(tokens.prev(column));
      if (depth != 0 || type == null || !tokens.get(column).isIdentifier()
          || !(before.is("(") || before.is(","))) {
        continue;
      }
      String sequence = schemaPrefix + dev.mallard.engine.Identifiers.quote(
          tableName.identifier() + "_" + tokens.get(column).identifier() + "_seq");
      sequences.add(sequence);
      List<Token> replacement = SqlLexer.lex(type + " NOT NULL DEFAULT nextval("
          + Literals.quote(sequence) + ")");
      tokens.replace(i, i, replacement);
      close += replacement.size() - 1;
      i += replacement.size() - 1;
    }
    if (sequences.isEmpty()) {
      return;
    }
    StringBuilder prefix = new StringBuilder();
    for (String sequence : sequences) {
      // a plain CREATE TABLE starts its sequence afresh (PostgreSQL drops a serial's sequence with
      // its table; DuckDB keeps it); IF NOT EXISTS must not reset the sequence of a live table
      prefix.append(ifNotExists ? "CREATE " : "CREATE OR REPLACE ")
          .append(temporary ? "TEMP SEQUENCE " : "SEQUENCE ")
          .append(ifNotExists ? "IF NOT EXISTS " : "").append(sequence).append("; ");
    }
    tokens.insert(0, SqlLexer.lex(prefix.toString()));
  }

  /**
   * The last token of {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(sequence options)]} at
   * {@code generated}, or -1 (a generated expression column is not an identity).
   */
  private static int identityEnd(Tokens tokens, int generated) {
    int j = tokens.next(generated);
    Token t = tokens.at(j);
    if (t != null && t.isWord("by") && tokens.at(tokens.next(j)) != null
        && tokens.get(tokens.next(j)).isWord("default")) {
      j = tokens.next(j);
    } else if (t == null || !t.isWord("always")) {
      return -1;
    }
    int as = tokens.next(j);
    int identity = tokens.next(as);
    if (tokens.at(identity) == null || !tokens.get(as).isWord("as")
        || !tokens.get(identity).isWord("identity")) {
      return -1;
    }
    return tokens.nextIs(identity, "(") ? tokens.closing(tokens.next(identity)) : identity;
  }

  /** The column name of the definition containing {@code i}: the first token after ( or ,. */
  private static int itemStart(Tokens tokens, int open, int i) {
    int depth = 0;
    for (int j = tokens.prev(i); j > open; j = tokens.prev(j)) {
      Token t = tokens.get(j);
      if (t.is(")")) {
        depth++;
      } else if (t.is("(")) {
        depth--;
      } else if (depth == 0 && t.is(",")) {
        return tokens.get(tokens.next(j)).isIdentifier() ? tokens.next(j) : -1;
      }
    }
    return tokens.get(tokens.next(open)).isIdentifier() ? tokens.next(open) : -1;
  }
}
