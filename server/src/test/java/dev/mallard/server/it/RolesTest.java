package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.server.MallardConfig;
import dev.mallard.server.MallardServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Role statements and login rules through pgjdbc over real sockets: roles created with SQL log
 * in, NOLOGIN, VALID UNTIL and CONNECTION LIMIT are enforced, PostgreSQL's authorization rules
 * and SQLSTATEs hold, and everything survives a restart on the same data directory.
 */
class RolesTest {
  static final String SUPERUSER_PASSWORD = "roles-test-secret";
  static Path dataDir;
  static MallardServer server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    dataDir = Files.createTempDirectory("mallard-roles");
    startServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void startServer() throws Exception {
    MallardConfig d = MallardConfig.defaults();
    MallardConfig config = new MallardConfig("127.0.0.1", 0, dataDir, "postgres", d.tls(),
        d.limits(), List.of(new MallardConfig.User("configured", "from-config", null, false)),
        new MallardConfig.Metrics(null, 0), new MallardConfig.DuckDb(TestServer.extensionDirectory()));
    server = new MallardServer(config, SUPERUSER_PASSWORD);
    port = server.start();
  }

  static Connection connect(String user, String password) throws SQLException {
    return connect("postgres", user, password);
  }

  static Connection connect(String database, String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?sslmode=disable", p);
  }

