package dev.mallard.engine.roles;

import dev.mallard.catalog.system.RoleAttributes;
import java.util.List;

/**
 * A parsed role statement (PostgreSQL's CREATE/ALTER/DROP ROLE, their USER and GROUP spellings,
 * and GRANT/REVOKE of role membership). These change the server-wide system catalog, not a
 * tenant, so they never reach DuckDB.
 */
public sealed interface RoleStatement {

  /** The CommandComplete tag PostgreSQL sends: USER and GROUP spellings report ROLE. */
  String commandTag();

  /**
   * A role named in a statement: a name, or CURRENT_USER / CURRENT_ROLE / SESSION_USER, which
   * Mallard resolves to the session's user (there is no SET ROLE yet).
   */
  record RoleSpec(String name, boolean current) {
    static RoleSpec named(String name) {
      return new RoleSpec(name, false);
    }

    String resolve(String sessionUser) {
      return current ? sessionUser : name;
    }
  }

  /**
   * A password as given: plaintext or a verifier text, or null for PASSWORD NULL. Its toString
   * hides the value, so a statement can never leak it into a log.
   */
  record Password(String value) {
    @Override
    public String toString() {
      return value == null ? "Password[NULL]" : "Password[redacted]";
    }
  }

  /**
   * The options of CREATE/ALTER ROLE. {@code attributes} holds every attribute but the password
   * and VALID UNTIL, which need converting at execution (hashing; the session's time zone).
   *
   * @param password null when not given
   * @param validUntil the VALID UNTIL text, null when not given
   * @param replication [NO]REPLICATION, null when not given; accepted but not kept, since
   *     Mallard has no replication connections; as in PostgreSQL only a superuser may give it
   * @param bypassRls [NO]BYPASSRLS likewise (Mallard has no row security)
   */
  record Options(RoleAttributes attributes, Password password, String validUntil,
      Boolean replication, Boolean bypassRls, List<String> inRoles, List<String> members,
      List<String> admins) {

    boolean onlyPassword() {
      return password != null && !attributes.changesMoreThanPassword() && validUntil == null
          && replication == null && bypassRls == null;
    }
  }

  /** CREATE ROLE / USER / GROUP; {@code login} is the default of LOGIN (true for USER). */
  record Create(String name, boolean login, Options options) implements RoleStatement {
    @Override
    public String commandTag() {
      return "CREATE ROLE";
    }
  }

  record Alter(RoleSpec role, Options options) implements RoleStatement {
    @Override
    public String commandTag() {
      return "ALTER ROLE";
    }
  }

  record Rename(String name, String newName) implements RoleStatement {
    @Override
    public String commandTag() {
      return "ALTER ROLE";
    }
  }

  record Drop(boolean ifExists, List<String> names) implements RoleStatement {
    @Override
    public String commandTag() {
      return "DROP ROLE";
    }
  }

  /**
   * GRANT roles TO members; also ALTER GROUP g ADD USER u (tagged ALTER ROLE).
   *
   * @param grantedBy the GRANTED BY role, or null
   */
  record Grant(List<String> roles, List<RoleSpec> members, boolean admin, RoleSpec grantedBy,
      String commandTag) implements RoleStatement {}

  /**
   * REVOKE [ADMIN OPTION FOR] roles FROM members; also ALTER GROUP g DROP USER u.
   *
   * @param adminOptionOnly keep the membership, take away only its ADMIN OPTION
   */
  record Revoke(List<String> roles, List<RoleSpec> members, boolean adminOptionOnly,
      RoleSpec grantedBy, String commandTag) implements RoleStatement {}

  /** What GRANT/REVOKE ... ON names. */
  enum ObjectType { TABLE, ALL_TABLES_IN_SCHEMA, SCHEMA, DATABASE }

  /**
   * GRANT privileges ON objects TO grantees, or REVOKE ... FROM. A grantee named {@code public}
   * (unquoted) is PUBLIC.
   *
   * @param privileges privilege names in upper case; empty for ALL [PRIVILEGES]
   * @param objects each object's name parts as written (schema.table, or one name)
   * @param grantOption WITH GRANT OPTION (GRANT) or GRANT OPTION FOR (REVOKE)
   */
  record ObjectPrivileges(boolean grant, List<String> privileges, ObjectType type,
      List<List<String>> objects, List<RoleSpec> grantees, boolean grantOption,
      RoleSpec grantedBy) implements RoleStatement {
    @Override
    public String commandTag() {
      return grant ? "GRANT" : "REVOKE";
    }
  }

  /**
   * ALTER DEFAULT PRIVILEGES [FOR ROLE roles] [IN SCHEMA schemas] GRANT/REVOKE ... ON TABLES.
   *
   * @param forRoles empty for the session's role
   * @param schemas empty for every schema
   * @param change the GRANT or REVOKE, with no objects
   */
  record DefaultPrivileges(List<String> forRoles, List<String> schemas, ObjectPrivileges change)
      implements RoleStatement {
    @Override
    public String commandTag() {
      return "ALTER DEFAULT PRIVILEGES";
    }
  }
}
