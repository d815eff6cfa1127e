package dev.mallard.engine.sql;

/**
 * {@code ALTER TABLE v RENAME TO w} on a view: PostgreSQL allows ALTER TABLE on views for renames
 * (dbt renames each new view into place that way); DuckDB insists on ALTER VIEW, so the statement
 * says VIEW when the session sees a view of that name.
 */
final class AlterTableOnView implements RewriteRule {
  @Override
  public String name() {
    return "alter-table-on-view";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int alter = tokens.next(-1);
    int table = tokens.next(alter);
    if (alter < 0 || !tokens.get(alter).isWord("alter") || table < 0
        || !tokens.get(table).isWord("table")) {
      return;
    }
    int name = tokens.next(table);
    if (name >= 0 && tokens.get(name).isWord("if")) {
      name = tokens.next(tokens.next(name)); // IF EXISTS
    }
    if (name < 0 || !tokens.get(name).isIdentifier()) {
      return;
    }
    // [database.][schema.]name: dbt writes all three parts
    String schema = null;
    String relation = tokens.get(name).identifier();
    int last = name;
    while (tokens.nextIs(last, ".")) {
      last = tokens.next(tokens.next(last));
      if (last < 0 || !tokens.get(last).isIdentifier()) {
        return;
      }
      schema = relation;
      relation = tokens.get(last).identifier();
    }
    int rename = tokens.next(last);
    int to = tokens.next(rename);
    if (rename < 0 || to < 0 || !tokens.get(rename).isWord("rename") || !tokens.get(to).isWord("to")) {
      return;
    }
    if (context.relations().isView(schema, relation)) {
      tokens.set(table, Token.word("VIEW"));
    }
  }
}
