package dev.mallard.server.it;

import static dev.mallard.server.it.AuthzServer.failure;
import static dev.mallard.server.it.AuthzServer.one;
import static dev.mallard.server.it.AuthzServer.run;
import static dev.mallard.server.it.TestServer.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Object privileges end to end through pgjdbc and psql: GRANT/REVOKE on tables, ALL TABLES IN
 * SCHEMA, schemas and databases; owners; membership inheritance (INHERIT and NOINHERIT); default
 * privileges; WITH GRANT OPTION; and has_*_privilege, information_schema.table_privileges and
 * psql's \dp reporting the same grants that are enforced.
 */
class PrivilegesTest {
  static AuthzServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new AuthzServer("privileges");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Connection as(String user) throws SQLException {
    return server.connect(user, user + "-pw");
  }

  private static void user(String name) throws SQLException {
    server.asSuperuser("CREATE USER " + name + " PASSWORD '" + name + "-pw'");
  }

  private static void assertDenied(String message, Connection c, String sql) {
    SQLException e = failure(() -> run(c, sql));
    assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  private static void runAll(Connection c, String... statements) throws SQLException {
    for (String sql : statements) {
      run(c, sql);
    }
  }

  @Test
  void selectGrantAllowsReadingAndNothingElse() throws Exception {
    user("alice");
    server.asSuperuser("CREATE TABLE accounts (id INTEGER, owner VARCHAR)",
        "INSERT INTO accounts VALUES (1, 'a'), (2, 'b')");
    try (Connection alice = as("alice")) {
      assertDenied("permission denied for table accounts", alice, "SELECT * FROM accounts");
      server.asSuperuser("GRANT SELECT ON accounts TO alice");
      assertEquals("2", one(alice, "SELECT count(*) FROM accounts"));
      assertDenied("permission denied for table accounts", alice, "INSERT INTO accounts VALUES (3, 'c')");
      assertDenied("permission denied for table accounts", alice, "DELETE FROM accounts");
      assertDenied("must be owner of table accounts", alice, "DROP TABLE accounts");
      assertEquals(List.of("t", "f"), List.of(
          one(alice, "SELECT has_table_privilege('accounts', 'SELECT')"),
          one(alice, "SELECT has_table_privilege('alice', 'public.accounts', 'INSERT')")));
      server.asSuperuser("REVOKE SELECT ON TABLE accounts FROM alice");
      assertDenied("permission denied for table accounts", alice, "SELECT * FROM accounts");
      assertEquals("f", one(alice, "SELECT has_table_privilege('accounts', 'SELECT')"));
    }
    try (Connection su = server.superuser()) {
      assertEquals("2", one(su, "SELECT count(*) FROM accounts"), "nothing was changed");
    }
  }

  @Test
  void dataModifyingCtesNeedThePrivilegesOfEachPart() throws Exception {
    user("wanda");
    server.asSuperuser("CREATE TABLE queue (id INTEGER)", "INSERT INTO queue VALUES (1), (2)",
        "CREATE TABLE done (id INTEGER)", "GRANT SELECT ON queue TO wanda");
    String move = "WITH taken AS (DELETE FROM queue WHERE id = 1 RETURNING id)"
        + " INSERT INTO done SELECT id FROM taken";
    try (Connection wanda = as("wanda")) {
      assertDenied("permission denied for table queue", wanda,
          "WITH d AS (DELETE FROM queue RETURNING id) SELECT count(*) FROM d");
      server.asSuperuser("GRANT DELETE ON queue TO wanda");
      assertDenied("permission denied for table done", wanda, move);
      server.asSuperuser("GRANT INSERT ON done TO wanda");
      run(wanda, move);
    }
    try (Connection su = server.superuser()) {
      assertEquals(List.of("2"), column(su, "SELECT id FROM queue"));
      assertEquals(List.of("1"), column(su, "SELECT id FROM done"));
    }
  }

  @Test
  void membershipGrantsArriveThroughInheritanceOnly() throws Exception {
    user("bob");
    server.asSuperuser("CREATE USER carol NOINHERIT PASSWORD 'carol-pw'",
        "CREATE ROLE readers", "CREATE TABLE reports (n INTEGER)", "INSERT INTO reports VALUES (7)",
        "GRANT SELECT ON reports TO readers", "GRANT readers TO bob, carol");
    try (Connection bob = as("bob"); Connection carol = as("carol")) {
      assertEquals("7", one(bob, "SELECT n FROM reports"));
      assertDenied("permission denied for table reports", carol, "SELECT n FROM reports");
      assertEquals("f", one(carol, "SELECT has_table_privilege('reports', 'SELECT')"));
      server.asSuperuser("REVOKE readers FROM bob");
      assertDenied("permission denied for table reports", bob, "SELECT n FROM reports");
    }
  }

  @Test
  void schemaNeedsUsageAndAllTablesInSchemaCoversEachTable() throws Exception {
    user("dave");
    server.asSuperuser("CREATE SCHEMA sales", "CREATE TABLE sales.q1 (v INTEGER)",
        "CREATE TABLE sales.q2 (v INTEGER)", "INSERT INTO sales.q2 VALUES (5)",
        "GRANT SELECT ON ALL TABLES IN SCHEMA sales TO dave");
    try (Connection dave = as("dave")) {
      assertDenied("permission denied for schema sales", dave, "SELECT * FROM sales.q2");
      assertEquals("f", one(dave, "SELECT has_schema_privilege('sales', 'USAGE')"));
      server.asSuperuser("GRANT USAGE ON SCHEMA sales TO dave");
      assertEquals("t", one(dave, "SELECT has_schema_privilege('sales', 'USAGE')"));
      assertEquals("5", one(dave, "SELECT v FROM sales.q2"));
      assertEquals("0", one(dave, "SELECT count(*) FROM sales.q1"));
      assertDenied("permission denied for schema sales", dave, "CREATE TABLE sales.mine (x INTEGER)");
    }
  }

  @Test
  void ownersCreateAndDropWhatTheyOwnAndDefaultPrivilegesApply() throws Exception {
    user("erin");
    user("frank");
    try (Connection erin = as("erin"); Connection frank = as("frank")) {
      assertDenied("permission denied for schema public", erin, "CREATE TABLE notes (t VARCHAR)");
      server.asSuperuser("GRANT CREATE ON SCHEMA public TO erin");
      run(erin, "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO frank");
      run(erin, "CREATE TABLE notes (t VARCHAR)");
      run(erin, "INSERT INTO notes VALUES ('hello')");
      assertEquals("hello", one(frank, "SELECT t FROM notes"), "default privilege for frank");
      assertDenied("permission denied for table notes", frank, "UPDATE notes SET t = 'x'");
      assertDenied("must be owner of table notes", frank, "DROP TABLE notes");
      assertDenied("must be owner of table notes", frank, "ALTER TABLE notes ADD COLUMN y INTEGER");
      assertDenied("permission denied for table notes", frank, "GRANT SELECT ON notes TO frank");
      run(erin, "GRANT UPDATE ON notes TO frank WITH GRANT OPTION");
      run(frank, "UPDATE notes SET t = 'changed'");
      assertEquals("changed", one(erin, "SELECT t FROM notes"));
      try (Connection su = server.superuser()) {
        assertEquals("erin=arwdDxt/erin,frank=rw*/erin",
            one(su, "SELECT array_to_string(relacl, ',') FROM pg_class WHERE relname = 'notes'"));
        // the owner psql's \dt and \d show
        assertEquals("erin", one(su, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'notes'"));
        assertEquals("postgres", one(su, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'"));
      }
      run(erin, "DROP TABLE notes");
      server.asSuperuser("CREATE TABLE notes (t VARCHAR)");
      assertDenied("permission denied for table notes", frank, "SELECT * FROM notes");
    }
  }

  @Test
  void renamedTablesKeepTheirOwnerAndGrants() throws Exception {
    user("judy");
    user("kurt");
    server.asSuperuser("GRANT CREATE ON SCHEMA public TO judy");
    try (Connection judy = as("judy"); Connection kurt = as("kurt")) {
      runAll(judy, "CREATE TABLE drafts (t VARCHAR)", "INSERT INTO drafts VALUES ('d')",
          "GRANT SELECT ON drafts TO kurt", "ALTER TABLE drafts RENAME TO published");
      assertEquals("d", one(kurt, "SELECT t FROM published"), "kurt's grant followed the table");
      assertDenied("permission denied for table published", kurt, "DELETE FROM published");
      assertDenied("must be owner of table published", kurt,
          "ALTER TABLE published RENAME TO stolen");
      runAll(judy, "ALTER TABLE published ADD COLUMN n INTEGER",
          "CREATE VIEW recent AS SELECT t FROM published", "ALTER TABLE recent RENAME TO latest");
      try (Connection su = server.superuser()) {
        assertEquals("judy=arwdDxt/judy,kurt=r/judy",
            one(su, "SELECT array_to_string(relacl, ',') FROM pg_class WHERE relname = 'published'"));
      }
      assertDenied("must be owner of", kurt, "DROP VIEW latest");
      runAll(judy, "DROP VIEW latest", "DROP TABLE published"); // only the owner may
    }
  }

  @Test
  void rolesOwningObjectsOrHoldingPrivilegesCannotBeDropped() throws Exception {
    user("lena");
    user("mike");
    server.asSuperuser("GRANT CREATE ON SCHEMA public TO lena");
    try (Connection lena = as("lena")) {
      runAll(lena, "CREATE TABLE diary (t VARCHAR)", "GRANT SELECT ON diary TO mike");
    }
    try (Connection su = server.superuser()) {
      SQLException owner = failure(() -> run(su, "DROP ROLE lena"));
      assertEquals("2BP01", owner.getSQLState());
      assertTrue(owner.getMessage().contains("role \"lena\" cannot be dropped because some objects"
          + " depend on it"), owner.getMessage());
      assertTrue(owner.getMessage().contains("owner of table diary"), owner.getMessage());
      SQLException grantee = failure(() -> run(su, "DROP ROLE mike"));
      assertEquals("2BP01", grantee.getSQLState());
      assertTrue(grantee.getMessage().contains("privileges for table diary"), grantee.getMessage());
      runAll(su, "REVOKE SELECT ON diary FROM mike", "DROP ROLE mike", "DROP TABLE diary",
          "REVOKE CREATE ON SCHEMA public FROM lena", "DROP ROLE lena");
      assertEquals("0", one(su, "SELECT count(*) FROM pg_roles WHERE rolname IN ('lena', 'mike')"));
    }
  }

  @Test
  void psqlDpAndInformationSchemaShowTheGrants() throws Exception {
    user("gina");
    server.asSuperuser("CREATE TABLE ledger (amount INTEGER)", "GRANT SELECT, INSERT ON ledger TO gina",
        "GRANT SELECT ON ledger TO PUBLIC");
    PsqlMetaCommandTest.Result dp = PsqlMetaCommandTest.psql(
        server.psqlTarget("postgres", AuthzServer.SUPERUSER_PASSWORD), "-c", "\\dp ledger");
    assertEquals(0, dp.exitCode(), dp.err());
    assertTrue(dp.out().contains("postgres=arwdDxt/postgres"), dp.out());
    assertTrue(dp.out().contains("gina=ar/postgres"), dp.out());
    assertTrue(dp.out().contains("=r/postgres"), dp.out());
    try (Connection gina = as("gina")) {
      assertEquals(List.of("INSERT", "SELECT"), column(gina, "SELECT privilege_type"
          + " FROM information_schema.table_privileges WHERE table_name = 'ledger'"
          + " AND grantee = 'gina' ORDER BY 1"));
      assertEquals("t", one(gina, "SELECT has_table_privilege('ledger', 'INSERT')"));
      List<String> jdbc = new java.util.ArrayList<>();
      try (java.sql.ResultSet rs = gina.getMetaData().getTablePrivileges(null, "public", "ledger")) {
        while (rs.next()) {
          jdbc.add(rs.getString("GRANTEE") + ":" + rs.getString("PRIVILEGE") + ":" + rs.getString("GRANTOR"));
        }
      }
      assertTrue(jdbc.contains("gina:INSERT:postgres") && jdbc.contains("PUBLIC:SELECT:postgres"),
          jdbc.toString());
      run(gina, "INSERT INTO ledger VALUES (10)");
      assertDenied("permission denied for table ledger", gina, "DELETE FROM ledger");
    }
  }

  @Test
  void tablePrivilegesShowOnlyTheCurrentRolesGrants() throws Exception {
    user("nora");
    user("omar");
    server.asSuperuser("CREATE ROLE auditors", "GRANT auditors TO omar",
        "CREATE TABLE vault (v INTEGER)", "GRANT SELECT ON vault TO nora",
        "GRANT UPDATE ON vault TO auditors", "GRANT DELETE ON vault TO PUBLIC");
    String sql = "SELECT grantee || ':' || privilege_type FROM information_schema.%s"
        + " WHERE table_name = 'vault' AND privilege_type IN ('SELECT', 'UPDATE', 'DELETE')"
        + " ORDER BY 1";
    try (Connection nora = as("nora"); Connection omar = as("omar");
        Connection su = server.superuser()) {
      assertEquals(List.of("PUBLIC:DELETE", "nora:SELECT"),
          column(nora, String.format(sql, "table_privileges")));
      assertEquals(List.of("PUBLIC:DELETE", "auditors:UPDATE"),
          column(omar, String.format(sql, "table_privileges")));
      assertEquals(List.of("auditors:UPDATE"), column(omar, String.format(sql, "role_table_grants")),
          "as in PostgreSQL, PUBLIC's grants are not the role's");
      assertEquals(List.of("PUBLIC:DELETE", "auditors:UPDATE", "nora:SELECT", "postgres:DELETE",
          "postgres:SELECT", "postgres:UPDATE"), column(su, String.format(sql, "table_privileges")));
    }
  }

  @Test
  void connectPrivilegeIsCheckedAtLogin() throws Exception {
    user("henry");
    server.asSuperuser("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC");
    try {
      SQLException e = failure(() -> as("henry").close());
      assertEquals("42501", e.getSQLState());
      assertTrue(e.getMessage().contains("permission denied for database \"postgres\""), e.getMessage());
      server.asSuperuser("GRANT CONNECT ON DATABASE postgres TO henry");
      try (Connection henry = as("henry")) {
        assertEquals("t", one(henry, "SELECT has_database_privilege('postgres', 'CONNECT')"));
      }
    } finally {
      server.asSuperuser("GRANT CONNECT ON DATABASE postgres TO PUBLIC");
    }
  }

  /**
   * psql's and pgjdbc's catalog queries must pass the analysis for a role that is not a
   * superuser (psql writes OPERATOR(pg_catalog.~), which JSQLParser cannot read by itself).
   */
  @Test
  void clientCatalogQueriesWorkForOrdinaryRoles() throws Exception {
    user("ivan");
    server.asSuperuser("CREATE TABLE gadgets (id INTEGER PRIMARY KEY, label VARCHAR)",
        "GRANT SELECT ON gadgets TO ivan");
    for (String command : List.of("\\dt", "\\d gadgets", "\\dt gad*", "\\dp gadgets", "\\dn", "\\du")) {
      PsqlMetaCommandTest.Result r = PsqlMetaCommandTest.psql(
          server.psqlTarget("ivan", "ivan-pw"), "-c", command);
      assertEquals(0, r.exitCode(), command + ": " + r.err());
      assertEquals("", r.err(), command);
    }
    assertTrue(PsqlMetaCommandTest.psql(server.psqlTarget("ivan", "ivan-pw"), "-c", "\\d gadgets")
        .out().contains("Table \"public.gadgets\""));
    try (Connection ivan = as("ivan")) {
      List<String> columns = new java.util.ArrayList<>();
      try (java.sql.ResultSet rs = ivan.getMetaData().getColumns(null, "public", "gadgets", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME"));
        }
      }
      assertEquals(List.of("id", "label"), columns);
      try (java.sql.ResultSet rs = ivan.getMetaData().getPrimaryKeys(null, "public", "gadgets")) {
        assertTrue(rs.next());
        assertEquals("id", rs.getString("COLUMN_NAME"));
      }
    }
  }

  /** The read-only role pattern README documents. */
  @Test
  void readOnlyRolePattern() throws Exception {
    server.asSuperuser("CREATE TABLE metrics (v INTEGER)", "INSERT INTO metrics VALUES (1)",
        "CREATE ROLE readonly NOLOGIN",
        "GRANT CONNECT ON DATABASE postgres TO readonly",
        "GRANT USAGE ON SCHEMA public TO readonly",
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO readonly",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO readonly",
        "CREATE USER analyst PASSWORD 'analyst-pw' IN ROLE readonly");
    server.asSuperuser("CREATE TABLE metrics_later (v INTEGER)");
    try (Connection analyst = as("analyst")) {
      assertEquals("1", one(analyst, "SELECT v FROM metrics"));
      assertEquals("0", one(analyst, "SELECT count(*) FROM metrics_later"));
      assertDenied("permission denied for table metrics", analyst, "INSERT INTO metrics VALUES (2)");
      assertDenied("permission denied for table metrics_later", analyst, "TRUNCATE metrics_later");
      assertDenied("permission denied for schema public", analyst, "CREATE TABLE mine (x INTEGER)");
    }
  }
}
