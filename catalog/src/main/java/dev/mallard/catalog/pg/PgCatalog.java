package dev.mallard.catalog.pg;

import dev.mallard.catalog.Database;
import dev.mallard.catalog.Role;
import dev.mallard.catalog.RoleDirectory;
import dev.mallard.wire.types.PgType;
import dev.mallard.wire.types.PgTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's pg_catalog and information_schema as seen by clients of one tenant. DuckDB's own
 * pg_catalog schema cannot be replaced or shadowed, so the emulation lives in an in-memory
 * database attached to the tenant's DuckDB instance ({@value #DATABASE}), with schema {@value
 * #PG_SCHEMA} for pg_catalog and {@value #INFO_SCHEMA} for information_schema. The engine's
 * rewriter sends references to pg_catalog and information_schema relations and functions there.
 *
 * <p>The views read DuckDB's live metadata (duckdb_tables(), duckdb_columns(), ...), so they are
 * always consistent with what the database holds. OIDs of user objects are derived from their
 * kind, schema and name, so they are stable across sessions and restarts; pg_type is generated
 * from the wire layer's {@link PgTypes} registry, so the catalog and RowDescription agree.
 */
public final class PgCatalog {
  public static final String DATABASE = "__mallard";
  public static final String PG_SCHEMA = "pg";
  public static final String INFO_SCHEMA = "info";
  /** The emulation's scripts, in order: views are bound when created, so helpers come first. */
  private static final List<String> SCRIPTS = List.of("pg_catalog.sql", "pg_server.sql",
      "pg_functions.sql", "pg_views.sql", "pg_none.sql", "information_schema.sql");

  private final Set<String> pgRelations;
  private final Set<String> pgFunctions;
  private final Set<String> infoRelations;
  private final Set<String> infoFunctions;

  private PgCatalog(Set<String> pgRelations, Set<String> pgFunctions, Set<String> infoRelations,
      Set<String> infoFunctions) {
    this.pgRelations = Set.copyOf(pgRelations);
    this.pgFunctions = Set.copyOf(pgFunctions);
    this.infoRelations = Set.copyOf(infoRelations);
    this.infoFunctions = Set.copyOf(infoFunctions);
  }

