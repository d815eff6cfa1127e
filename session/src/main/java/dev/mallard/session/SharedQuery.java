package dev.mallard.session;

import dev.mallard.engine.PreparedQuery;

/**
 * A prepared statement shared by the statement table and the portals bound from it: a portal may
 * outlive its statement (the unnamed statement is replaced by the next Parse), so DuckDB's handle
 * is closed only when the last user lets go.
 */
final class SharedQuery {
  final PreparedQuery query;
  private int references = 1;

  /** @param query the prepared statement, or null for a Parse of an empty query string */
  SharedQuery(PreparedQuery query) {
    this.query = query;
  }

  /** True for an empty query string, whose Execute answers EmptyQueryResponse. */
  boolean isEmpty() {
    return query == null;
  }

  SharedQuery retain() {
    references++;
    return this;
  }

  void release() {
    if (--references == 0 && query != null) {
      query.close();
    }
  }
}
