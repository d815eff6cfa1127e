package dev.mallard.auth.scram;

/**
 * A parsed client-first-message (RFC 5802 section 7): {@code gs2-header client-first-message-bare}
 * where the gs2 header is {@code n,,}, {@code y,,} or {@code p=<cb-name>,,}.
 *
 * @param gs2Header the header text including its trailing comma, echoed back in {@code c=}
 * @param channelBindingFlag {@code 'n'}, {@code 'y'} or {@code 'p'}
 * @param channelBindingName the {@code cb-name} when the flag is {@code 'p'}, else null
 * @param bare client-first-message-bare, the first part of the AuthMessage
 * @param clientNonce the client's {@code r=} value
 */
record ClientFirstMessage(
    String gs2Header,
    char channelBindingFlag,
    String channelBindingName,
    String bare,
    String clientNonce) {

  static ClientFirstMessage parse(byte[] message) {
    String[] parts = ScramAttributes.split(message);
    String flagPart = parts[0];
    char flag = flagPart.isEmpty() ? '\0' : flagPart.charAt(0);
    String cbName = null;
    switch (flag) {
      case 'n', 'y' -> {
        if (flagPart.length() != 1) {
          throw ScramErrors.malformed(
              "Comma expected, but found character \"" + flagPart.charAt(1) + "\".");
        }
      }
      case 'p' -> cbName = ScramAttributes.value(flagPart, 'p');
      default ->
          throw ScramErrors.malformed("Unexpected channel-binding flag \"" + flagPart + "\".");
    }
    if (parts.length < 2) {
      throw ScramErrors.malformed("Comma expected, but found end of string.");
    }
    if (parts[1].startsWith("a")) {
      throw ScramErrors.featureNotSupported(
          "client uses authorization identity, but it is not supported");
    }
    if (!parts[1].isEmpty()) {
      throw ScramErrors.malformed(
          "Unexpected attribute \"" + parts[1] + "\" in client-first-message.");
    }
    if (parts.length < 4) {
      throw ScramErrors.malformed("Attribute expected, but found end of string.");
    }
    if (parts[2].startsWith("m")) {
      throw ScramErrors.featureNotSupported("client requires an unsupported SCRAM extension");
    }
    ScramAttributes.value(parts[2], 'n'); // ignored, as PostgreSQL does: the startup user counts
    String nonce = ScramAttributes.value(parts[3], 'r');
    if (nonce.isEmpty() || !ScramAttributes.isPrintable(nonce)) {
      throw ScramErrors.malformed("non-printable characters in SCRAM nonce");
    }
    for (int i = 4; i < parts.length; i++) {
      ScramAttributes.requireAnyAttribute(parts[i]);
    }
    String gs2Header = parts[0] + "," + parts[1] + ",";
    String text = ScramAttributes.toText(message);
    return new ClientFirstMessage(
        gs2Header, flag, cbName, text.substring(gs2Header.length()), nonce);
  }
}