  /** Attaches and fills the emulation in a freshly opened tenant instance. */
  public static PgCatalog install(Connection root, String database, ServerObjects server)
      throws SQLException {
    try (Statement s = root.createStatement()) {
      s.execute("ATTACH ':memory:' AS " + DATABASE);
      s.execute("CREATE SCHEMA " + DATABASE + "." + PG_SCHEMA);
      s.execute("CREATE SCHEMA " + DATABASE + "." + INFO_SCHEMA);
    }
    createTypeTable(root);
    PgTypeFunctions.register(root);
    PrivilegeFunctions.register(root, server.grants(), server::role);
    // Views are bound when created: the session's macros must exist on this connection too.
    bindIdentity(root, "", 0);
    try (Statement s = root.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP MACRO current_setting(setting_name) AS CAST(NULL AS VARCHAR),"
          + " (setting_name, missing_ok) AS CAST(NULL AS VARCHAR)");
    }
    for (String statement : scriptStatements()) {
      try (Statement s = root.createStatement()) {
        s.execute(statement);
        OidColumns.retype(root, statement);
      } catch (SQLException e) {
        throw new SQLException("installing pg_catalog: " + e.getMessage() + "\n" + statement, e);
      }
    }
    refreshServerObjects(root, database, server);
    return new PgCatalog(names(root, RELATIONS, PG_SCHEMA), names(root, FUNCTIONS, PG_SCHEMA),
        names(root, RELATIONS, INFO_SCHEMA), names(root, FUNCTIONS, INFO_SCHEMA));
  }

  /**
   * Gives one session's connection the functions whose value is the session's: current_user,
   * session_user, user and current_role (the role the session authenticated as; SET ROLE does not
   * exist yet) and pg_backend_pid() (the process id sent in BackendKeyData). They are TEMP macros
   * of that connection rather than a rewrite, so DuckDB names result columns as PostgreSQL does
   * ({@code SELECT current_user} gives a column "current_user") and DuckDB-only SQL sees them too.
   */
  public static void bindSession(Connection connection, String user, int backendPid)
      throws SQLException {
    bindIdentity(connection, user, backendPid);
    try (Statement s = connection.createStatement()) {
      // The bare key word current_schema (no parentheses) is DuckDB's function call, answering main.
      s.execute("CREATE OR REPLACE TEMP MACRO current_schema() AS " + DATABASE + "." + PG_SCHEMA
          + ".mallard_nspname(system.main.current_schema())");
    }
  }

  private static void bindIdentity(Connection connection, String user, int backendPid)
      throws SQLException {
    String role = "'" + user.replace("'", "''") + "'";
    try (Statement s = connection.createStatement()) {
      for (String name : List.of("current_user", "session_user", "\"user\"", "current_role")) {
        s.execute("CREATE OR REPLACE TEMP MACRO " + name + "() AS " + role);
      }
      s.execute("CREATE OR REPLACE TEMP MACRO pg_backend_pid() AS CAST(" + backendPid + " AS INTEGER)");
    }
  }

  /**
   * Rewrites the tables that describe objects outside the tenant (databases and roles); called at
   * install and whenever those change.
   */
  public static void refreshServerObjects(Connection root, String database, ServerObjects server)
      throws SQLException {
    String db = DATABASE + "." + PG_SCHEMA;
    try (Statement s = root.createStatement()) {
      s.execute("DELETE FROM " + db + ".mallard_databases");
      s.execute("DELETE FROM " + db + ".mallard_roles");
      s.execute("DELETE FROM " + db + ".mallard_auth_members");
    }
    try (PreparedStatement p = root.prepareStatement(
        "INSERT INTO " + db + ".mallard_databases VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Database d : server.databases()) {
        p.setInt(1, d.oid());
        p.setString(2, d.name());
        p.setInt(3, d.ownerOid());
        p.setBoolean(4, d.allowConnections());
        p.setInt(5, d.connectionLimit());
        p.setBoolean(6, d.name().equals(database));
        p.execute();
      }
    }
    // Roles from the system catalog carry their OIDs (10 for the bootstrap superuser, as in
    // PostgreSQL). Roles without one (a static directory) get 10 for the first superuser, which
    // owns every object (DuckDB records no owners), and OIDs derived from their names otherwise.
    // Mallard has no replication connections and no row security: those two are false. The
    // password verifier itself never leaves the system catalog.
    try (PreparedStatement p = root.prepareStatement("INSERT INTO " + db + ".mallard_roles"
        + " (oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin,"
        + " rolreplication, rolbypassrls, rolconnlimit, rolvaliduntil, rolhaspassword) VALUES"
        + " (coalesce(nullif(?, 0), CASE WHEN ? THEN 10 ELSE " + db + ".mallard_oid('R', '', ?) END),"
        + " ?, ?, ?, ?, ?, ?, false, false, ?, make_timestamptz(? * 1000), ?)")) {
      boolean ownerSeen = false;
      for (Role role : server.roles()) {
        boolean owner = !ownerSeen && role.superuser();
        ownerSeen |= owner;
        p.setInt(1, role.oid());
        p.setBoolean(2, owner);
        p.setString(3, role.name());
        p.setString(4, role.name());
        p.setBoolean(5, role.superuser());
        p.setBoolean(6, role.inherit());
        p.setBoolean(7, role.createRole());
        p.setBoolean(8, role.createDb());
        p.setBoolean(9, role.canLogin());
        p.setInt(10, role.connectionLimit());
        if (role.validUntil() == null) {
          p.setNull(11, java.sql.Types.BIGINT);
        } else {
          p.setLong(11, role.validUntil().toEpochMilli());
        }
        p.setBoolean(12, role.scramVerifier() != null);
        p.execute();
      }
    }
    try (PreparedStatement p = root.prepareStatement(
        "INSERT INTO " + db + ".mallard_auth_members VALUES (?, ?, ?)")) {
      for (RoleDirectory.Membership m : server.memberships()) {
        p.setInt(1, m.roleOid());
        p.setInt(2, m.memberOid());
        p.setBoolean(3, m.adminOption());
        p.execute();
      }
    }
  }

  /** pg_type's built-in rows, one per type of the wire layer's registry. */
  private static void createTypeTable(Connection root) throws SQLException {
    String table = DATABASE + "." + PG_SCHEMA + ".mallard_builtin_types";
    try (Statement s = root.createStatement()) {
      s.execute("CREATE TABLE " + table + " (oid INTEGER, typname VARCHAR, typlen SMALLINT,"
          + " typtype VARCHAR, typcategory VARCHAR, typelem INTEGER, typarray INTEGER)");
    }
    try (PreparedStatement p =
        root.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (PgType t : PgTypes.all()) {
        p.setInt(1, t.oid());
        p.setString(2, t.name());
        p.setShort(3, (short) t.typlen());
        p.setString(4, String.valueOf(t.typtype()));
        p.setString(5, String.valueOf(t.category()));
        p.setInt(6, t.elementOid());
        p.setInt(7, t.arrayTypeOid());
        p.execute();
      }
    }
  }

  private static final String RELATIONS = "SELECT view_name FROM duckdb_views()"
      + " WHERE database_name = ? AND schema_name = ?"
      + " UNION ALL SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = ?";
  private static final String FUNCTIONS = "SELECT DISTINCT function_name FROM duckdb_functions()"
      + " WHERE database_name = ? AND schema_name = ? AND database_name = ? AND schema_name = ?";

  /** Names of the emulation's objects in a schema, without the internal mallard_* helpers. */
  private static Set<String> names(Connection root, String query, String schema)
      throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement p = root.prepareStatement(query)) {
      for (int i = 0; i < 4; i += 2) {
        p.setString(i + 1, DATABASE);
        p.setString(i + 2, schema);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1).toLowerCase(Locale.ROOT);
          if (!name.startsWith("mallard_")) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** The script's statements: separated by lines that end with a semicolon. */
  static List<String> scriptStatements() {
    List<String> statements = new java.util.ArrayList<>();
    for (String script : SCRIPTS) {
      statements.addAll(scriptStatements(script));
    }
    return statements;
  }

  private static List<String> scriptStatements(String script) {
    try (InputStream in = PgCatalog.class.getResourceAsStream(script)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${db}", DATABASE)
          .replace("${pg}", DATABASE + "." + PG_SCHEMA)
          .replace("${info}", DATABASE + "." + INFO_SCHEMA);
      return java.util.Arrays.stream(text.split(";\\s*\\n"))
          .map(String::strip)
          .filter(s -> !s.isEmpty() && !s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when pg_catalog has a relation (table or view) of this name in the emulation. */
  public boolean hasPgRelation(String name) {
    return pgRelations.contains(name);
  }

  /** True when the emulation defines this pg_catalog function (a macro). */
  public boolean hasPgFunction(String name) {
    return pgFunctions.contains(name);
  }

  public boolean hasInfoRelation(String name) {
    return infoRelations.contains(name);
  }

  /** True when the emulation defines this information_schema function (e.g. _pg_expandarray). */
  public boolean hasInfoFunction(String name) {
    return infoFunctions.contains(name);
  }

  /** What the catalog needs to know of the server beyond one tenant. */
  public interface ServerObjects {
    /** The server's databases (pg_database). */
    List<Database> databases();

    Collection<Role> roles();

    default List<RoleDirectory.Membership> memberships() {
      return List.of();
    }

    /** Object privileges and owners; null when roles are fixed and nothing is enforced. */
    default dev.mallard.catalog.system.Grants grants() {
      return null;
    }

    /** The role with this OID, for has_*_privilege given an OID. */
    default java.util.Optional<Role> role(int oid) {
      return roles().stream().filter(r -> r.oid() == oid).findFirst();
    }

    ServerObjects NONE = new ServerObjects() {
      @Override
      public List<Database> databases() {
        return List.of();
      }

      @Override
      public Collection<Role> roles() {
        return List.of();
      }
    };
  }
}
