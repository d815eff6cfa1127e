package dev.mallard.engine.sql;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.List;

/**
 * DuckDB has no materialized views. {@code CREATE MATERIALIZED VIEW name AS query [WITH [NO]
 * DATA]} becomes a table created from the query: it holds the rows the query gave at creation,
 * which is what PostgreSQL's materialized view holds until refreshed, and {@code DROP
 * MATERIALIZED VIEW} drops that table. A table keeps no query to refresh from, so REFRESH
 * MATERIALIZED VIEW, and WITH NO DATA (a view only REFRESH could fill), fail with 0A000 rather
 * than leave the rows stale or empty. A column list after the name is left for DuckDB.
 */
final class MaterializedViews implements RewriteRule {
  @Override
  public String name() {
    return "materialized-views";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    int first = tokens.next(-1);
    int materialized = tokens.next(first);
    int view = tokens.next(materialized);
    if (!isWord(tokens, materialized, "materialized") || !isWord(tokens, view, "view")) {
      return;
    }
    if (isWord(tokens, first, "refresh")) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "REFRESH MATERIALIZED VIEW is not"
          + " supported: a materialized view is kept as a table of the rows it had when created");
    }
    if (isWord(tokens, first, "drop")) {
      tokens.replace(materialized, view, List.of(Token.word("TABLE")));
    } else if (isWord(tokens, first, "create")) {
      create(tokens, materialized, view);
    }
  }

  private static void create(Tokens tokens, int materialized, int view) {
    int as = view;
    while (as >= 0 && !isWord(tokens, as, "as")) {
      if (tokens.get(as).is("(")) {
        return;
      }
      as = tokens.next(as);
    }
    if (as < 0) {
      return;
    }
    int data = lastToken(tokens);
    if (isWord(tokens, data, "data")) {
      int before = tokens.prev(data);
      if (isWord(tokens, before, "no")) {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "CREATE MATERIALIZED VIEW ... WITH NO"
            + " DATA is not supported: a materialized view cannot be refreshed here");
      }
      if (!isWord(tokens, before, "with")) {
        return;
      }
      tokens.replace(before, data, List.of());
    }
    tokens.replace(materialized, view, List.of(Token.word("TABLE")));
  }

  /** The last token before any closing semicolon. */
  private static int lastToken(Tokens tokens) {
    int end = tokens.prev(tokens.size());
    while (end > 0 && tokens.get(end).is(";")) {
      end = tokens.prev(end);
    }
    return end;
  }

  private static boolean isWord(Tokens tokens, int i, String word) {
    return tokens.at(i) != null && tokens.get(i).isWord(word);
  }
}
