package dev.mallard.catalog.system;

import dev.mallard.catalog.Role;
import dev.mallard.catalog.RoleDirectory;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's own catalog: roles, their memberships and password verifiers, kept durably in a
 * DuckDB file of its own ({@code <dataDir>/system/catalog.duckdb}). Every change is one DuckDB
 * transaction, so a crash in the middle of one leaves the old state or the new, never a mix.
 * Reads (logins, privilege checks) use an in-memory snapshot that is replaced after each change.
 */
public final class SystemCatalog implements RoleDirectory, AutoCloseable {
  static final String FILE = "system/catalog.duckdb";
  private static final int FIRST_OID = 16384;

  private final Connection db;
  private final Databases databases;
  private volatile Snapshot snapshot;
  private final Grants grants;

  /** Roles by name and memberships (role oid → member oids with their admin option). */
  private record Snapshot(Map<String, Role> roles, Map<Integer, Map<Integer, Boolean>> members) {
    Role byOid(int oid) {
      return roles.values().stream().filter(r -> r.oid() == oid).findFirst().orElse(null);
    }
  }

  private SystemCatalog(Connection db) throws SQLException {
    this.db = db;
    createSchema();
    reload();
    // Their own connections to the same file: their transactions never interleave with the
    // role changes here.
    this.databases = new Databases(db.unwrap(org.duckdb.DuckDBConnection.class).duplicate());
    this.grants = new Grants(db.unwrap(org.duckdb.DuckDBConnection.class).duplicate(), this);
  }

  /** The databases (tenants) of the server. */
  public Databases databases() {
    return databases;
  }

  /** Object privileges, owners and default privileges. */
  public Grants grants() {
    return grants;
  }

  public static SystemCatalog open(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(file.getParent());
      return new SystemCatalog(DriverManager.getConnection("jdbc:duckdb:" + file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file.getParent(), e);
    } catch (SQLException e) {
      throw new PgException(SqlState.IO_ERROR,
          "cannot open the system catalog " + file + ": " + e.getMessage(), e);
    }
  }

