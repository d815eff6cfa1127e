package dev.mallard.auth.scram;

import static dev.mallard.auth.scram.ScramFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256-PLUS with tls-server-end-point channel binding (RFC 5929) and downgrades. */
class ScramChannelBindingTest {
  @Test
  void channelBindingHappyPath() {
    ScramServerExchange exchange = exchange(PENCIL, CERT_HASH);
    ScramTestClient client =
        new ScramTestClient("pencil", CLIENT_NONCE, "p=tls-server-end-point,,", CERT_HASH);
    String serverFirst =
        text(exchange.handleInitialResponse(client.initialResponse("SCRAM-SHA-256-PLUS")));
    assertEquals(SERVER_FIRST, serverFirst);
    String fin = client.clientFinal(serverFirst);
    byte[] cbind = Base64.getDecoder().decode(fin.substring(2, fin.indexOf(',')));
    assertEquals(24 + 32, cbind.length);
    assertEquals(client.expectedServerFinal(), text(exchange.handleFinalResponse(bytes(fin))));
    assertTrue(exchange.isComplete());
    assertTrue(exchange.channelBindingUsed());
  }

  @Test
  void channelBindingToAnotherCertificateFails() {
    ScramServerExchange exchange = exchange(PENCIL, CERT_HASH);
    byte[] otherHash = CERT_HASH.clone();
    otherHash[0] ^= 1;
    ScramTestClient client =
        new ScramTestClient("pencil", CLIENT_NONCE, "p=tls-server-end-point,,", otherHash);
    String serverFirst =
        text(exchange.handleInitialResponse(client.initialResponse("SCRAM-SHA-256-PLUS")));
    PgException e =
        assertFails(
            SqlState.PROTOCOL_VIOLATION,
            () -> exchange.handleFinalResponse(bytes(client.clientFinal(serverFirst))));
    assertEquals("SCRAM channel binding check failed", e.getMessage());
  }

  @Test
  void plusWithoutTlsIsAnInvalidMechanism() {
    ScramTestClient client =
        new ScramTestClient("pencil", CLIENT_NONCE, "p=tls-server-end-point,,", CERT_HASH);
    assertFails(
        SqlState.PROTOCOL_VIOLATION,
        () ->
            exchange(PENCIL, null)
                .handleInitialResponse(client.initialResponse("SCRAM-SHA-256-PLUS")));
  }

  @Test
  void flagMustAgreeWithMechanism() {
    ScramTestClient binding =
        new ScramTestClient("pencil", CLIENT_NONCE, "p=tls-server-end-point,,", CERT_HASH);
    assertFails(
        SqlState.PROTOCOL_VIOLATION,
        () ->
            exchange(PENCIL, CERT_HASH)
                .handleInitialResponse(binding.initialResponse("SCRAM-SHA-256")));
    ScramTestClient plain = new ScramTestClient("pencil", CLIENT_NONCE);
    assertFails(
        SqlState.PROTOCOL_VIOLATION,
        () ->
            exchange(PENCIL, CERT_HASH)
                .handleInitialResponse(plain.initialResponse("SCRAM-SHA-256-PLUS")));
    ScramTestClient otherType =
        new ScramTestClient("pencil", CLIENT_NONCE, "p=tls-unique,,", CERT_HASH);
    PgException e =
        assertFails(
            SqlState.PROTOCOL_VIOLATION,
            () ->
                exchange(PENCIL, CERT_HASH)
                    .handleInitialResponse(otherType.initialResponse("SCRAM-SHA-256-PLUS")));
    assertEquals("unsupported SCRAM channel-binding type \"tls-unique\"", e.getMessage());
  }

  @Test
  void yFlagOverTlsIsADowngrade() {
    ScramTestClient client = new ScramTestClient("pencil", CLIENT_NONCE, "y,,", new byte[0]);
    assertFails(
        SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
        () ->
            exchange(PENCIL, CERT_HASH)
                .handleInitialResponse(client.initialResponse("SCRAM-SHA-256")));

    ScramServerExchange withoutTls = exchange(PENCIL, null);
    String serverFirst =
        text(withoutTls.handleInitialResponse(client.initialResponse("SCRAM-SHA-256")));
    String fin = client.clientFinal(serverFirst);
    assertTrue(fin.startsWith("c=eSws,"));
    assertEquals(client.expectedServerFinal(), text(withoutTls.handleFinalResponse(bytes(fin))));
  }

  @Test
  void clientMayDeclineBindingOverTls() {
    ScramServerExchange exchange = exchange(PENCIL, CERT_HASH);
    ScramTestClient client = new ScramTestClient("pencil", CLIENT_NONCE);
    exchange.handleInitialResponse(client.initialResponse("SCRAM-SHA-256"));
    assertEquals(
        SERVER_FINAL, text(exchange.handleFinalResponse(bytes(client.clientFinal(SERVER_FIRST)))));
    assertFalse(exchange.channelBindingUsed());
  }

  @Test
  void channelBindingAttributeMustRepeatTheGs2Header() {
    ScramServerExchange exchange = exchange(PENCIL, null);
    exchange.handleInitialResponse(
        new ScramTestClient("pencil", CLIENT_NONCE).initialResponse("SCRAM-SHA-256"));
    String fin = CLIENT_FINAL.replace("c=biws", "c=eSws"); // "y,," after the client sent "n,,"
    PgException e =
        assertFails(SqlState.PROTOCOL_VIOLATION, () -> exchange.handleFinalResponse(bytes(fin)));
    assertEquals(
        "unexpected SCRAM channel-binding attribute in client-final-message", e.getMessage());
  }
}
