package dev.mallard.catalog.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.catalog.Role;
import dev.mallard.catalog.RoleDirectory;
import dev.mallard.wire.error.PgException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemCatalogTest {
  @TempDir Path dir;

  private static String sqlState(Runnable r) {
    return assertThrows(PgException.class, r::run).sqlState();
  }

  @Test
  void rolesSurviveARestart() throws Exception {
    Instant until = Instant.parse("2030-01-01T00:00:00Z");
    try (SystemCatalog c = SystemCatalog.open(dir)) {
      assertTrue(c.ensureRole(new Role("postgres", true, true, "v0").withOid(Role.BOOTSTRAP_OID)));
      assertFalse(c.ensureRole(new Role("postgres", false, false, null)));
      c.createRole("analyst", RoleAttributes.none().withCreateDb(true).withConnectionLimit(3)
          .withValidUntil(until).withPassword("SCRAM-SHA-256$x"), true, List.of());
    }
    try (SystemCatalog c = SystemCatalog.open(dir)) {
      Role postgres = c.find("postgres").orElseThrow();
      assertEquals(Role.BOOTSTRAP_OID, postgres.oid());
      assertNull(postgres.validUntil(), "no VALID UNTIL reads back as none, not as 1970");
      assertTrue(postgres.superuser());
      Role analyst = c.find("analyst").orElseThrow();
      assertTrue(analyst.oid() >= 16384);
      assertTrue(analyst.createDb());
      assertFalse(analyst.superuser());
      assertTrue(analyst.canLogin());
      assertTrue(analyst.inherit());
      assertEquals(3, analyst.connectionLimit());
      assertEquals(until, analyst.validUntil());
      assertEquals("SCRAM-SHA-256$x", analyst.scramVerifier());
    }
  }

  @Test
  void alterChangesOnlyWhatItNames() {
    try (SystemCatalog c = SystemCatalog.open(dir)) {
      c.createRole("r", RoleAttributes.none().withPassword("v1").withCreateRole(true), false,
          List.of());
      Role r = c.alterRole("r", RoleAttributes.none().withLogin(true).withPassword(null));
      assertTrue(r.canLogin());
      assertTrue(r.createRole());
      assertNull(r.scramVerifier());
      assertEquals(r, c.find("r").orElseThrow());
      c.renameRole("r", "s");
      assertTrue(c.find("r").isEmpty());
      assertEquals(r.oid(), c.find("s").orElseThrow().oid());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void errorsUsePostgresSqlStates() throws Exception {
    try (SystemCatalog c = SystemCatalog.open(dir)) {
      c.ensureRole(new Role("postgres", true, true, null).withOid(Role.BOOTSTRAP_OID));
      c.createRole("a", RoleAttributes.none(), false, List.of());
      assertEquals("42710", sqlState(() -> c.createRole("a", RoleAttributes.none(), false, List.of())));
      assertEquals("42939", sqlState(() -> c.createRole("pg_x", RoleAttributes.none(), false, List.of())));
      assertEquals("42704", sqlState(() -> c.alterRole("nobody", RoleAttributes.none())));
      assertEquals("42704", sqlState(() -> c.dropRole("nobody", false)));
      assertFalse(c.dropRole("nobody", true));
      assertEquals("2BP01", sqlState(() -> c.dropRole("postgres", false)));
    }
  }

  @Test
  void membershipIsTransitiveAndInheritanceFollowsInherit() throws Exception {
    try (SystemCatalog c = SystemCatalog.open(dir)) {
      c.createRole("readers", RoleAttributes.none(), false, List.of());
      c.createRole("analysts", RoleAttributes.none(), false, List.of("readers"));
      c.createRole("ann", RoleAttributes.none(), true, List.of());
      c.createRole("bob", RoleAttributes.none().withInherit(false), true, List.of());
      c.grantMembership("analysts", "ann", false);
      c.grantMembership("analysts", "bob", true);
      assertEquals(Set.of("analysts", "readers"), c.memberOf("ann"));
      assertEquals(Set.of("ann", "analysts", "readers"), c.privilegeRoles("ann"));
      assertEquals(Set.of("bob"), c.privilegeRoles("bob"), "NOINHERIT uses only its own privileges");
      assertTrue(c.hasAdminOption("analysts", "bob"));
      assertFalse(c.hasAdminOption("analysts", "ann"));
      assertEquals("0LP01", sqlState(() -> c.grantMembership("ann", "readers", false)));
      assertTrue(c.revokeMembership("analysts", "ann"));
      assertFalse(c.revokeMembership("analysts", "ann"));
      assertEquals(Set.of(), c.memberOf("ann"));
      assertTrue(c.dropRole("analysts", false));
      assertEquals(Set.of(), c.memberOf("bob"));
    }
  }

  @Test
  void createWithMembersGrantAllOrNothingAndAdminOption() throws Exception {
    try (SystemCatalog c = SystemCatalog.open(dir)) {
      c.createRole("m1", RoleAttributes.none(), true, List.of());
      c.createRole("m2", RoleAttributes.none(), true, List.of());
      Role team = c.createRole("team", RoleAttributes.none(), false, List.of(), List.of("m1"),
          List.of("m2"));
      int m1 = c.find("m1").orElseThrow().oid();
      int m2 = c.find("m2").orElseThrow().oid();
      assertEquals(Set.of(new RoleDirectory.Membership(team.oid(), m1, false),
          new RoleDirectory.Membership(team.oid(), m2, true)), Set.copyOf(c.memberships()));
      assertEquals("team", c.find(team.oid()).orElseThrow().name());

      // m1 is a member of team: granting m1 to team would loop, so nothing of it is granted
      c.createRole("other", RoleAttributes.none(), false, List.of());
      PgException loop = assertThrows(PgException.class,
          () -> c.grantMemberships(List.of("other", "m1"), List.of("team"), false));
      assertEquals("0LP01", loop.sqlState());
      assertEquals("role \"m1\" is a member of role \"team\"", loop.getMessage());
      assertEquals(Set.of(), c.memberOf("team"));

      c.grantMembership("team", "m2", false); // without ADMIN OPTION: keeps the one m2 has
      assertTrue(c.hasAdminOption("team", "m2"));
      assertTrue(c.revokeAdminOption("team", "m2"));
      assertFalse(c.hasAdminOption("team", "m2"));
      assertEquals(Set.of("team"), c.memberOf("m2"));
      assertEquals("42939", sqlState(() -> c.renameRole("team", "pg_team")));
    }
  }
}
