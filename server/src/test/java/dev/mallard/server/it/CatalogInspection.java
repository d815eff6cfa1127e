package dev.mallard.server.it;

import dev.mallard.server.it.CatalogModel.Membership;
import dev.mallard.server.it.CatalogModel.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reads what the system catalog really holds, through the server and in its DuckDB file. */
final class CatalogInspection {
  private CatalogInspection() {}

  static Connection connect(int port, String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable", p);
  }

  /** The workload's roles and their memberships as pg_roles and pg_auth_members show them. */
  static CatalogModel shown(Connection c) throws SQLException {
    Map<String, Role> roles = new TreeMap<>();
    Map<Membership, Boolean> members = new TreeMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT rolname, rolcanlogin, rolcreatedb, rolconnlimit"
          + " FROM pg_roles WHERE rolname LIKE '" + RoleChanges.PREFIX + "%'")) {
        while (rs.next()) {
          roles.put(rs.getString(1), new Role(rs.getBoolean(2), rs.getBoolean(3), rs.getInt(4), null));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT r.rolname, m.rolname, a.admin_option"
          + " FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid"
          + " JOIN pg_roles m ON m.oid = a.member"
          + " WHERE m.rolname LIKE '" + RoleChanges.PREFIX + "%'")) {
        while (rs.next()) {
          members.put(new Membership(rs.getString(1), rs.getString(2)), rs.getBoolean(3));
        }
      }
    }
    return new CatalogModel(roles, members);
  }

  /**
   * Structural faults in the catalog as clients see it: memberships naming a role that does not
   * exist. Empty when consistent.
   */
  static List<String> danglingMemberships(Connection c) throws SQLException {
    List<String> faults = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT roleid, member FROM pg_auth_members WHERE roleid NOT IN (SELECT oid FROM pg_roles)"
            + " OR member NOT IN (SELECT oid FROM pg_roles)")) {
      while (rs.next()) {
        faults.add("pg_auth_members row " + rs.getLong(1) + " -> " + rs.getLong(2));
      }
    }
    return faults;
  }

  /**
   * Structural faults in the catalog's DuckDB file itself, read from a copy while the server is
   * down (its snapshot in memory would hide, say, two rows with one role name): duplicate role
   * names or OIDs, duplicate or dangling memberships. Empty when consistent.
   */
  static List<String> fileFaults(Path dataDir) throws IOException, SQLException {
    Path copy = Files.createTempDirectory("mallard-catalog-copy");
    Path source = dataDir.resolve("system");
    for (String name : new String[] {"catalog.duckdb", "catalog.duckdb.wal"}) {
      if (Files.exists(source.resolve(name))) {
        Files.copy(source.resolve(name), copy.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<String> faults = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + copy.resolve("catalog.duckdb"));
        Statement s = db.createStatement()) {
      collect(s, faults, "duplicate role name ",
          "SELECT name FROM roles GROUP BY name HAVING count(*) > 1");
      collect(s, faults, "duplicate role oid ",
          "SELECT oid FROM roles GROUP BY oid HAVING count(*) > 1");
      collect(s, faults, "duplicate membership ", "SELECT role_oid || '/' || member_oid"
          + " FROM role_members GROUP BY role_oid, member_oid HAVING count(*) > 1");
      collect(s, faults, "dangling membership ", "SELECT role_oid || '/' || member_oid"
          + " FROM role_members WHERE role_oid NOT IN (SELECT oid FROM roles)"
          + " OR member_oid NOT IN (SELECT oid FROM roles)");
    } finally {
      try (var files = Files.list(copy)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(copy);
    }
    return faults;
  }

  private static void collect(Statement s, List<String> faults, String label, String sql)
      throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        faults.add(label + rs.getString(1));
      }
    }
  }

  /**
   * Whether every role of the model logs in with its password as its attributes say: LOGIN roles
   * get a session as themselves, NOLOGIN roles are refused with 28000 after the password.
   */
  static boolean loginsAgree(int port, CatalogModel model) {
    for (Map.Entry<String, Role> e : model.roles().entrySet()) {
      String name = e.getKey();
      Role role = e.getValue();
      try (Connection c = connect(port, name, role.password());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_user")) {
        if (!role.login() || !rs.next() || !name.equals(rs.getString(1))) {
          return false;
        }
      } catch (SQLException ex) {
        if (role.login() || !"28000".equals(ex.getSQLState())) {
          return false;
        }
      }
    }
    return true;
  }
}
