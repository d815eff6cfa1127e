package dev.mallard.engine.sql;

import dev.mallard.catalog.pg.PgCatalog;

/** What rules may know of the session a statement runs in. */
public record RewriteContext(PgCatalog catalog) {}
