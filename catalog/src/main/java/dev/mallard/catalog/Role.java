package dev.mallard.catalog;

import java.time.Instant;

/**
 * A role as the server knows it, with PostgreSQL's attributes (pg_authid). The password is kept
 * only as PostgreSQL's SCRAM-SHA-256 verifier text ({@code
 * SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}), never in clear; null means no password.
 *
 * @param oid the role's OID (10 for the bootstrap superuser, as in PostgreSQL)
 * @param connectionLimit sessions the role may have at once; -1 for no limit
 * @param validUntil when the password stops working; null for never
 */
public record Role(
    int oid,
    String name,
    boolean superuser,
    boolean createDb,
    boolean createRole,
    boolean inherit,
    boolean canLogin,
    int connectionLimit,
    Instant validUntil,
    String scramVerifier) {

  /** OID of the bootstrap superuser, as in PostgreSQL. */
  public static final int BOOTSTRAP_OID = 10;

  /** A login role with default attributes (a superuser also gets CREATEDB and CREATEROLE). */
  public Role(String name, boolean superuser, boolean canLogin, String scramVerifier) {
    this(0, name, superuser, superuser, superuser, true, canLogin, -1, null, scramVerifier);
  }

  public Role withOid(int newOid) {
    return new Role(newOid, name, superuser, createDb, createRole, inherit, canLogin,
        connectionLimit, validUntil, scramVerifier);
  }

  /** True when the password may be used at {@code now} (VALID UNTIL not passed). */
  public boolean passwordValidAt(Instant now) {
    return validUntil == null || now.isBefore(validUntil);
  }

  @Override
  public String toString() {
    return "Role[" + name + (superuser ? ", superuser" : "") + (canLogin ? ", login" : "") + "]";
  }
}
