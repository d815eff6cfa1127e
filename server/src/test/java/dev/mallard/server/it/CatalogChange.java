package dev.mallard.server.it;

/** One statement of the crash test's workload and the catalog it leaves once committed. */
record CatalogChange(String sql, CatalogModel after) {}
