package dev.mallard.catalog.system;

import dev.mallard.catalog.Role;
import java.time.Instant;

/**
 * The attributes a CREATE ROLE or ALTER ROLE statement sets; null (or "not given") leaves an
 * attribute as it is, or at PostgreSQL's default for a new role.
 */
public record RoleAttributes(
    Boolean superuser,
    Boolean createDb,
    Boolean createRole,
    Boolean inherit,
    Boolean canLogin,
    Integer connectionLimit,
    boolean validUntilGiven,
    Instant validUntil,
    boolean passwordGiven,
    String scramVerifier) {

  public static RoleAttributes none() {
    return new RoleAttributes(null, null, null, null, null, null, false, null, false, null);
  }

  public RoleAttributes withSuperuser(boolean v) {
    return new RoleAttributes(v, createDb, createRole, inherit, canLogin, connectionLimit,
        validUntilGiven, validUntil, passwordGiven, scramVerifier);
  }

  public RoleAttributes withCreateDb(boolean v) {
    return new RoleAttributes(superuser, v, createRole, inherit, canLogin, connectionLimit,
        validUntilGiven, validUntil, passwordGiven, scramVerifier);
  }

  public RoleAttributes withCreateRole(boolean v) {
    return new RoleAttributes(superuser, createDb, v, inherit, canLogin, connectionLimit,
        validUntilGiven, validUntil, passwordGiven, scramVerifier);
  }

  public RoleAttributes withInherit(boolean v) {
    return new RoleAttributes(superuser, createDb, createRole, v, canLogin, connectionLimit,
        validUntilGiven, validUntil, passwordGiven, scramVerifier);
  }

  public RoleAttributes withLogin(boolean v) {
    return new RoleAttributes(superuser, createDb, createRole, inherit, v, connectionLimit,
        validUntilGiven, validUntil, passwordGiven, scramVerifier);
  }

  public RoleAttributes withConnectionLimit(int v) {
    return new RoleAttributes(superuser, createDb, createRole, inherit, canLogin, v,
        validUntilGiven, validUntil, passwordGiven, scramVerifier);
  }

  /** VALID UNTIL; null means 'infinity'. */
  public RoleAttributes withValidUntil(Instant v) {
    return new RoleAttributes(superuser, createDb, createRole, inherit, canLogin, connectionLimit,
        true, v, passwordGiven, scramVerifier);
  }

  /** PASSWORD: a SCRAM verifier, or null for PASSWORD NULL. */
  public RoleAttributes withPassword(String verifier) {
    return new RoleAttributes(superuser, createDb, createRole, inherit, canLogin, connectionLimit,
        validUntilGiven, validUntil, true, verifier);
  }

  /** True when the statement changes anything beyond the password. */
  public boolean changesMoreThanPassword() {
    return superuser != null || createDb != null || createRole != null || inherit != null
        || canLogin != null || connectionLimit != null || validUntilGiven;
  }

  /** {@code base} with these attributes applied. */
  public Role applyTo(Role base) {
    return new Role(
        base.oid(),
        base.name(),
        superuser != null ? superuser : base.superuser(),
        createDb != null ? createDb : base.createDb(),
        createRole != null ? createRole : base.createRole(),
        inherit != null ? inherit : base.inherit(),
        canLogin != null ? canLogin : base.canLogin(),
        connectionLimit != null ? connectionLimit : base.connectionLimit(),
        validUntilGiven ? validUntil : base.validUntil(),
        passwordGiven ? scramVerifier : base.scramVerifier());
  }

  /** A new role: PostgreSQL's defaults (NOSUPERUSER ... INHERIT), login as given, then these. */
  public Role newRole(String name, boolean loginByDefault) {
    return applyTo(new Role(0, name, false, false, false, true, loginByDefault, -1, null, null));
  }
}
