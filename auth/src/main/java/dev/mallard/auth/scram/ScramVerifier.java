package dev.mallard.auth.scram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role's stored SCRAM-SHA-256 secret, exactly as PostgreSQL keeps it in {@code
 * pg_authid.rolpassword}: {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}. The
 * password itself is never stored; StoredKey lets the server check a client's proof and ServerKey
 * lets it prove itself back (RFC 5802 section 3). Keeping PostgreSQL's format means verifiers can
 * be copied between Mallard and PostgreSQL in either direction.
 *
 * <p>The byte arrays are copied in and out, so an instance is immutable.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
  /** PostgreSQL's default {@code scram_iterations}. */
  public static final int DEFAULT_ITERATIONS = 4096;

  /** PostgreSQL's SCRAM_DEFAULT_SALT_LEN. */
  public static final int DEFAULT_SALT_LENGTH = 16;

  private static final String MECHANISM = "SCRAM-SHA-256";
  private static final Pattern ENCODED =
      Pattern.compile("SCRAM-SHA-256\\$([0-9]{1,10}):([^$:]+)\\$([^$:]+):([^$:]+)");
  private static final SecureRandom SALT_SOURCE = new SecureRandom();

  public ScramVerifier {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive: " + iterations);
    }
    Objects.requireNonNull(salt, "salt");
    if (salt.length == 0) {
      throw new IllegalArgumentException("salt must not be empty");
    }
    requireKeyLength(storedKey, "storedKey");
    requireKeyLength(serverKey, "serverKey");
    salt = salt.clone();
    storedKey = storedKey.clone();
    serverKey = serverKey.clone();
  }

  /**
   * A verifier for {@code password} with a fresh random salt and the default iteration count.
   *
   * @throws IllegalArgumentException if the password is empty: PostgreSQL treats an empty password
   *     as "no password" and never stores a verifier for it
   */
  public static ScramVerifier create(String password) {
    byte[] salt = new byte[DEFAULT_SALT_LENGTH];
    SALT_SOURCE.nextBytes(salt);
    return create(password, salt, DEFAULT_ITERATIONS);
  }

  /** A verifier for {@code password} with the given salt and iteration count. */
  public static ScramVerifier create(String password, byte[] salt, int iterations) {
    Objects.requireNonNull(password, "password");
    if (password.isEmpty()) {
      throw new IllegalArgumentException("an empty password cannot have a SCRAM verifier");
    }
    return fromPreparedPassword(SaslPrep.prepare(password), salt, iterations);
  }

  /**
   * Parses PostgreSQL's text form.
   *
   * @throws IllegalArgumentException if {@code encoded} is not a well-formed SCRAM-SHA-256 secret
   */
  public static ScramVerifier parse(String encoded) {
    Objects.requireNonNull(encoded, "encoded");
    Matcher m = ENCODED.matcher(encoded);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a SCRAM-SHA-256 secret");
    }
    long iterations = Long.parseLong(m.group(1));
    if (iterations > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("iteration count out of range: " + iterations);
    }
    Base64.Decoder b64 = Base64.getDecoder();
    return new ScramVerifier(
        (int) iterations, b64.decode(m.group(2)), b64.decode(m.group(3)), b64.decode(m.group(4)));
  }

  /** {@code SCRAM-SHA-256$<iterations>:<base64 salt>$<base64 StoredKey>:<base64 ServerKey>}. */
  public String encode() {
    Base64.Encoder b64 = Base64.getEncoder();
    return MECHANISM
        + "$"
        + iterations
        + ":"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(storedKey)
        + ":"
        + b64.encodeToString(serverKey);
  }

  /**
   * Checks a cleartext password (AuthenticationCleartextPassword) against this verifier the way
   * PostgreSQL's {@code scram_verify_plain_password} does: derive ServerKey and compare in constant
   * time. An empty password never matches.
   */
  public boolean verifyPassword(String password) {
    return password != null && verifyPassword(password.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link #verifyPassword(String)}, for the password bytes exactly as the client sent them. */
  public boolean verifyPassword(byte[] password) {
    if (password == null || password.length == 0) {
      return false;
    }
    byte[] salted = ScramCrypto.hi(SaslPrep.prepare(password), salt, iterations);
    return MessageDigest.isEqual(ScramCrypto.serverKey(salted), serverKey);
  }

  /**
   * Checks a cleartext password against a role's verifier. Without one (no such role, or no
   * password) the same key derivation runs against a stand-in that matches nothing, so the time
   * taken does not tell whether the role exists, as the SCRAM exchange's mock verifier ensures.
   */
  public static boolean verifyPassword(ScramVerifier verifierOrNull, String user, String password) {
    if (verifierOrNull != null) {
      return verifierOrNull.verifyPassword(password);
    }
    mock(user, ScramServerExchange.ProcessSecret.VALUE).verifyPassword(password);
    return false;
  }

  /**
   * The stand-in verifier for a role that does not exist or has no SCRAM secret, as PostgreSQL's
   * {@code scram_mock_salt}: the salt is derived from the user name and a server secret so repeated
   * attempts see the same salt, like a real role's. Its keys match no password.
   */
  static ScramVerifier mock(String user, byte[] serverSecret) {
    byte[] userBytes = user.getBytes(StandardCharsets.UTF_8);
    byte[] salt =
        Arrays.copyOf(ScramCrypto.sha256(concat(userBytes, serverSecret)), DEFAULT_SALT_LENGTH);
    byte[] keySeed =
        ScramCrypto.hmac(
            serverSecret, concat("mock:".getBytes(StandardCharsets.US_ASCII), userBytes));
    byte[] storedKey = ScramCrypto.hmac(keySeed, "stored".getBytes(StandardCharsets.US_ASCII));
    byte[] serverKey = ScramCrypto.hmac(keySeed, "server".getBytes(StandardCharsets.US_ASCII));
    return new ScramVerifier(DEFAULT_ITERATIONS, salt, storedKey, serverKey);
  }

  static ScramVerifier fromPreparedPassword(byte[] preparedPassword, byte[] salt, int iterations) {
    Objects.requireNonNull(salt, "salt");
    if (iterations < 1 || salt.length == 0) {
      throw new IllegalArgumentException("salt must not be empty and iterations must be positive");
    }
    byte[] salted = ScramCrypto.hi(preparedPassword, salt, iterations);
    byte[] storedKey = ScramCrypto.sha256(ScramCrypto.clientKey(salted));
    return new ScramVerifier(iterations, salt, storedKey, ScramCrypto.serverKey(salted));
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] storedKey() {
    return storedKey.clone();
  }

  @Override
  public byte[] serverKey() {
    return serverKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScramVerifier v
        && iterations == v.iterations
        && Arrays.equals(salt, v.salt)
        && MessageDigest.isEqual(storedKey, v.storedKey)
        && MessageDigest.isEqual(serverKey, v.serverKey);
  }

  @Override
  public int hashCode() {
    return 31 * iterations + Arrays.hashCode(salt);
  }

  /** Leaves the keys out: they are as sensitive as a password hash. */
  @Override
  public String toString() {
    return "ScramVerifier[iterations="
        + iterations
        + ", salt="
        + Base64.getEncoder().encodeToString(salt)
        + "]";
  }

  private static void requireKeyLength(byte[] key, String name) {
    Objects.requireNonNull(key, name);
    if (key.length != ScramCrypto.KEY_LENGTH) {
      throw new IllegalArgumentException(
          name + " must be " + ScramCrypto.KEY_LENGTH + " bytes, not " + key.length);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
