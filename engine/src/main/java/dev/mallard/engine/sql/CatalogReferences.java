package dev.mallard.engine.sql;

import dev.mallard.catalog.pg.PgCatalog;
import java.util.List;

/**
 * Sends references to pg_catalog and information_schema to the tenant's emulation (see {@link
 * PgCatalog}). As in PostgreSQL, pg_catalog is searched before the user's schemas, so an
 * unqualified {@code pg_class} or {@code format_type(...)} means the catalog's. A pg_catalog-
 * qualified name the emulation does not define (a type, or a function DuckDB has itself) loses
 * its qualifier and is resolved by DuckDB. A database qualifier in front of either schema
 * ({@code "postgres".INFORMATION_SCHEMA.columns}, as dbt writes it) is dropped: a session sees only
 * its own database's catalog.
 */
final class CatalogReferences implements RewriteRule {
  @Override
  public String name() {
    return "catalog-references";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    PgCatalog catalog = context.catalog();
    if (catalog == null) {
      return;
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isIdentifier() || tokens.prevIs(i, ".")) {
        continue;
      }
      String name = t.identifier();
      if (isDatabaseQualifier(tokens, i)) {
        tokens.replace(i, tokens.next(i), List.of());
        i--;
        continue;
      }
      if (tokens.nextIs(i, ".")) {
        int member = tokens.next(tokens.next(i));
        Token m = tokens.at(member);
        if (m == null || !m.isIdentifier()) {
          continue;
        }
        if (name.equals("pg_catalog") && m.identifier().equals("default")
            && tokens.at(tokens.prev(i)) != null && tokens.at(tokens.prev(i)).isWord("collate")) {
          // COLLATE pg_catalog.default: the default collation, which DuckDB applies anyway.
          tokens.replace(tokens.prev(i), member, List.of(new Token(Token.Kind.SPACE, " ")));
        } else if (name.equals("pg_catalog")) {
          qualifiedPg(tokens, catalog, i, member);
        } else if (name.equals("information_schema") && !tokens.nextIs(member, ".")
            && (tokens.nextIs(member, "(") ? catalog.hasInfoFunction(m.identifier())
                : catalog.hasInfoRelation(m.identifier()))) {
          tokens.replace(i, member, Tokens.dotted(PgCatalog.DATABASE, PgCatalog.INFO_SCHEMA, m.text()));
        }
      } else if (tokens.nextIs(i, "(")) {
        if (catalog.hasPgFunction(name) && !isDefinition(tokens, i)) {
          nameResultColumn(tokens, i, name);
          tokens.replace(i, i, Tokens.dotted(PgCatalog.DATABASE, PgCatalog.PG_SCHEMA, t.text()));
        }
      } else if (catalog.hasPgRelation(name) && !tokens.prevIs(i, "::") && !isAlias(tokens, i)) {
        tokens.replace(i, i, Tokens.dotted(PgCatalog.DATABASE, PgCatalog.PG_SCHEMA, t.text()));
      }
    }
  }

  /** {@code db.pg_catalog.x} or {@code db.information_schema.x}: the token at i is db. */
  private static boolean isDatabaseQualifier(Tokens tokens, int i) {
    if (!tokens.nextIs(i, ".")) {
      return false;
    }
    int schema = tokens.next(tokens.next(i));
    Token s = tokens.at(schema);
    return s != null && s.isIdentifier() && tokens.nextIs(schema, ".")
        && (s.identifier().equals("pg_catalog") || s.identifier().equals("information_schema"));
  }

  private static void qualifiedPg(Tokens tokens, PgCatalog catalog, int i, int member) {
    Token m = tokens.get(member);
    String name = m.identifier();
    boolean call = tokens.nextIs(member, "(");
    if (call ? catalog.hasPgFunction(name) : catalog.hasPgRelation(name)) {
      if (call) {
        nameResultColumn(tokens, member, name);
      }
      tokens.replace(i, member, Tokens.dotted(PgCatalog.DATABASE, PgCatalog.PG_SCHEMA, m.text()));
    } else {
      tokens.replace(i, member, List.of(m));
    }
  }

  /**
   * A call that is a whole, unaliased select item is named after the function, as PostgreSQL
   * names it ({@code SELECT version()} gives a column "version"), not after the emulation's
   * qualified name.
   */
  private static void nameResultColumn(Tokens tokens, int nameAt, String name) {
    int close = tokens.closing(tokens.next(nameAt));
    int start = tokens.prevIs(nameAt, ".") ? tokens.prev(tokens.prev(nameAt)) : nameAt;
    if (close > 0 && PrimaryOperands.isSelectItem(tokens, start, close, false)) {
      tokens.insert(close + 1, List.of(new Token(Token.Kind.SPACE, " "), Token.word("AS"),
          new Token(Token.Kind.SPACE, " "),
          new Token(Token.Kind.QUOTED_IDENT, "\"" + name.replace("\"", "\"\"") + "\"")));
    }
  }

  /** {@code ... AS pg_class}: a name being given, not a reference. */
  private static boolean isAlias(Tokens tokens, int i) {
    Token before = tokens.at(tokens.prev(i));
    return before != null && before.isWord("as");
  }

  /** CREATE FUNCTION/MACRO name(...): a user's own definition. */
  private static boolean isDefinition(Tokens tokens, int i) {
    Token before = tokens.at(tokens.prev(i));
    return before != null && (before.isWord("function") || before.isWord("macro")
        || before.isWord("exists"));
  }
}