  static void asSuperuser(String... statements) throws SQLException {
    try (Connection c = connect("postgres", SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static SQLException failure(Executable e) {
    return assertThrows(SQLException.class, e);
  }

  static String sqlState(Executable e) {
    return failure(e).getSQLState();
  }

  static int one(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Logs in and runs a query: the login worked end to end. */
  static void assertLogsIn(String user, String password) throws SQLException {
    try (Connection c = connect(user, password)) {
      assertEquals(42, one(c));
    }
  }

  @Test
  void createdRoleLogsInWithItsPassword() throws Exception {
    asSuperuser("CREATE ROLE alice WITH LOGIN PASSWORD 'alice-pw'");
    assertLogsIn("alice", "alice-pw");
    assertEquals("28P01", sqlState(() -> connect("alice", "wrong")));
    assertEquals("42710", sqlState(() -> asSuperuser("CREATE ROLE alice")));
  }

  @Test
  void noLoginRoleIsRefusedAfterItsPassword() throws Exception {
    asSuperuser("CREATE ROLE nologin_r PASSWORD 'pw'", "CREATE USER login_u PASSWORD 'pw'");
    SQLException e = failure(() -> connect("nologin_r", "pw"));
    assertEquals("28000", e.getSQLState());
    assertTrue(e.getMessage().contains("role \"nologin_r\" is not permitted to log in"), e.getMessage());
    // a wrong password says nothing about the role
    assertEquals("28P01", sqlState(() -> connect("nologin_r", "bad")));
    assertLogsIn("login_u", "pw"); // CREATE USER means LOGIN
    asSuperuser("ALTER ROLE nologin_r LOGIN");
    assertLogsIn("nologin_r", "pw");
  }

  @Test
  void passedValidUntilFailsAuthentication() throws Exception {
    asSuperuser("CREATE USER expired PASSWORD 'pw' VALID UNTIL '2001-02-03 04:05:06+00'");
    assertEquals("28P01", sqlState(() -> connect("expired", "pw")));
    asSuperuser("ALTER USER expired VALID UNTIL 'infinity'");
    assertLogsIn("expired", "pw");
    asSuperuser("ALTER USER expired VALID UNTIL '2999-01-01'");
    assertLogsIn("expired", "pw");
    assertEquals("22007", sqlState(() -> asSuperuser("ALTER USER expired VALID UNTIL 'soon'")));
  }

  @Test
  void connectionLimitPerRoleExemptsSuperusers() throws Exception {
    asSuperuser("CREATE USER limited PASSWORD 'pw' CONNECTION LIMIT 1",
        "CREATE USER boss SUPERUSER PASSWORD 'pw' CONNECTION LIMIT 0");
    try (Connection first = connect("limited", "pw")) {
      SQLException e = failure(() -> connect("limited", "pw"));
      assertEquals("53300", e.getSQLState());
      assertTrue(e.getMessage().contains("too many connections for role \"limited\""), e.getMessage());
      assertEquals(42, one(first));
    }
    awaitLogin("limited", "pw"); // the slot frees when the server sees the first one close
    try (Connection a = connect("boss", "pw"); Connection b = connect("boss", "pw")) {
      assertEquals(42, one(a) + one(b) - 42);
    }
    assertEquals("22023", sqlState(() -> asSuperuser("ALTER ROLE limited CONNECTION LIMIT -2")));
  }

  private static void awaitLogin(String user, String password) throws Exception {
    for (int i = 0; ; i++) {
      try (Connection c = connect(user, password)) {
        return;
      } catch (SQLException e) {
        if (!"53300".equals(e.getSQLState()) || i > 50) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  void passwordChangeAppliesToTheNextLogin() throws Exception {
    asSuperuser("CREATE USER changer PASSWORD 'old-pw'", "CREATE USER bystander PASSWORD 'pw'");
    try (Connection open = connect("changer", "old-pw")) {
      asSuperuser("ALTER ROLE changer PASSWORD 'new-pw'");
      assertEquals(42, one(open), "an open session goes on");
    }
    assertEquals("28P01", sqlState(() -> connect("changer", "old-pw")));
    assertLogsIn("changer", "new-pw");
    // anyone may change their own password, and nothing else about themselves
    try (Connection self = connect("changer", "new-pw"); Statement s = self.createStatement()) {
      s.execute("ALTER USER CURRENT_USER WITH ENCRYPTED PASSWORD 'own-pw'");
      assertEquals("42501", sqlState(() -> s.execute("ALTER USER changer CREATEDB")));
      assertEquals("42501", sqlState(() -> s.execute("ALTER USER bystander PASSWORD 'x'")));
    }
    assertLogsIn("changer", "own-pw");
    asSuperuser("ALTER ROLE changer PASSWORD NULL");
    assertEquals("28P01", sqlState(() -> connect("changer", "own-pw")));
  }

  @Test
  void passwordsAreStoredOnlyAsScramVerifiers() throws Exception {
    // psql's \password sends a verifier computed by the client: it is stored as given
    String verifier = dev.mallard.auth.scram.ScramVerifier.create("given-pw").encode();
    asSuperuser("CREATE USER verified PASSWORD '" + verifier + "'",
        "CREATE USER plaintext PASSWORD 'plain-secret-4711'");
    assertLogsIn("verified", "given-pw");
    assertLogsIn("plaintext", "plain-secret-4711");
    SQLException md5 = failure(
        () -> asSuperuser("CREATE USER hashed PASSWORD 'md5" + "0123456789abcdef".repeat(2) + "'"));
    assertEquals("0A000", md5.getSQLState());
    assertTrue(md5.getMessage().contains("MD5-encrypted passwords are not supported"), md5.getMessage());
    assertEquals(0, roleCount("hashed"));
    for (String file : new String[] {"catalog.duckdb", "catalog.duckdb.wal"}) {
      Path path = dataDir.resolve("system").resolve(file);
      if (Files.exists(path)) {
        String bytes = new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("plain-secret-4711"), file);
      }
    }
  }

  static int roleCount(String name) throws SQLException {
    try (Connection c = connect("postgres", SUPERUSER_PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT count(*) FROM __mallard.pg.mallard_roles WHERE rolname = '" + name + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void nonSuperusersAreLimitedAsInPostgres() throws Exception {
    asSuperuser("CREATE USER plain PASSWORD 'pw'", "CREATE USER manager CREATEROLE PASSWORD 'pw'",
        "CREATE ROLE victim");
    try (Connection c = connect("plain", "pw"); Statement s = c.createStatement()) {
      assertEquals("42501", sqlState(() -> s.execute("CREATE ROLE nope")));
      assertEquals("42501", sqlState(() -> s.execute("DROP ROLE victim")));
      assertEquals("42501", sqlState(() -> s.execute("GRANT victim TO plain")));
    }
    try (Connection c = connect("manager", "pw"); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE managed NOLOGIN CONNECTION LIMIT 3");
      s.execute("ALTER ROLE managed RENAME TO managed2");
      SQLException su = failure(() -> s.execute("CREATE ROLE wannabe SUPERUSER"));
      assertEquals("42501", su.getSQLState());
      assertTrue(su.getMessage().contains("must be superuser to create superusers"), su.getMessage());
      assertEquals("42501", sqlState(() -> s.execute("ALTER ROLE postgres PASSWORD 'x'")));
      SQLException replication = failure(() -> s.execute("CREATE ROLE copier REPLICATION"));
      assertTrue(replication.getMessage().contains("must be superuser to create replication users"),
          replication.getMessage());
      assertEquals("42501", sqlState(() -> s.execute("DROP ROLE postgres")));
      assertEquals("55006", sqlState(() -> s.execute("DROP ROLE manager")));
      s.execute("DROP ROLE managed2, victim");
    }
    assertEquals("42704", sqlState(() -> asSuperuser("DROP ROLE victim")));
    asSuperuser("DROP ROLE IF EXISTS victim");
    // pg_dumpall's form: accepted from a superuser; Mallard keeps no REPLICATION or BYPASSRLS
    asSuperuser("CREATE ROLE dumped", "ALTER ROLE dumped WITH NOSUPERUSER INHERIT NOCREATEROLE"
        + " NOCREATEDB NOLOGIN REPLICATION BYPASSRLS", "DROP ROLE dumped");
    assertEquals("42939", sqlState(() -> asSuperuser("CREATE ROLE pg_mine")));
    assertEquals("42939", sqlState(() -> asSuperuser("CREATE ROLE public")));
    assertEquals("42601", sqlState(() -> asSuperuser("CREATE ROLE x WITH LOGIN NOLOGIN")));
    assertEquals("42601", sqlState(() -> asSuperuser("CREATE ROLE x WITH FLY")));
  }

  @Test
  void membershipAdminOptionAndLoops() throws Exception {
    asSuperuser("CREATE ROLE readers NOINHERIT", "CREATE USER member1 PASSWORD 'pw'",
        "CREATE USER member2 PASSWORD 'pw'", "GRANT readers TO member1");
    try (Connection c = connect("member1", "pw"); Statement s = c.createStatement()) {
      SQLException e = failure(() -> s.execute("GRANT readers TO member2"));
      assertEquals("42501", e.getSQLState());
      assertTrue(e.getMessage().contains("must have admin option on role \"readers\""), e.getMessage());
    }
    try (Connection c = connect("member1", "pw"); Statement s = c.createStatement()) {
      assertEquals("42501", sqlState(() -> s.execute("GRANT readers TO member2 GRANTED BY postgres")));
    }
    // pg_dumpall writes GRANTED BY; a superuser may name any grantor
    asSuperuser("GRANT readers TO member1 WITH ADMIN OPTION GRANTED BY member2");
    try (Connection c = connect("member1", "pw"); Statement s = c.createStatement()) {
      s.execute("GRANT readers TO member2");
    }
    assertEquals("0LP01", sqlState(() -> asSuperuser("GRANT member1 TO readers")));
    assertEquals("0LP01", sqlState(() -> asSuperuser("GRANT readers TO readers")));
    assertEquals(List.of("member1:true", "member2:false"), members("readers"));
    asSuperuser("REVOKE ADMIN OPTION FOR readers FROM member1");
    assertEquals(List.of("member1:false", "member2:false"), members("readers"));
    asSuperuser("REVOKE readers FROM member1, member2");
    assertEquals(List.of(), members("readers"));
  }

  /** Members of a role as every tenant's pg_catalog emulation holds them. */
  static List<String> members(String role) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect("postgres", SUPERUSER_PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT m.rolname, a.admin_option"
            + " FROM __mallard.pg.mallard_auth_members a"
            + " JOIN __mallard.pg.mallard_roles r ON r.oid = a.roleid"
            + " JOIN __mallard.pg.mallard_roles m ON m.oid = a.member"
            + " WHERE r.rolname = '" + role + "' ORDER BY 1")) {
      while (rs.next()) {
        out.add(rs.getString(1) + ":" + rs.getBoolean(2));
      }
    }
    return out;
  }

  @Test
  void aSessionKeepsItsRoleAcrossARename() throws Exception {
    asSuperuser("CREATE USER renamed_admin CREATEROLE PASSWORD 'pw'");
    try (Connection c = connect("renamed_admin", "pw"); Statement s = c.createStatement()) {
      assertEquals("0A000", sqlState(() -> s.execute("ALTER ROLE renamed_admin RENAME TO x")));
      asSuperuser("ALTER ROLE renamed_admin RENAME TO admin_now");
      s.execute("CREATE ROLE made_after_rename"); // still CREATEROLE: the session holds the OID
      assertEquals("55006", sqlState(() -> s.execute("DROP ROLE admin_now")));
    }
    assertEquals(1, roleCount("made_after_rename"));
    assertEquals("28P01", sqlState(() -> connect("renamed_admin", "pw")));
    assertLogsIn("admin_now", "pw"); // SCRAM verifiers do not depend on the name
  }

  @Test
  void roleStatementsApplyAtOnceEvenInATransactionBlock() throws Exception {
    try (Connection c = connect("postgres", SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("CREATE USER in_tx PASSWORD 'pw'");
      c.rollback();
    }
    assertLogsIn("in_tx", "pw"); // documented: the system catalog is not part of the transaction
  }

  @Test
  void everyOpenTenantSeesRoleChangesAndTheyOutliveARestart() throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("other.duckdb"))) {
      duck.createStatement().execute("CREATE TABLE t (a INTEGER)");
    }
    try (Connection other = connect("other", "postgres", SUPERUSER_PASSWORD);
        Statement s = other.createStatement()) {
      asSuperuser("CREATE ROLE shown CREATEDB NOINHERIT CONNECTION LIMIT 7"
          + " VALID UNTIL '2100-01-01 00:00:00+00' PASSWORD 'pw'");
      try (ResultSet rs = s.executeQuery("SELECT rolsuper, rolcanlogin, rolinherit, rolcreatedb,"
          + " rolconnlimit, rolhaspassword, CAST(rolvaliduntil AS VARCHAR), oid >= 16384"
          + " FROM __mallard.pg.mallard_roles WHERE rolname = 'shown'")) {
        assertTrue(rs.next());
        assertEquals("false false false true 7 true 2100-01-01 00:00:00+00 true",
            rs.getBoolean(1) + " " + rs.getBoolean(2) + " " + rs.getBoolean(3) + " "
                + rs.getBoolean(4) + " " + rs.getInt(5) + " " + rs.getBoolean(6) + " "
                + rs.getString(7) + " " + rs.getBoolean(8));
      }
    }
    asSuperuser("CREATE USER durable PASSWORD 'first'", "ALTER USER durable PASSWORD 'second'",
        "ALTER USER configured PASSWORD 'changed-by-sql'");
    server.close();
    startServer();
    assertLogsIn("durable", "second");
    assertLogsIn("configured", "changed-by-sql"); // SQL wins over the configuration after bootstrap
    assertEquals("28P01", sqlState(() -> connect("durable", "first")));
    assertLogsIn("postgres", SUPERUSER_PASSWORD);
  }

  record Psql(int exitCode, String out, String err) {}

  /**
   * Runs psql as {@code user}, feeding {@code stdin}. setsid leaves psql without a controlling
   * terminal, so its password prompts (\password) read standard input, as they do in scripts.
   */
  static Psql psql(String user, String password, String stdin, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("setsid", "psql", "-X", "-h", "127.0.0.1", "-p",
        Integer.toString(port), "-U", user, "-d", "postgres", "-v", "ON_ERROR_STOP=1"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PGPASSWORD", password);
    pb.environment().put("PGSSLMODE", "disable");
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    Path in = Files.createTempFile("psql", ".in");
    Path out = Files.createTempFile("psql", ".out");
    Path err = Files.createTempFile("psql", ".err");
    Files.writeString(in, stdin);
    pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("psql timed out");
    }
    return new Psql(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void psqlCreatesAUserThatLogsInAndChangesItsPasswordWithBackslashPassword() throws Exception {
    Psql created = psql("postgres", SUPERUSER_PASSWORD, "",
        "-c", "CREATE USER psql_user PASSWORD 'first-pw'", "-c", "CREATE ROLE psql_group",
        "-c", "GRANT psql_group TO psql_user", "-c", "REVOKE psql_group FROM psql_user",
        "-c", "ALTER ROLE psql_group RENAME TO psql_group2", "-c", "DROP ROLE psql_group2");
    assertEquals(0, created.exitCode(), created.err());
    assertEquals("CREATE ROLE\nCREATE ROLE\nGRANT ROLE\nREVOKE ROLE\nALTER ROLE\nDROP ROLE\n",
        created.out());

    Psql login = psql("psql_user", "first-pw", "", "-At", "-c", "SELECT 'in as psql_user'");
    assertEquals(0, login.exitCode(), login.err());
    assertEquals("in as psql_user\n", login.out());

    // \password hashes on the client and sends ALTER USER ... PASSWORD 'SCRAM-SHA-256$...'
    Psql changed = psql("psql_user", "first-pw", "second-pw\nsecond-pw\n", "-c", "\\password psql_user");
    assertEquals(0, changed.exitCode(), changed.err());
    assertEquals("28P01", sqlState(() -> connect("psql_user", "first-pw")));
    assertLogsIn("psql_user", "second-pw");

    Psql notices = psql("postgres", SUPERUSER_PASSWORD, "", "-c", "DROP ROLE IF EXISTS nobody_here",
        "-c", "CREATE ROLE psql_g", "-c", "GRANT psql_g TO psql_user", "-c",
        "GRANT psql_g TO psql_user", "-c", "REVOKE psql_g FROM psql_user", "-c",
        "REVOKE psql_g FROM psql_user", "-c", "ALTER ROLE psql_g PASSWORD ''");
    assertEquals(0, notices.exitCode(), notices.err());
    assertEquals("NOTICE:  role \"nobody_here\" does not exist, skipping\n"
        + "NOTICE:  role \"psql_user\" is already a member of role \"psql_g\"\n"
        + "WARNING:  role \"psql_user\" is not a member of role \"psql_g\"\n"
        + "NOTICE:  empty string is not a valid password, clearing password\n", notices.err());

    Psql refused = psql("psql_user", "second-pw", "", "-c", "CREATE ROLE not_allowed");
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("permission denied to create role"), refused.err());
  }
}
