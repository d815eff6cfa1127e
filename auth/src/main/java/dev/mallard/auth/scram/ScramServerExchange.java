package dev.mallard.auth.scram;

import dev.mallard.auth.ConstantTime;
import dev.mallard.wire.error.PgException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The server side of one SCRAM-SHA-256 or SCRAM-SHA-256-PLUS exchange (RFC 5802, RFC 7677) as
 * PostgreSQL runs it over AuthenticationSASL / SASLInitialResponse / AuthenticationSASLContinue /
 * SASLResponse / AuthenticationSASLFinal (protocol section 53.3.1).
 *
 * <p>Matches PostgreSQL's {@code auth-scram.c}: the user name inside the SCRAM message is ignored
 * (the startup packet's user is the one authenticated); the authorization identity and mandatory
 * extensions are refused; a role with no verifier gets a mock one so that the exchange runs to the
 * proof and fails there exactly as a wrong password does, and unknown users cannot be told apart.
 *
 * <p>Not thread-safe: one instance belongs to one connection's authentication. Any failure is a
 * {@link PgException} and leaves the exchange failed.
 */
public final class ScramServerExchange {
  public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
  public static final String SCRAM_SHA_256_PLUS = "SCRAM-SHA-256-PLUS";

  /** The only channel binding type PostgreSQL supports (RFC 5929 section 4). */
  public static final String TLS_SERVER_END_POINT = "tls-server-end-point";

  /** PostgreSQL's SCRAM_RAW_NONCE_LEN. */
  private static final int SERVER_NONCE_BYTES = 18;

  private enum State {
    AWAITING_INITIAL_RESPONSE,
    AWAITING_CLIENT_FIRST,
    AWAITING_CLIENT_FINAL,
    SUCCEEDED,
    FAILED
  }

  private final String user;
  private final ScramVerifier verifier;
  private final boolean doomed;
  private final byte[] tlsServerEndPointHash;
  private final Supplier<String> serverNonces;
  private State state = State.AWAITING_INITIAL_RESPONSE;
  private boolean channelBindingSelected;
  private ClientFirstMessage clientFirst;
  private String serverFirst;
  private String combinedNonce;

  /**
   * An exchange whose mock verifier for unknown users is keyed by a per-process secret. Salts shown
   * to unknown users then change when the process restarts while real users' salts do not; pass a
   * persisted secret to {@link #ScramServerExchange(String, ScramVerifier, byte[], SecureRandom,
   * byte[])} to avoid that.
   *
   * @param user the user name from the startup message, used in the failure message
   * @param verifier the role's verifier, or null when the role does not exist or has none
   * @param tlsServerEndPointHash the RFC 5929 hash of the server certificate when the connection is
   *     TLS and channel binding is offered, else null
   */
  public ScramServerExchange(
      String user, ScramVerifier verifier, byte[] tlsServerEndPointHash, SecureRandom random) {
    this(user, verifier, tlsServerEndPointHash, random, ProcessSecret.VALUE);
  }

  /**
   * As {@link #ScramServerExchange(String, ScramVerifier, byte[], SecureRandom)} with the secret
   * that keys mock verifiers, like PostgreSQL's {@code mock_authentication_nonce}.
   */
  public ScramServerExchange(
      String user,
      ScramVerifier verifier,
      byte[] tlsServerEndPointHash,
      SecureRandom random,
      byte[] mockAuthSecret) {
    this(user, verifier, tlsServerEndPointHash, mockAuthSecret, randomNonces(random));
  }

  /** Lets tests fix the server nonce (RFC 7677's test vector). */
  ScramServerExchange(
      String user,
      ScramVerifier verifier,
      byte[] tlsServerEndPointHash,
      byte[] mockAuthSecret,
      Supplier<String> serverNonces) {
    this.user = Objects.requireNonNull(user, "user");
    this.doomed = verifier == null;
    this.verifier =
        verifier != null
            ? verifier
            : ScramVerifier.mock(user, Objects.requireNonNull(mockAuthSecret));
    this.tlsServerEndPointHash =
        tlsServerEndPointHash == null ? null : tlsServerEndPointHash.clone();
    this.serverNonces = Objects.requireNonNull(serverNonces, "serverNonces");
  }

  /**
   * The mechanisms for AuthenticationSASL, preferred first, as PostgreSQL lists them.
   *
   * @param channelBinding whether the connection is TLS with a certificate hash to bind to
   */
  public static List<String> mechanisms(boolean channelBinding) {
    return channelBinding ? List.of(SCRAM_SHA_256_PLUS, SCRAM_SHA_256) : List.of(SCRAM_SHA_256);
  }

  /**
   * Handles the SASLInitialResponse message body and returns the data for
   * AuthenticationSASLContinue: the server-first-message, or an empty challenge when the client
   * sent no initial response (then its client-first-message comes in a SASLResponse, see {@link
   * #handleResponse}).
   */
  public byte[] handleInitialResponse(byte[] saslInitialResponseBody) {
    return failOnError(
        () -> {
          requireState(State.AWAITING_INITIAL_RESPONSE);
          SaslInitialResponse response = SaslInitialResponse.parse(saslInitialResponseBody);
          selectMechanism(response.mechanism());
          if (response.data() == null) {
            state = State.AWAITING_CLIENT_FIRST;
            return new byte[0];
          }
          return acceptClientFirst(response.data());
        });
  }

  /**
   * Handles the client-final-message (a SASLResponse body) and returns the server-final-message for
   * AuthenticationSASLFinal. After it returns, the user is authenticated.
   */
  public byte[] handleFinalResponse(byte[] saslResponseBody) {
    return failOnError(
        () -> {
          requireState(State.AWAITING_CLIENT_FINAL);
          return acceptClientFinal(saslResponseBody);
        });
  }

  /**
   * Handles any SASLResponse body. Returns the data for AuthenticationSASLFinal when {@link
   * #isComplete()} is then true, else for AuthenticationSASLContinue.
   */
  public byte[] handleResponse(byte[] saslResponseBody) {
    return failOnError(
        () -> {
          if (state == State.AWAITING_CLIENT_FIRST) {
            return acceptClientFirst(saslResponseBody);
          }
          requireState(State.AWAITING_CLIENT_FINAL);
          return acceptClientFinal(saslResponseBody);
        });
  }

  /** Whether the client has proved it knows the password. */
  public boolean isComplete() {
    return state == State.SUCCEEDED;
  }

  /** Whether the client chose SCRAM-SHA-256-PLUS (and so bound the exchange to the TLS channel). */
  public boolean channelBindingUsed() {
    return channelBindingSelected;
  }

  private void selectMechanism(String mechanism) {
    if (mechanism.equals(SCRAM_SHA_256_PLUS) && tlsServerEndPointHash != null) {
      channelBindingSelected = true;
    } else if (mechanism.equals(SCRAM_SHA_256)) {
      channelBindingSelected = false;
    } else {
      throw ScramErrors.protocolViolation(
          "client selected an invalid SASL authentication mechanism");
    }
  }

  private byte[] acceptClientFirst(byte[] message) {
    ClientFirstMessage first = ClientFirstMessage.parse(message);
    checkChannelBindingFlag(first);
    clientFirst = first;
    combinedNonce = first.clientNonce() + serverNonces.get();
    serverFirst =
        "r="
            + combinedNonce
            + ",s="
            + Base64.getEncoder().encodeToString(verifier.salt())
            + ",i="
            + verifier.iterations();
    state = State.AWAITING_CLIENT_FINAL;
    return ScramAttributes.toBytes(serverFirst);
  }

  /** The gs2 flag must agree with the mechanism chosen (RFC 5802 section 6). */
  private void checkChannelBindingFlag(ClientFirstMessage first) {
    switch (first.channelBindingFlag()) {
      case 'p' -> {
        if (!channelBindingSelected) {
          throw ScramErrors.malformed(
              "The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message"
                  + " includes channel binding data.");
        }
        if (!TLS_SERVER_END_POINT.equals(first.channelBindingName())) {
          throw ScramErrors.protocolViolation(
              "unsupported SCRAM channel-binding type \"" + first.channelBindingName() + "\"");
        }
      }
      case 'y', 'n' -> {
        if (channelBindingSelected) {
          throw ScramErrors.malformed(
              "The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not include"
                  + " channel binding data.");
        }
        // 'y' means "I support binding but think you don't": over TLS we do, so it is a downgrade.
        if (first.channelBindingFlag() == 'y' && tlsServerEndPointHash != null) {
          throw ScramErrors.channelBindingNegotiation();
        }
      }
      default -> throw new IllegalStateException("unexpected flag " + first.channelBindingFlag());
    }
  }

  private byte[] acceptClientFinal(byte[] message) {
    ClientFinalMessage fin = ClientFinalMessage.parse(message);
    checkChannelBindingData(fin.channelBinding());
    if (!ConstantTime.equal(fin.nonce(), combinedNonce)) {
      throw ScramErrors.protocolViolation("invalid SCRAM response", "Nonce does not match.");
    }
    byte[] authMessage =
        ScramAttributes.toBytes(clientFirst.bare() + "," + serverFirst + "," + fin.withoutProof());
    if (!proofIsValid(fin.proof(), authMessage) || doomed) {
      throw ScramErrors.passwordFailed(user);
    }
    byte[] serverSignature = ScramCrypto.hmac(verifier.serverKey(), authMessage);
    state = State.SUCCEEDED;
    return ScramAttributes.toBytes("v=" + Base64.getEncoder().encodeToString(serverSignature));
  }

  /** {@code c=} must repeat the gs2 header, followed by the certificate hash when binding. */
  private void checkChannelBindingData(byte[] received) {
    byte[] header = ScramAttributes.toBytes(clientFirst.gs2Header());
    byte[] expected = header;
    if (channelBindingSelected) {
      expected = new byte[header.length + tlsServerEndPointHash.length];
      System.arraycopy(header, 0, expected, 0, header.length);
      System.arraycopy(
          tlsServerEndPointHash, 0, expected, header.length, tlsServerEndPointHash.length);
    }
    if (!MessageDigest.isEqual(expected, received)) {
      throw channelBindingSelected
          ? ScramErrors.protocolViolation("SCRAM channel binding check failed")
          : ScramErrors.protocolViolation(
              "unexpected SCRAM channel-binding attribute in client-final-message");
    }
  }

  /** ClientKey = proof XOR HMAC(StoredKey, AuthMessage); valid when H(ClientKey) = StoredKey. */
  private boolean proofIsValid(byte[] proof, byte[] authMessage) {
    byte[] clientSignature = ScramCrypto.hmac(verifier.storedKey(), authMessage);
    byte[] clientKey = ScramCrypto.xor(proof, clientSignature);
    return MessageDigest.isEqual(ScramCrypto.sha256(clientKey), verifier.storedKey());
  }

  private void requireState(State expected) {
    if (state != expected) {
      throw ScramErrors.protocolViolation(
          "unexpected SASL message: the exchange is "
              + state.name().toLowerCase().replace('_', ' '));
    }
  }

  private byte[] failOnError(Supplier<byte[]> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      state = State.FAILED;
      throw e;
    }
  }

  private static Supplier<String> randomNonces(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    return () -> {
      byte[] raw = new byte[SERVER_NONCE_BYTES];
      random.nextBytes(raw);
      return Base64.getEncoder().encodeToString(raw);
    };
  }

  /** Keys mock verifiers when the caller has no persisted secret. */
  static final class ProcessSecret {
    static final byte[] VALUE = new byte[32];

    static {
      new SecureRandom().nextBytes(VALUE);
    }
  }
}
