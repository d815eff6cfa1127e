package dev.mallard.engine.authz;

import dev.mallard.catalog.system.PrivilegeObject;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;

/** The 42501 errors authorization and the sandbox raise, worded as PostgreSQL words them. */
public final class Denials {
  private Denials() {}

  /** "permission denied for table t" (schema s, database d). */
  public static PgException on(PrivilegeObject object) {
    return new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
        "permission denied for " + object.kindWord() + " " + object.displayName());
  }

  /** "must be owner of table t", PostgreSQL's message for DROP and ALTER by a non-owner. */
  public static PgException notOwner(PrivilegeObject object) {
    return new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
        "must be owner of " + object.kindWord() + " " + object.displayName());
  }

  /** A sandbox refusal: what was refused and why, for a role that is not a superuser. */
  public static PgException sandbox(String what) {
    return new PgException(PgException.Severity.ERROR, SqlState.INSUFFICIENT_PRIVILEGE,
        "permission denied: " + what,
        null, "Only superusers may do this in Mallard.", 0, null);
  }
}
