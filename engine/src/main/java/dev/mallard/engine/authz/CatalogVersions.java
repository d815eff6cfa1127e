package dev.mallard.engine.authz;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter per tenant instance that moves whenever a statement may have changed its catalog
 * (DDL, anything DuckDB-specific, a transaction's end). Sessions cache where names resolve and
 * drop the cache when the counter moved: looking names up in DuckDB costs milliseconds.
 */
public final class CatalogVersions {
  private static final Map<Object, AtomicLong> VERSIONS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private CatalogVersions() {}

  private static AtomicLong of(Object tenant) {
    return VERSIONS.computeIfAbsent(tenant, t -> new AtomicLong());
  }

  public static long current(Object tenant) {
    return of(tenant).get();
  }

  public static void changed(Object tenant) {
    of(tenant).incrementAndGet();
  }
}
