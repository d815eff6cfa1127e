package dev.mallard.auth.scram;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The body of a SASLInitialResponse ('p') message: {@code String mechanism, Int32 length (-1 for
 * none), Byte[length] data}. {@code data} is null when the client sent no initial response.
 */
record SaslInitialResponse(String mechanism, byte[] data) {

  static SaslInitialResponse parse(byte[] body) {
    ByteBuffer buf = ByteBuffer.wrap(body);
    int nul = indexOfNul(body);
    if (nul < 0) {
      throw ScramErrors.protocolViolation("invalid string in message");
    }
    String mechanism = new String(body, 0, nul, StandardCharsets.UTF_8);
    buf.position(nul + 1);
    if (buf.remaining() < Integer.BYTES) {
      throw ScramErrors.protocolViolation("insufficient data left in message");
    }
    int length = buf.getInt();
    if (length == -1 && !buf.hasRemaining()) {
      return new SaslInitialResponse(mechanism, null);
    }
    if (length < 0 || length != buf.remaining()) {
      throw ScramErrors.protocolViolation("invalid message format");
    }
    byte[] data = new byte[length];
    buf.get(data);
    return new SaslInitialResponse(mechanism, data);
  }

  private static int indexOfNul(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      if (body[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
