package dev.mallard.catalog.system;

import dev.mallard.catalog.Database;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The databases (tenants) of the system catalog: one row each in {@code databases}, with their
 * storage options and per-database settings in {@code database_options} and {@code
 * database_settings}. Each change is one DuckDB transaction on a connection of its own, so it
 * never interleaves with the role changes of {@link SystemCatalog}. Reads use an in-memory
 * snapshot replaced after each change.
 */
public final class Databases implements AutoCloseable {
  private final Connection db;
  private volatile Map<String, Database> snapshot = Map.of();

  Databases(Connection db) throws SQLException {
    this.db = db;
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS databases (oid INTEGER PRIMARY KEY,"
          + " name VARCHAR NOT NULL UNIQUE, owner_oid INTEGER NOT NULL, kind VARCHAR NOT NULL,"
          + " connection_limit INTEGER NOT NULL, allow_connections BOOLEAN NOT NULL)");
      for (String table : List.of("database_options", "database_settings")) {
        s.execute("CREATE TABLE IF NOT EXISTS " + table + " (database_oid INTEGER NOT NULL,"
            + " name VARCHAR NOT NULL, value VARCHAR NOT NULL)");
      }
    }
    reload();
  }

  /** Every database, by name. */
  public Map<String, Database> all() {
    return snapshot;
  }

  public Optional<Database> find(String name) {
    return Optional.ofNullable(snapshot.get(name));
  }

  public Optional<Database> find(int oid) {
    return snapshot.values().stream().filter(d -> d.oid() == oid).findFirst();
  }

  /** Names of the databases {@code roleOid} owns (DROP ROLE must not leave them ownerless). */
  public List<String> ownedBy(int roleOid) {
    return snapshot.values().stream().filter(d -> d.ownerOid() == roleOid)
        .map(Database::name).sorted().toList();
  }

  /** Records a new database (its OID is assigned here); 42P04 when the name is taken. */
  public synchronized Database create(Database database) {
    requireFree(database.name());
    Database created = database.withOid(nextOid());
    change(() -> insert(created));
    return created;
  }

  /** Replaces a database's row, options and settings (same OID) in one transaction. */
  public synchronized Database update(Database database) {
    if (find(database.oid()).isEmpty()) {
      throw new PgException(SqlState.INVALID_CATALOG_NAME,
          "database \"" + database.name() + "\" does not exist");
    }
    Database current = find(database.oid()).get();
    if (!current.name().equals(database.name())) {
      requireFree(database.name());
    }
    change(() -> {
      delete(database.oid());
      insert(database);
    });
    return database;
  }

  /** Removes a database's rows; false when it was not there. */
  public synchronized boolean drop(int oid) {
    if (find(oid).isEmpty()) {
      return false;
    }
    change(() -> delete(oid));
    return true;
  }

  private void requireFree(String name) {
    if (snapshot.containsKey(name)) {
      throw new PgException(SqlState.DUPLICATE_DATABASE, "database \"" + name + "\" already exists");
    }
  }

  private void insert(Database d) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(
        "INSERT INTO databases VALUES (?, ?, ?, ?, ?, ?)")) {
      p.setInt(1, d.oid());
      p.setString(2, d.name());
      p.setInt(3, d.ownerOid());
      p.setString(4, d.kind().label());
      p.setInt(5, d.connectionLimit());
      p.setBoolean(6, d.allowConnections());
      p.executeUpdate();
    }
    insertPairs("database_options", d.oid(), d.options());
    insertPairs("database_settings", d.oid(), d.settings());
  }

  private void insertPairs(String table, int oid, Map<String, String> pairs) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
      for (Map.Entry<String, String> e : pairs.entrySet()) {
        p.setInt(1, oid);
        p.setString(2, e.getKey());
        p.setString(3, e.getValue());
        p.executeUpdate();
      }
    }
  }

  private void delete(int oid) throws SQLException {
    for (String sql : List.of("DELETE FROM database_options WHERE database_oid = ?",
        "DELETE FROM database_settings WHERE database_oid = ?",
        "DELETE FROM databases WHERE oid = ?")) {
      try (PreparedStatement p = db.prepareStatement(sql)) {
        p.setInt(1, oid);
        p.executeUpdate();
      }
    }
  }

  private void reload() throws SQLException {
    Map<Integer, Map<String, String>> options = pairs("database_options");
    Map<Integer, Map<String, String>> settings = pairs("database_settings");
    Map<String, Database> all = new TreeMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT oid, name, owner_oid, kind, connection_limit,"
            + " allow_connections FROM databases")) {
      while (rs.next()) {
        int oid = rs.getInt(1);
        Database.Kind kind = Database.Kind.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT));
        all.put(rs.getString(2), new Database(oid, rs.getString(2), rs.getInt(3), kind,
            rs.getInt(5), rs.getBoolean(6), options.getOrDefault(oid, Map.of()),
            settings.getOrDefault(oid, Map.of())));
      }
    }
    snapshot = java.util.Collections.unmodifiableMap(all);
  }

  private Map<Integer, Map<String, String>> pairs(String table) throws SQLException {
    Map<Integer, Map<String, String>> pairs = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT database_oid, name, value FROM " + table)) {
      while (rs.next()) {
        pairs.computeIfAbsent(rs.getInt(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
      }
    }
    return pairs;
  }

  private int nextOid() {
    return CatalogTransactions.nextOid(db);
  }

  /** Runs one change as one transaction, then refreshes the snapshot. */
  private void change(CatalogTransactions.Change change) {
    try {
      CatalogTransactions.run(db, change);
      reload();
    } catch (SQLException e) {
      throw CatalogTransactions.failure(e);
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
