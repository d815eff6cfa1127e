package dev.mallard.engine.sql;

import dev.mallard.catalog.pg.PgCatalog;

/** What rules may know of the session a statement runs in. */
public record RewriteContext(PgCatalog catalog, Relations relations) {
  public RewriteContext(PgCatalog catalog) {
    this(catalog, Relations.NONE);
  }

  /** The session's own view of its relations, including what its open transaction created. */
  public interface Relations {
    /** Whether {@code schema.name} (schema null: the current one) is a view. */
    boolean isView(String schema, String name);

    Relations NONE = (schema, name) -> false;
  }
}
