package dev.mallard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.auth.ratelimit.LoginRateLimiter;
import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.catalog.Role;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.message.BackendMessage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a password exchange feeds the rate limiter: failures count against the client's address,
 * and an exchange that began before its address was banned is refused at its next message.
 */
class AuthenticationRateLimitTest {
  private final LoginRateLimiter limiter = new LoginRateLimiter(
      new LoginRateLimiter.Policy(2, Duration.ofMinutes(1), Duration.ofMinutes(1), 100));
  private final Optional<Role> alice =
      Optional.of(new Role("alice", false, true, ScramVerifier.create("secret").encode()));

  private Authentication exchange(InetAddress client) {
    return new Authentication("alice", alice, false, false, null, limiter, client);
  }

  /** SASLInitialResponse choosing SCRAM-SHA-256 with a client-first-message. */
  private static byte[] initialResponse() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(out);
    data.write("SCRAM-SHA-256\0".getBytes(StandardCharsets.US_ASCII));
    byte[] first = "n,,n=,r=clientnonce123".getBytes(StandardCharsets.US_ASCII);
    data.writeInt(first.length);
    data.write(first);
    return out.toByteArray();
  }

  /** A client-final-message whose proof is wrong. */
  private static byte[] wrongProof(BackendMessage serverFirst) {
    String challenge = new String(
        ((BackendMessage.AuthenticationSaslContinue) serverFirst).data(), StandardCharsets.US_ASCII);
    String nonce = challenge.substring(2, challenge.indexOf(','));
    String proof = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    return ("c=biws,r=" + nonce + ",p=" + proof).getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void failedExchangesBanTheAddressAndStopExchangesUnderWay() throws Exception {
    InetAddress client = InetAddress.getByName("192.0.2.7");
    Authentication pending = exchange(client);
    BackendMessage pendingChallenge = pending.respond(initialResponse());
    for (int i = 0; i < 2; i++) {
      Authentication a = exchange(client);
      BackendMessage challenge = a.respond(initialResponse());
      PgException e = assertThrows(PgException.class, () -> a.respond(wrongProof(challenge)));
      assertEquals("28P01", e.sqlState());
    }
    assertTrue(limiter.isBanned(client));
    PgException refused =
        assertThrows(PgException.class, () -> pending.respond(wrongProof(pendingChallenge)));
    assertEquals("28000", refused.sqlState());
    assertEquals(PgException.Severity.FATAL, refused.severity());
    // another address goes on as before
    Authentication other = exchange(InetAddress.getByName("192.0.2.8"));
    BackendMessage challenge = other.respond(initialResponse());
    assertEquals("28P01",
        assertThrows(PgException.class, () -> other.respond(wrongProof(challenge))).sqlState());
  }
}
