package dev.mallard.session;

import dev.mallard.auth.ratelimit.LoginRateLimiter;
import dev.mallard.auth.scram.ScramServerExchange;
import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.catalog.Role;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.message.BackendMessage;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * One login's password exchange: SCRAM-SHA-256 (and -PLUS when TLS gives a channel binding) by
 * default, or a cleartext password when the server allows it and the connection is encrypted.
 * Unknown users go through the same exchange and fail at the end, so their absence is not
 * revealed; so do roles whose VALID UNTIL has passed, as in PostgreSQL, which then treats the role
 * as having no password. Whether the role may log in at all (LOGIN, its connection limit) is
 * checked after the password, as PostgreSQL does when the session starts.
 *
 * <p>Every failed exchange counts against the client's address in the {@link LoginRateLimiter};
 * a banned address is refused before each password message is looked at, so exchanges begun
 * before the ban cannot go on guessing.
 */
final class Authentication {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String user;
  private final Optional<Role> role;
  private final boolean cleartext;
  private final boolean channelBinding;
  /** The role's verifier, null when there is no such role or it has no valid password. */
  private final ScramVerifier verifier;
  private final ScramServerExchange scram;
  private final LoginRateLimiter limiter;
  private final InetAddress client;
  private boolean firstMessageSeen;
  private boolean passwordAccepted;

  /**
   * @param endPointHash the certificate hash for tls-server-end-point binding; null without TLS
   * @param client the client's address, which failures count against; null when not a network peer
   */
  Authentication(String user, Optional<Role> role, boolean tls, boolean allowCleartext,
      byte[] endPointHash, LoginRateLimiter limiter, InetAddress client) {
    this.user = user;
    this.limiter = limiter;
    this.client = client;
    this.role = role.filter(r -> r.passwordValidAt(Instant.now()));
    this.cleartext = tls && allowCleartext;
    this.channelBinding = tls && endPointHash != null;
    this.verifier = this.role.map(Role::scramVerifier).map(ScramVerifier::parse).orElse(null);
    this.scram = cleartext ? null
        : new ScramServerExchange(user, verifier, channelBinding ? endPointHash : null, RANDOM);
  }

  /** The first authentication request to send. */
  BackendMessage request() {
    if (cleartext) {
      return new BackendMessage.AuthenticationCleartextPassword();
    }
    return new BackendMessage.AuthenticationSasl(ScramServerExchange.mechanisms(channelBinding));
  }

  /**
   * Handles one PasswordMessage body. Returns the reply to send; after the reply to the last
   * message {@link #succeeded()} is true and AuthenticationOk follows. Failures throw 28P01 FATAL.
   */
  BackendMessage respond(byte[] body) {
    limiter.checkAllowed(client);
    try {
      if (cleartext) {
        checkCleartext(body);
        return null;
      }
      if (!firstMessageSeen) {
        firstMessageSeen = true;
        return new BackendMessage.AuthenticationSaslContinue(scram.handleInitialResponse(body));
      }
      byte[] serverFinal = scram.handleFinalResponse(body);
      if (role.isEmpty()) {
        throw failed();
      }
      return new BackendMessage.AuthenticationSaslFinal(serverFinal);
    } catch (PgException e) {
      limiter.recordFailure(client);
      throw PgException.fatal(e.sqlState(), e.getMessage());
    }
  }

  boolean succeeded() {
    return cleartext ? passwordAccepted : scram.isComplete() && role.isPresent();
  }

  private void checkCleartext(byte[] body) {
    int end = body.length;
    while (end > 0 && body[end - 1] == 0) {
      end--;
    }
    String password = new String(body, 0, end, StandardCharsets.UTF_8);
    if (!ScramVerifier.verifyPassword(verifier, user, password)) {
      throw failed();
    }
    passwordAccepted = true;
  }

  private PgException failed() {
    return PgException.fatal(
        SqlState.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
  }
}
