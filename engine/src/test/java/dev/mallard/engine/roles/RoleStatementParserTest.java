package dev.mallard.engine.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.engine.StatementClassifier;
import dev.mallard.engine.StatementKind;
import dev.mallard.engine.roles.RoleStatement.RoleSpec;
import dev.mallard.wire.error.PgException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleStatementParserTest {
  private static RoleStatement parse(String sql) {
    return RoleStatementParser.parse(sql);
  }

  private static PgException error(String sql) {
    return assertThrows(PgException.class, () -> parse(sql));
  }

  @Test
  void createRoleWithEveryOption() {
    RoleStatement.Create c = assertInstanceOf(RoleStatement.Create.class, parse(
        "CREATE ROLE \"Mixed\" WITH SUPERUSER NOCREATEDB CREATEROLE NOINHERIT LOGIN REPLICATION"
            + " NOBYPASSRLS CONNECTION LIMIT 5 ENCRYPTED PASSWORD 'it''s' VALID UNTIL 'infinity'"
            + " IN ROLE a, b ROLE c ADMIN d SYSID 7;"));
    assertEquals("Mixed", c.name());
    assertFalse(c.login(), "CREATE ROLE defaults to NOLOGIN");
    RoleStatement.Options o = c.options();
    assertEquals(true, o.attributes().superuser());
    assertEquals(false, o.attributes().createDb());
    assertEquals(true, o.attributes().createRole());
    assertEquals(false, o.attributes().inherit());
    assertEquals(true, o.attributes().canLogin());
    assertEquals(5, o.attributes().connectionLimit());
    assertEquals(true, o.replication());
    assertEquals(false, o.bypassRls());
    assertEquals("it's", o.password().value());
    assertEquals("infinity", o.validUntil());
    assertEquals(List.of("a", "b"), o.inRoles());
    assertEquals(List.of("c"), o.members());
    assertEquals(List.of("d"), o.admins());
    assertEquals("CREATE ROLE", c.commandTag());
  }

  @Test
  void createUserLogsInByDefaultAndPasswordsAreNeverPrinted() {
    RoleStatement.Create c = assertInstanceOf(RoleStatement.Create.class,
        parse("create user bob password E'se\\x63ret\\n'"));
    assertTrue(c.login());
    assertEquals("secret\n", c.options().password().value());
    assertFalse(c.toString().contains("secret"), c.toString());
    assertNull(assertInstanceOf(RoleStatement.Create.class,
        parse("CREATE GROUP g PASSWORD NULL")).options().password().value());
    assertEquals("$x$", assertInstanceOf(RoleStatement.Create.class,
        parse("CREATE USER u PASSWORD $a$$x$$a$")).options().password().value());
  }

  @Test
  void alterRenameDropGrantRevoke() {
    RoleStatement.Alter a = assertInstanceOf(RoleStatement.Alter.class,
        parse("ALTER USER CURRENT_USER PASSWORD 'x'"));
    assertEquals("me", a.role().resolve("me"));
    assertTrue(a.options().onlyPassword());
    assertFalse(assertInstanceOf(RoleStatement.Alter.class,
        parse("ALTER ROLE r WITH NOLOGIN PASSWORD 'x'")).options().onlyPassword());
    assertEquals(new RoleStatement.Rename("a", "b"), parse("ALTER ROLE a RENAME TO b"));
    assertEquals(new RoleStatement.Drop(true, List.of("a", "b")), parse("DROP USER IF EXISTS a, B"));
    assertEquals(new RoleStatement.Grant(List.of("r1", "r2"),
        List.of(RoleSpec.named("m"), new RoleSpec(null, true)), true, new RoleSpec(null, true),
        "GRANT ROLE"),
        parse("GRANT r1, r2 TO GROUP m, CURRENT_USER WITH ADMIN OPTION GRANTED BY CURRENT_ROLE"));
    assertEquals(new RoleStatement.Revoke(List.of("r"), List.of(RoleSpec.named("m")), true,
        RoleSpec.named("postgres"), "REVOKE ROLE"),
        parse("REVOKE ADMIN OPTION FOR r FROM m GRANTED BY postgres CASCADE"));
    assertEquals(new RoleStatement.Grant(List.of("g"), List.of(RoleSpec.named("u")), false,
        null, "ALTER ROLE"), parse("ALTER GROUP g ADD USER u"));
  }

  @Test
  void errorsAreThoseOfPostgres() {
    PgException e = error("CREATE ROLE r WITH FLY");
    assertEquals("42601", e.sqlState());
    assertEquals("unrecognized role option \"fly\"", e.getMessage()); // PostgreSQL 15's words
    assertEquals(20, e.position());
    assertEquals("42601", error("CREATE ROLE r LOGIN NOLOGIN").sqlState()); // conflicting options
    assertEquals("42601", error("CREATE ROLE").sqlState());
    assertEquals("syntax error at or near \"5\"", error("CREATE ROLE r LOGIN 5").getMessage());
    assertEquals("0A000", error("ALTER ROLE r IN DATABASE d SET x = 1").sqlState());
    assertEquals("42601", error("ALTER ROLE r ADMIN x").sqlState());
    assertEquals("42601", error("CREATE ROLE r PASSWORD $1").sqlState());
    assertEquals("42601", error("CREATE ROLE r CONNECTION LIMIT x").sqlState());
    assertEquals("42939", error("CREATE ROLE public").sqlState());
    assertEquals("42939", error("CREATE ROLE current_user").sqlState());
    assertEquals("0A000", error("CREATE ROLE r UNENCRYPTED PASSWORD 'x'").sqlState());
    assertEquals("0A000", error("ALTER ROLE r SET work_mem = 1").sqlState());
  }

  @Test
  void classifierRoutesOnlyRoleStatements() {
    assertEquals(StatementKind.ROLE, StatementClassifier.classify("GRANT a TO b").kind());
    assertEquals(StatementKind.ROLE, StatementClassifier.classify("drop user if exists u").kind());
    // Object privileges are the system catalog's too, tagged as PostgreSQL tags them.
    assertEquals(StatementKind.ROLE,
        StatementClassifier.classify("GRANT SELECT ON t TO b").kind());
    assertEquals("GRANT", StatementClassifier.classify("GRANT SELECT ON t TO b").commandTag(0));
    assertEquals("ALTER DEFAULT PRIVILEGES", StatementClassifier.classify(
        "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO b").commandTag(0));
    assertEquals(StatementKind.DDL,
        StatementClassifier.classify("CREATE USER MAPPING FOR u SERVER s").kind());
    assertEquals(StatementKind.DDL, StatementClassifier.classify("CREATE TABLE role (a int)").kind());
    assertEquals("CREATE ROLE", StatementClassifier.classify("CREATE USER u").commandTag(0));
    assertEquals("DROP ROLE", StatementClassifier.classify("DROP GROUP g").commandTag(0));
    assertEquals("ALTER ROLE", StatementClassifier.classify("ALTER USER u LOGIN").commandTag(0));
    assertEquals("GRANT ROLE", StatementClassifier.classify("GRANT a TO b").commandTag(0));
    assertEquals("REVOKE ROLE", StatementClassifier.classify("REVOKE a FROM b").commandTag(0));
  }
}
