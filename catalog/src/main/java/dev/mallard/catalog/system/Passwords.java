package dev.mallard.catalog.system;

import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.regex.Pattern;

/**
 * Turns the PASSWORD of a role statement into what the system catalog stores: only a
 * SCRAM-SHA-256 verifier, never the password. As PostgreSQL decides in get_password_type(), a
 * well-formed verifier (psql's \password sends one) is kept as given and anything else is a
 * plaintext password to hash.
 */
public final class Passwords {
  private static final Pattern MD5 = Pattern.compile("md5[0-9a-fA-F]{32}");

  private Passwords() {}

  /**
   * The verifier to store for a PASSWORD value, or null for PASSWORD NULL and for an empty
   * password (PostgreSQL clears the password for '' too).
   *
   * @throws PgException 0A000 for an MD5 hash, which cannot be converted
   */
  public static String verifier(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (MD5.matcher(value).matches()) {
      // An MD5 hash is md5(password || username): without the password there is no way to make
      // the SCRAM verifier that SCRAM authentication needs, and Mallard offers no MD5 login.
      throw new PgException(PgException.Severity.ERROR, SqlState.FEATURE_NOT_SUPPORTED,
          "MD5-encrypted passwords are not supported",
          "Mallard stores only SCRAM-SHA-256 verifiers and cannot derive one from an MD5 hash.",
          "Give the password in clear (over TLS) or as a SCRAM-SHA-256 verifier, for example"
              + " with psql's \\password.", 0, null);
    }
    if (value.startsWith("SCRAM-SHA-256$")) {
      try {
        ScramVerifier.parse(value);
        return value;
      } catch (IllegalArgumentException e) {
        // not a valid verifier: PostgreSQL then takes the text as a plaintext password
      }
    }
    return ScramVerifier.create(value).encode();
  }
}
