package dev.mallard.auth.scram;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;

/**
 * The errors a SCRAM exchange ends with, worded as PostgreSQL's {@code auth-scram.c} words them so
 * clients and log readers see familiar text. All are FATAL: a failed authentication ends the
 * connection.
 */
final class ScramErrors {
  private ScramErrors() {}

  /** A message that does not follow RFC 5802's grammar. */
  static PgException malformed(String detail) {
    return fatal(SqlState.PROTOCOL_VIOLATION, "malformed SCRAM message", detail);
  }

  static PgException protocolViolation(String message) {
    return fatal(SqlState.PROTOCOL_VIOLATION, message, null);
  }

  static PgException protocolViolation(String message, String detail) {
    return fatal(SqlState.PROTOCOL_VIOLATION, message, detail);
  }

  static PgException featureNotSupported(String message) {
    return fatal(SqlState.FEATURE_NOT_SUPPORTED, message, null);
  }

  /** The one error for a wrong proof or an unknown user, so the two look the same. */
  static PgException passwordFailed(String user) {
    return fatal(
        SqlState.INVALID_PASSWORD,
        "password authentication failed for user \"" + user + "\"",
        null);
  }

  static PgException channelBindingNegotiation() {
    return fatal(
        SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
        "SCRAM channel binding negotiation error",
        "The client supports SCRAM channel binding but thinks the server does not.  However, this"
            + " server does support channel binding.");
  }

  private static PgException fatal(String sqlState, String message, String detail) {
    return new PgException(PgException.Severity.FATAL, sqlState, message, detail, null, 0, null);
  }
}
