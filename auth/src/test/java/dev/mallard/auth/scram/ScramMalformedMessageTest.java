package dev.mallard.auth.scram;

import static dev.mallard.auth.scram.ScramFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages that break RFC 5802's grammar or arrive out of order end the exchange. */
class ScramMalformedMessageTest {
  @Test
  void malformedClientFirstMessages() {
    assertMalformedFirst(SqlState.PROTOCOL_VIOLATION, "");
    assertMalformedFirst(SqlState.PROTOCOL_VIOLATION, "x,,n=user,r=abc");
    assertMalformedFirst(SqlState.PROTOCOL_VIOLATION, "n");
    assertMalformedFirst(SqlState.PROTOCOL_VIOLATION, "n,,n=user");
    assertMalformedFirst(SqlState.PROTOCOL_VIOLATION, "n,,r=abc,n=user");
    assertMalformedFirst(SqlState.PROTOCOL_VIOLATION, "n,,n=user,r=");
    assertMalformedFirst(SqlState.PROTOCOL_VIOLATION, "n,,n=user,r=a b");
    assertMalformedFirst(SqlState.PROTOCOL_VIOLATION, "n,,n=user,r=abc,1=x");
    assertMalformedFirst(SqlState.PROTOCOL_VIOLATION, "n,,n=user,r=abc\0");
    assertMalformedFirst(SqlState.FEATURE_NOT_SUPPORTED, "n,a=admin,n=user,r=abc");
    assertMalformedFirst(SqlState.FEATURE_NOT_SUPPORTED, "n,,m=ext,n=user,r=abc");
  }

  @Test
  void clientFirstMayCarryExtensionsAndAnyUserName() {
    ScramServerExchange exchange = exchange(PENCIL, null);
    String serverFirst =
        text(
            exchange.handleInitialResponse(
                ScramTestClient.initialResponseBody(
                    "SCRAM-SHA-256", bytes("n,,n=,r=" + CLIENT_NONCE + ",x=ext"))));
    assertEquals(SERVER_FIRST, serverFirst);
  }

  private static void assertMalformedFirst(String sqlState, String clientFirst) {
    ScramServerExchange exchange = exchange(PENCIL, null);
    assertFails(
        sqlState,
        () ->
            exchange.handleInitialResponse(
                ScramTestClient.initialResponseBody("SCRAM-SHA-256", bytes(clientFirst))));
  }

  @Test
  void malformedClientFinalMessages() {
    String nonce = "r=" + CLIENT_NONCE + SERVER_NONCE;
    String proof = "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    assertMalformedFinal("");
    assertMalformedFinal("c=biws," + nonce);
    assertMalformedFinal(nonce + ",c=biws," + proof);
    assertMalformedFinal("c=biws," + nonce + "," + proof + ",x=trailing");
    assertMalformedFinal("c=biws," + nonce + ",p=not*base64");
    assertMalformedFinal("c=biws," + nonce + ",p=AAAA");
    assertMalformedFinal("c=b!ws," + nonce + "," + proof);
    assertMalformedFinal("c=biws," + nonce + ",," + proof);
  }

  private static void assertMalformedFinal(String clientFinal) {
    ScramServerExchange exchange = exchange(PENCIL, null);
    exchange.handleInitialResponse(
        new ScramTestClient("pencil", CLIENT_NONCE).initialResponse("SCRAM-SHA-256"));
    assertFails(
        SqlState.PROTOCOL_VIOLATION, () -> exchange.handleFinalResponse(bytes(clientFinal)));
  }

  @Test
  void clientFinalMayCarryExtensionsBeforeTheProof() {
    ScramServerExchange exchange = exchange(PENCIL, null);
    ScramTestClient client = new ScramTestClient("pencil", CLIENT_NONCE);
    exchange.handleInitialResponse(client.initialResponse("SCRAM-SHA-256"));
    String fin = client.clientFinalWithNonce(SERVER_FIRST, CLIENT_NONCE + SERVER_NONCE + ",x=ext");
    assertEquals(client.expectedServerFinal(), text(exchange.handleFinalResponse(bytes(fin))));
  }

  @Test
  void malformedInitialResponseBodies() {
    byte[] valid = new ScramTestClient("pencil", CLIENT_NONCE).initialResponse("SCRAM-SHA-256");
    byte[] noTerminator = bytes("SCRAM-SHA-256");
    byte[] truncatedLength = Arrays.copyOf(valid, "SCRAM-SHA-256".length() + 3);
    byte[] lengthTooLong = Arrays.copyOf(valid, valid.length - 1);
    byte[] trailingAfterMinusOne = ScramTestClient.initialResponseBody("SCRAM-SHA-256", null);
    trailingAfterMinusOne = Arrays.copyOf(trailingAfterMinusOne, trailingAfterMinusOne.length + 1);
    for (byte[] body :
        List.of(noTerminator, truncatedLength, lengthTooLong, trailingAfterMinusOne)) {
      assertFails(
          SqlState.PROTOCOL_VIOLATION, () -> exchange(PENCIL, null).handleInitialResponse(body));
    }
    PgException e =
        assertFails(
            SqlState.PROTOCOL_VIOLATION,
            () ->
                exchange(PENCIL, null)
                    .handleInitialResponse(
                        ScramTestClient.initialResponseBody("SCRAM-SHA-1", bytes("n,,n=,r=abc"))));
    assertEquals("client selected an invalid SASL authentication mechanism", e.getMessage());
  }

  @Test
  void messagesOutOfOrderAreProtocolViolations() {
    assertFails(
        SqlState.PROTOCOL_VIOLATION,
        () -> exchange(PENCIL, null).handleFinalResponse(bytes(CLIENT_FINAL)));
    ScramServerExchange exchange = exchange(PENCIL, null);
    byte[] initial = new ScramTestClient("pencil", CLIENT_NONCE).initialResponse("SCRAM-SHA-256");
    exchange.handleInitialResponse(initial);
    assertFails(SqlState.PROTOCOL_VIOLATION, () -> exchange.handleInitialResponse(initial));
  }
}
