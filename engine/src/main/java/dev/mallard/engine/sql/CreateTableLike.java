package dev.mallard.engine.sql;

/**
 * {@code CREATE TABLE t (LIKE other [INCLUDING ... | EXCLUDING ...])}, which DuckDB lacks, becomes
 * {@code CREATE TABLE t AS SELECT * FROM other LIMIT 0}: the same column names and types. Like
 * PostgreSQL without INCLUDING options, no defaults, constraints or indexes are copied (DuckDB's
 * copy also drops NOT NULL). A LIKE mixed with other column definitions is left to DuckDB.
 */
final class CreateTableLike implements RewriteRule {
  @Override
  public String name() {
    return "create-table-like";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int first = tokens.next(-1);
    if (tokens.at(first) == null || !tokens.get(first).isWord("create")) {
      return;
    }
    int open = -1;
    for (int i = first; i >= 0; i = tokens.next(i)) {
      if (tokens.get(i).is("(")) {
        open = i;
        break;
      }
    }
    int like = tokens.next(open);
    if (open < 0 || tokens.at(like) == null || !tokens.get(like).isWord("like")) {
      return;
    }
    int close = tokens.closing(open);
    int source = tokens.next(like);
    int sourceEnd = source;
    while (tokens.nextIs(sourceEnd, ".")) {
      sourceEnd = tokens.next(tokens.next(sourceEnd));
    }
    if (close < 0 || sourceEnd < 0 || sourceEnd > close) {
      return;
    }
    for (int i = tokens.next(sourceEnd); i < close; i = tokens.next(i)) {
      Token t = tokens.get(i);
      if (!(t.isWord("including") || t.isWord("excluding") || t.isWord() && tokens.prev(i) >= 0
          && (tokens.get(tokens.prev(i)).isWord("including")
              || tokens.get(tokens.prev(i)).isWord("excluding")))) {
        return; // a column definition or constraint besides LIKE
      }
    }
    String relation = tokens.text(source, sourceEnd);
    tokens.replace(open, close, SqlLexer.lex("AS SELECT * FROM " + relation + " LIMIT 0"));
  }
}