  private void createSchema() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE SEQUENCE IF NOT EXISTS oids START " + FIRST_OID);
      s.execute("CREATE TABLE IF NOT EXISTS roles (oid INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
          + " superuser BOOLEAN NOT NULL, createdb BOOLEAN NOT NULL, createrole BOOLEAN NOT NULL,"
          + " inherit BOOLEAN NOT NULL, login BOOLEAN NOT NULL, connection_limit INTEGER NOT NULL,"
          + " valid_until TIMESTAMPTZ, verifier VARCHAR)");
      s.execute("CREATE TABLE IF NOT EXISTS role_members (role_oid INTEGER NOT NULL,"
          + " member_oid INTEGER NOT NULL, admin_option BOOLEAN NOT NULL)");
    }
  }

  private synchronized void reload() throws SQLException {
    Map<String, Role> roles = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT oid, name, superuser, createdb, createrole, inherit,"
            + " login, connection_limit, epoch_ms(valid_until), verifier FROM roles ORDER BY oid")) {
      while (rs.next()) {
        long until = rs.getLong(9);
        // wasNull() must follow getLong(9) directly: it reports the last column read
        java.time.Instant validUntil = rs.wasNull() ? null : java.time.Instant.ofEpochMilli(until);
        roles.put(rs.getString(2), new Role(rs.getInt(1), rs.getString(2), rs.getBoolean(3),
            rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8),
            validUntil, rs.getString(10)));
      }
    }
    Map<Integer, Map<Integer, Boolean>> members = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT role_oid, member_oid, admin_option FROM role_members")) {
      while (rs.next()) {
        members.computeIfAbsent(rs.getInt(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getBoolean(3));
      }
    }
    snapshot = new Snapshot(Map.copyOf(roles), Map.copyOf(members));
  }

  @Override
  public Optional<Role> find(String name) {
    return Optional.ofNullable(snapshot.roles().get(name));
  }

  /** The role with this OID: sessions hold their role by OID, which survives a RENAME. */
  public Optional<Role> find(int oid) {
    return Optional.ofNullable(snapshot.byOid(oid));
  }

  @Override
  public Collection<Role> all() {
    return List.copyOf(snapshot.roles().values());
  }

  /**
   * Creates a bootstrap role (the superuser, the configuration's users) when it does not exist
   * yet; an existing role is left as SQL last changed it. Returns whether it was created.
   */
  public synchronized boolean ensureRole(Role role) {
    if (snapshot.roles().containsKey(role.name())) {
      return false;
    }
    change(() -> insert(role.oid() != 0 ? role : role.withOid(nextOid())));
    return true;
  }

  /** Sets a role's password verifier (the bootstrap password from the environment). */
  public synchronized void setVerifier(String name, String verifier) {
    Role role = require(name);
    change(() -> update(RoleAttributes.none().withPassword(verifier).applyTo(role)));
  }

  /** CREATE ROLE: 42710 when the name is taken. */
  public synchronized Role createRole(String name, RoleAttributes attributes, boolean login,
      List<String> inRoles) {
    return createRole(name, attributes, login, inRoles, List.of(), List.of());
  }

  /**
   * CREATE ROLE with its memberships, all in one transaction: IN ROLE ({@code inRoles}, which the
   * new role joins), ROLE ({@code members}, which join it) and ADMIN ({@code admins}, which join it
   * WITH ADMIN OPTION).
   */
  public synchronized Role createRole(String name, RoleAttributes attributes, boolean login,
      List<String> inRoles, List<String> members, List<String> admins) {
    if (snapshot.roles().containsKey(name)) {
      throw new PgException(SqlState.DUPLICATE_OBJECT, "role \"" + name + "\" already exists");
    }
    requireUnreserved(name);
    List<Role> parents = inRoles.stream().map(this::require).toList();
    List<Role> joining = members.stream().map(this::require).toList();
    List<Role> joiningAsAdmin = admins.stream().map(this::require).toList();
    Role role = attributes.newRole(name, login).withOid(nextOid());
    change(() -> {
      insert(role);
      for (Role parent : parents) {
        insertMember(parent.oid(), role.oid(), false);
      }
      for (Role member : joining) {
        insertMember(role.oid(), member.oid(), joiningAsAdmin.contains(member));
      }
      for (Role admin : joiningAsAdmin) {
        if (!joining.contains(admin)) {
          insertMember(role.oid(), admin.oid(), true);
        }
      }
    });
    return role;
  }

  /** ALTER ROLE ... WITH attributes. */
  public synchronized Role alterRole(String name, RoleAttributes attributes) {
    Role changed = attributes.applyTo(require(name));
    change(() -> update(changed));
    return changed;
  }

  /** ALTER ROLE ... RENAME TO. */
  public synchronized void renameRole(String name, String newName) {
    Role role = require(name);
    if (snapshot.roles().containsKey(newName)) {
      throw new PgException(SqlState.DUPLICATE_OBJECT, "role \"" + newName + "\" already exists");
    }
    requireUnreserved(newName);
    change(() -> {
      try (PreparedStatement p = db.prepareStatement("UPDATE roles SET name = ? WHERE oid = ?")) {
        p.setString(1, newName);
        p.setInt(2, role.oid());
        p.executeUpdate();
      }
    });
  }

  /** DROP ROLE: its memberships go with it. Returns false for a missing role with IF EXISTS. */
  public synchronized boolean dropRole(String name, boolean ifExists) {
    Role role = snapshot.roles().get(name);
    if (role == null) {
      if (ifExists) {
        return false;
      }
      throw undefined(name);
    }
    if (role.oid() == Role.BOOTSTRAP_OID) {
      throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop role " + name
          + " because it is required by the database system");
    }
    change(() -> {
      try (PreparedStatement p = db.prepareStatement(
          "DELETE FROM role_members WHERE role_oid = ? OR member_oid = ?")) {
        p.setInt(1, role.oid());
        p.setInt(2, role.oid());
        p.executeUpdate();
      }
      try (PreparedStatement p = db.prepareStatement("DELETE FROM roles WHERE oid = ?")) {
        p.setInt(1, role.oid());
        p.executeUpdate();
      }
    });
    return true;
  }

  /** GRANT role TO member [WITH ADMIN OPTION]; refuses membership loops (0LP01). */
  public synchronized void grantMembership(String roleName, String memberName, boolean admin) {
    grantMemberships(List.of(roleName), List.of(memberName), admin);
  }

  /**
   * GRANT roles TO members [WITH ADMIN OPTION]: every pair is checked first, then all are made
   * in one transaction, so the statement applies entirely or not at all. A loop (0LP01) is
   * reported as PostgreSQL does: "role R is a member of role M".
   */
  public synchronized void grantMemberships(List<String> roleNames, List<String> memberNames,
      boolean admin) {
    List<Role[]> pairs = new java.util.ArrayList<>();
    for (String roleName : roleNames) {
      Role role = require(roleName);
      for (String memberName : memberNames) {
        Role member = require(memberName);
        if (role.oid() == member.oid() || memberOf(role.name()).contains(member.name())) {
          throw new PgException(SqlState.INVALID_GRANT_OPERATION, "role \"" + roleName
              + "\" is a member of role \"" + memberName + "\"");
        }
        Boolean current = snapshot.members().getOrDefault(role.oid(), Map.of()).get(member.oid());
        if (current == null || admin && !current) {
          pairs.add(new Role[] {role, member}); // granting without ADMIN OPTION never removes it
        }
      }
    }
    if (pairs.isEmpty()) {
      return;
    }
    change(() -> {
      for (Role[] pair : pairs) {
        deleteMember(pair[0].oid(), pair[1].oid());
        insertMember(pair[0].oid(), pair[1].oid(), admin);
      }
    });
  }

  /** REVOKE ADMIN OPTION FOR role FROM member: the membership stays. */
  public synchronized boolean revokeAdminOption(String roleName, String memberName) {
    Role role = require(roleName);
    Role member = require(memberName);
    Boolean current = snapshot.members().getOrDefault(role.oid(), Map.of()).get(member.oid());
    if (current == null) {
      return false;
    }
    if (current) {
      change(() -> {
        deleteMember(role.oid(), member.oid());
        insertMember(role.oid(), member.oid(), false);
      });
    }
    return true;
  }

  @Override
  public List<Membership> memberships() {
    List<Membership> all = new java.util.ArrayList<>();
    snapshot.members().forEach((role, members) -> members.forEach(
        (member, admin) -> all.add(new Membership(role, member, admin))));
    return all;
  }

  /** REVOKE role FROM member; a membership that does not exist is not an error (a warning in PostgreSQL). */
  public synchronized boolean revokeMembership(String roleName, String memberName) {
    Role role = require(roleName);
    Role member = require(memberName);
    Map<Integer, Boolean> current = snapshot.members().getOrDefault(role.oid(), Map.of());
    if (!current.containsKey(member.oid())) {
      return false;
    }
    change(() -> deleteMember(role.oid(), member.oid()));
    return true;
  }

  /** Whether {@code member} holds {@code role} with ADMIN OPTION directly. */
  public boolean hasAdminOption(String roleName, String memberName) {
    Snapshot s = snapshot;
    Role role = s.roles().get(roleName);
    Role member = s.roles().get(memberName);
    return role != null && member != null
        && Boolean.TRUE.equals(s.members().getOrDefault(role.oid(), Map.of()).get(member.oid()));
  }

  /** Every role {@code name} is a member of, directly or through other roles (itself excluded). */
  public Set<String> memberOf(String name) {
    return containing(name, false);
  }

  /**
   * The roles whose privileges {@code name} uses without SET ROLE: itself and, through roles
   * that INHERIT, the roles it belongs to (PostgreSQL's inheritance rule).
   */
  public Set<String> privilegeRoles(String name) {
    Set<String> roles = containing(name, true);
    roles.add(name);
    return roles;
  }

  private Set<String> containing(String name, boolean inheritOnly) {
    Snapshot s = snapshot;
    Set<String> found = new HashSet<>();
    Role start = s.roles().get(name);
    if (start == null) {
      return found;
    }
    Deque<Role> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      Role member = todo.pop();
      if (inheritOnly && !member.inherit()) {
        continue;
      }
      for (Map.Entry<Integer, Map<Integer, Boolean>> e : s.members().entrySet()) {
        if (e.getValue().containsKey(member.oid())) {
          Role parent = s.byOid(e.getKey());
          if (parent != null && found.add(parent.name())) {
            todo.push(parent);
          }
        }
      }
    }
    return found;
  }

  private static void requireUnreserved(String name) {
    if (name.startsWith("pg_")) {
      throw new PgException(PgException.Severity.ERROR, SqlState.RESERVED_NAME,
          "role name \"" + name + "\" is reserved",
          "Role names starting with \"pg_\" are reserved.", null, 0, null);
    }
  }

  private Role require(String name) {
    Role role = snapshot.roles().get(name);
    if (role == null) {
      throw undefined(name);
    }
    return role;
  }

  private static PgException undefined(String name) {
    return new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
  }

  private int nextOid() {
    return CatalogTransactions.nextOid(db);
  }

  private void insert(Role r) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(
        "INSERT INTO roles VALUES (?, ?, ?, ?, ?, ?, ?, ?, make_timestamptz(? * 1000), ?)")) {
      p.setInt(1, r.oid());
      p.setString(2, r.name());
      bindAttributes(p, 3, r);
      p.executeUpdate();
    }
  }

  private void update(Role r) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("UPDATE roles SET superuser = ?, createdb = ?,"
        + " createrole = ?, inherit = ?, login = ?, connection_limit = ?,"
        + " valid_until = make_timestamptz(? * 1000), verifier = ? WHERE oid = ?")) {
      bindAttributes(p, 1, r);
      p.setInt(9, r.oid());
      p.executeUpdate();
    }
  }

  private static void bindAttributes(PreparedStatement p, int first, Role r) throws SQLException {
    p.setBoolean(first, r.superuser());
    p.setBoolean(first + 1, r.createDb());
    p.setBoolean(first + 2, r.createRole());
    p.setBoolean(first + 3, r.inherit());
    p.setBoolean(first + 4, r.canLogin());
    p.setInt(first + 5, r.connectionLimit());
    if (r.validUntil() == null) {
      p.setNull(first + 6, java.sql.Types.BIGINT);
    } else {
      p.setLong(first + 6, r.validUntil().toEpochMilli());
    }
    p.setString(first + 7, r.scramVerifier());
  }

  private void insertMember(int role, int member, boolean admin) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("INSERT INTO role_members VALUES (?, ?, ?)")) {
      p.setInt(1, role);
      p.setInt(2, member);
      p.setBoolean(3, admin);
      p.executeUpdate();
    }
  }

  private void deleteMember(int role, int member) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(
        "DELETE FROM role_members WHERE role_oid = ? AND member_oid = ?")) {
      p.setInt(1, role);
      p.setInt(2, member);
      p.executeUpdate();
    }
  }

  /** Runs one change as one transaction, then refreshes the snapshot. */
  private void change(CatalogTransactions.Change change) {
    CatalogTransactions.run(db, change, this::reload);
  }

  private static PgException failure(SQLException e) {
    return CatalogTransactions.failure(e);
  }

  @Override
  public void close() throws SQLException {
    databases.close();
    grants.close();
    db.close();
  }
}
