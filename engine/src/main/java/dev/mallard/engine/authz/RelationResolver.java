package dev.mallard.engine.authz;

import dev.mallard.catalog.Tenant;
import dev.mallard.catalog.pg.PgCatalog;
import dev.mallard.catalog.system.PrivilegeObject;
import dev.mallard.engine.analysis.RelationRef;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds which object a relation name means, the way DuckDB will resolve it: the session's own
 * temporary objects first, then the schemas of the search path; {@code a.b} is schema a, or else
 * the attached database a. The pg_catalog and information_schema emulation are catalog reads.
 */
final class RelationResolver {
  /** What a name resolved to. {@code object} is set for TABLE (and a missing name's would-be object). */
  record Resolved(Kind kind, PrivilegeObject object) {
    enum Kind { TABLE, TEMPORARY, CATALOG, MISSING }
  }

  private final Tenant tenant;
  private final Connection connection;
  private final Supplier<List<String>> searchPath;
  /** Lookups since the tenant's catalog last changed (see {@link CatalogVersions}). */
  private final java.util.Map<String, Object> cache = new java.util.HashMap<>();
  private long cachedVersion = -1;

  RelationResolver(Tenant tenant, Connection connection, Supplier<List<String>> searchPath) {
    this.tenant = tenant;
    this.connection = connection;
    this.searchPath = searchPath;
  }

  String database() {
    return tenant.name().toLowerCase(Locale.ROOT);
  }

  /** The schema an unqualified CREATE puts its object in: the first of the search path. */
  String creationSchema() {
    List<String> path = searchPath.get();
    return path.isEmpty() ? "main" : path.get(0);
  }

  Resolved resolve(RelationRef ref) {
    String db = database();
    if (ref.catalog() != null) {
      if (ref.catalog().equals("temp")) {
        return new Resolved(Resolved.Kind.TEMPORARY, null);
      }
      if (!ref.catalog().equals(db)) {
        throw Denials.on(PrivilegeObject.database(ref.catalog()));
      }
      return lookup(ref.schema(), ref.name());
    }
    if (ref.schema() != null) {
      if (isCatalogSchema(ref.schema())) {
        return catalogRelation(ref);
      }
      if (!schemaExists(ref.schema()) && attachedDatabases().contains(ref.schema())) {
        if (ref.schema().equals("temp")) {
          return new Resolved(Resolved.Kind.TEMPORARY, null);
        }
        if (!ref.schema().equals(db)) {
          throw Denials.on(PrivilegeObject.database(ref.schema()));
        }
        return lookup("main", ref.name());
      }
      return lookup(ref.schema(), ref.name());
    }
    List<String[]> found = locations(ref.name());
    for (String[] place : found) {
      if (place[0].equals("temp")) {
        return new Resolved(Resolved.Kind.TEMPORARY, null);
      }
    }
    for (String schema : searchPath.get()) {
      for (String[] place : found) {
        if (place[0].equals(db) && place[1].equalsIgnoreCase(schema)) {
          return new Resolved(Resolved.Kind.TABLE, PrivilegeObject.table(db, place[1], ref.name()));
        }
      }
    }
    if (tenant.pgCatalog().hasPgRelation(ref.name())) {
      return new Resolved(Resolved.Kind.CATALOG, null);
    }
    return new Resolved(Resolved.Kind.MISSING,
        PrivilegeObject.table(db, creationSchema(), ref.name()));
  }

  private Resolved catalogRelation(RelationRef ref) {
    boolean known = ref.schema().equals("pg_catalog")
        ? tenant.pgCatalog().hasPgRelation(ref.name())
        : tenant.pgCatalog().hasInfoRelation(ref.name());
    return new Resolved(known ? Resolved.Kind.CATALOG : Resolved.Kind.MISSING, null);
  }

  static boolean isCatalogSchema(String schema) {
    return schema.equals("pg_catalog") || schema.equals("information_schema");
  }

  private Resolved lookup(String schema, String name) {
    String duck = schema.equals("public") ? "main" : schema;
    for (String[] place : locations(name)) {
      if (place[0].equals(database()) && place[1].equalsIgnoreCase(duck)) {
        return new Resolved(Resolved.Kind.TABLE, PrivilegeObject.table(database(), duck, name));
      }
    }
    return new Resolved(Resolved.Kind.MISSING, PrivilegeObject.table(database(), duck, name));
  }

  /** Whether a table or view of this name exists in this schema of the tenant. */
  boolean exists(PrivilegeObject table) {
    return lookup(table.schema(), table.name()).kind() == Resolved.Kind.TABLE;
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(String key, Supplier<T> lookup) {
    long version = CatalogVersions.current(tenant);
    if (version != cachedVersion) {
      cache.clear();
      cachedVersion = version;
    }
    Object value = cache.get(key);
    if (value == null) {
      value = lookup.get();
      cache.put(key, value);
    }
    return (T) value;
  }

  /** (database, schema) of every table and view named {@code name}. */
  private List<String[]> locations(String name) {
    return cached("relation " + name, () -> lookupLocations(name));
  }

  private List<String[]> lookupLocations(String name) {
    List<String[]> found = new ArrayList<>();
    query("SELECT database_name, schema_name FROM duckdb_tables() WHERE lower(table_name) = ?"
        + " UNION ALL SELECT database_name, schema_name FROM duckdb_views()"
        + " WHERE NOT internal AND lower(view_name) = ?", List.of(name, name),
        rs -> found.add(new String[] {rs.getString(1).toLowerCase(Locale.ROOT),
            rs.getString(2).toLowerCase(Locale.ROOT)}));
    return found;
  }

  boolean schemaExists(String schema) {
    return cached("schema " + schema, () -> lookupSchema(schema));
  }

  private boolean lookupSchema(String schema) {
    String duck = schema.equals("public") ? "main" : schema;
    boolean[] found = {false};
    query("SELECT 1 FROM duckdb_schemas() WHERE lower(database_name) = ? AND lower(schema_name) = ?",
        List.of(database(), duck), rs -> found[0] = true);
    return found[0];
  }

  /** Tables and views of a schema of the tenant (GRANT ... ON ALL TABLES IN SCHEMA). */
  List<String> relationsIn(String schema) {
    String duck = schema.equals("public") ? "main" : schema.toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    query("SELECT table_name FROM duckdb_tables() WHERE lower(database_name) = ? AND lower(schema_name) = ?"
        + " UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal"
        + " AND lower(database_name) = ? AND lower(schema_name) = ?",
        List.of(database(), duck, database(), duck), rs -> names.add(rs.getString(1)));
    return names;
  }

  /** Whether the server has a database of this name (as pg_database lists them). */
  boolean databaseExists(String name) {
    boolean[] found = {name.equalsIgnoreCase(database())};
    query("SELECT 1 FROM " + PgCatalog.DATABASE + "." + PgCatalog.PG_SCHEMA
        + ".mallard_databases WHERE lower(datname) = lower(?)", List.of(name), rs -> found[0] = true);
    return found[0];
  }

  Set<String> attachedDatabases() {
    return cached("databases", this::lookupDatabases);
  }

  private Set<String> lookupDatabases() {
    Set<String> names = new HashSet<>();
    query("SELECT database_name FROM duckdb_databases()", List.of(),
        rs -> names.add(rs.getString(1).toLowerCase(Locale.ROOT)));
    return names;
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String sql, List<String> parameters, Row row) {
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        p.setString(i + 1, parameters.get(i));
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new PgException(SqlState.INTERNAL_ERROR, "authorization lookup failed: " + e.getMessage(), e);
    }
  }
}
