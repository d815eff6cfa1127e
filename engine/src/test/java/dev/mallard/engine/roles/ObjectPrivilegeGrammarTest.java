package dev.mallard.engine.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.engine.roles.RoleStatement.DefaultPrivileges;
import dev.mallard.engine.roles.RoleStatement.ObjectPrivileges;
import dev.mallard.engine.roles.RoleStatement.ObjectType;
import dev.mallard.engine.roles.RoleStatement.RoleSpec;
import dev.mallard.wire.error.PgException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectPrivilegeGrammarTest {
  private static ObjectPrivileges parse(String sql) {
    return (ObjectPrivileges) RoleStatementParser.parse(sql);
  }

  @Test
  void grantOnTablesSchemasAndDatabases() {
    ObjectPrivileges g = parse("GRANT SELECT, INSERT ON TABLE s.t, u TO alice, PUBLIC WITH GRANT OPTION");
    assertTrue(g.grant());
    assertEquals(List.of("SELECT", "INSERT"), g.privileges());
    assertEquals(ObjectType.TABLE, g.type());
    assertEquals(List.of(List.of("s", "t"), List.of("u")), g.objects());
    assertEquals(List.of(RoleSpec.named("alice"), new RoleSpec("public", false)), g.grantees());
    assertTrue(g.grantOption());
    assertEquals(ObjectType.ALL_TABLES_IN_SCHEMA,
        parse("GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO r").type());
    assertEquals(List.of(), parse("GRANT ALL ON SCHEMA s TO r").privileges());
    assertEquals(List.of("TEMPORARY", "CONNECT"),
        parse("GRANT TEMP, CONNECT ON DATABASE \"Sales\" TO r").privileges());
    assertEquals(List.of(List.of("Sales")),
        parse("GRANT CONNECT ON DATABASE \"Sales\" TO r").objects());
  }

  @Test
  void revokeWithGrantOptionForAndCascade() {
    ObjectPrivileges r = parse("REVOKE GRANT OPTION FOR UPDATE ON t FROM bob CASCADE");
    assertEquals(false, r.grant());
    assertTrue(r.grantOption());
    assertEquals(List.of("UPDATE"), r.privileges());
    assertEquals("REVOKE", r.commandTag());
  }

  @Test
  void alterDefaultPrivileges() {
    DefaultPrivileges d = (DefaultPrivileges) RoleStatementParser.parse(
        "ALTER DEFAULT PRIVILEGES FOR ROLE owner1 IN SCHEMA s1, s2 GRANT SELECT ON TABLES TO reader");
    assertEquals(List.of("owner1"), d.forRoles());
    assertEquals(List.of("s1", "s2"), d.schemas());
    assertEquals(List.of("SELECT"), d.change().privileges());
    assertEquals("ALTER DEFAULT PRIVILEGES", d.commandTag());
  }

  @Test
  void unsupportedFormsAreFeatureNotSupported() {
    for (String sql : List.of("GRANT SELECT (a) ON t TO r", "GRANT USAGE ON SEQUENCE s TO r",
        "ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO r")) {
      assertEquals("0A000", assertThrows(PgException.class,
          () -> RoleStatementParser.parse(sql)).sqlState(), sql);
    }
    assertEquals("42601", assertThrows(PgException.class,
        () -> RoleStatementParser.parse("GRANT SELECT ON t")).sqlState());
  }
}
