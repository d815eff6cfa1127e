package dev.mallard.engine.sql;

/**
 * {@code ALTER <object> name OWNER TO role} is accepted and does nothing: DuckDB objects have no
 * owner (Mallard's grants live in its own catalog). Dump scripts (pg_dump, migrations) emit it
 * after every CREATE. The statement becomes a DuckDB statement without effect or result rows.
 */
final class OwnerChanges implements RewriteRule {
  static final String NO_OP = "SET VARIABLE mallard_owner_ignored = NULL";

  @Override
  public String name() {
    return "owner-changes";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int first = tokens.next(-1);
    if (tokens.at(first) == null || !tokens.get(first).isWord("alter")) {
      return;
    }
    int last = -1;
    for (int i = first; i >= 0; i = tokens.next(i)) {
      if (tokens.get(i).is(";")) {
        break;
      }
      if (tokens.get(i).isWord("rename")) {
        return; // RENAME [COLUMN] owner TO x renames a column called owner
      }
      last = i;
    }
    int to = tokens.prev(last);
    int owner = tokens.prev(to);
    Token role = tokens.at(last);
    if (role == null || !role.isIdentifier() || !isWord(tokens, to, "to")
        || !isWord(tokens, owner, "owner")) {
      return;
    }
    tokens.replace(first, last, SqlLexer.lex(NO_OP));
  }

  private static boolean isWord(Tokens tokens, int i, String word) {
    Token t = tokens.at(i);
    return t != null && t.isWord(word);
  }
}
