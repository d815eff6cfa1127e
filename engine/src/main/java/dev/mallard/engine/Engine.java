package dev.mallard.engine;

import dev.mallard.catalog.Role;
import dev.mallard.catalog.Tenant;
import dev.mallard.catalog.TenantManager;
import dev.mallard.catalog.system.SystemCatalog;
import dev.mallard.engine.analysis.StatementAnalyzer;
import dev.mallard.engine.databases.DatabaseCommands;
import dev.mallard.engine.roles.RoleCommands;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** Opens engine sessions on tenants and owns the Arrow memory they stream results through. */
public final class Engine implements AutoCloseable {
  private final TenantManager tenants;
  private final BufferAllocator root;
  private final long perSessionLimit;
  private final StatementAnalyzer analyzer;
  private final RoleCommands roles;
  private final DatabaseCommands databases;
  private final SystemCatalog systemCatalog;

  /**
   * @param systemCatalog where role statements go; null refuses them (roles fixed at start-up)
   */
  public Engine(TenantManager tenants, SystemCatalog systemCatalog, long arrowMemoryLimit,
      long perSessionLimit, MeterRegistry metrics) {
    this.roles = systemCatalog == null ? null
        : new RoleCommands(systemCatalog, tenants::refreshServerObjects);
    this.databases = systemCatalog == null ? null : new DatabaseCommands(systemCatalog, tenants);
    this.systemCatalog = systemCatalog;
    this.tenants = tenants;
    this.root = new RootAllocator(arrowMemoryLimit);
    this.perSessionLimit = perSessionLimit;
    this.analyzer = new StatementAnalyzer(metrics);
  }

  /**
   * A session on {@code database}: 3D000 when the database does not exist, 53300 beyond its
   * CONNECTION LIMIT (superusers are exempt, as in PostgreSQL).
   */
  public EngineSession openSession(String database, String user) {
    BufferAllocator child = root.newChildAllocator(user + "@" + database, 0, perSessionLimit);
    try {
      boolean superuser = systemCatalog != null
          && systemCatalog.find(user).map(Role::superuser).orElse(false);
      // The tenant's slot is released by EngineSession#close, or by Tenant#connect if it fails.
      Tenant tenant = tenants.acquire(database, superuser);
      if (roles != null) {
        try {
          dev.mallard.engine.authz.Authorizer.checkConnect(roles.catalog(), user, database);
        } catch (RuntimeException e) {
          tenant.release();
          throw e;
        }
      }
      return new EngineSession(tenant, child, analyzer, user, roles, databases);
    } catch (RuntimeException e) {
      child.close();
      throw e;
    }
  }

  public TenantManager tenants() {
    return tenants;
  }

  @Override
  public void close() {
    tenants.close();
    root.close();
  }
}
