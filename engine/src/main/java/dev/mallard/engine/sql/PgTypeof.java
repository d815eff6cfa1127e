package dev.mallard.engine.sql;

import dev.mallard.catalog.pg.PgCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pg_typeof(x)} is regtype in PostgreSQL: it prints as PostgreSQL's type name (integer,
 * numeric, timestamp with time zone) and compares as the type's OID. DuckDB's own pg_typeof returns
 * its type name as text (hugeint, decimal(12,1), varchar). The call becomes {@code
 * (mallard_pg_type_oid(typeof(x)))::regtype}: the OID of the PostgreSQL type the wire sends for x's
 * DuckDB type, which the reg-casts rule (run next) turns into a name or keeps as the OID.
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
      List<Token> out = new ArrayList<>(SqlLexer.lex("(mallard_pg_type_oid(typeof("));
      out.addAll(tokens.copy(tokens.next(open), tokens.prev(close)));
      out.addAll(SqlLexer.lex(")))::regtype"));
      tokens.replace(start, close, out);
    }
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
