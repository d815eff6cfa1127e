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

    /**
     * The columns of the table or view {@code schema.name} (schema null: as an unqualified name
     * resolves, temporary relations first) with DuckDB's type names, in column order; empty when
     * there is no such relation.
     */
    default java.util.List<ColumnType> columns(String schema, String name) {
      return java.util.List.of();
    }

    Relations NONE = (schema, name) -> false;
  }

  /** A column and its DuckDB type, as duckdb_columns() spells it (e.g. VARCHAR[]). */
  public record ColumnType(String name, String type) {}
}
