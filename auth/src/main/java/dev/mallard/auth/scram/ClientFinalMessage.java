package dev.mallard.auth.scram;

/**
 * A parsed client-final-message (RFC 5802 section 7): {@code c=<base64 gs2 header and channel
 * binding data>,r=<nonce>[,extensions],p=<base64 proof>}.
 *
 * @param channelBinding the decoded {@code c=} value
 * @param nonce the combined client and server nonce
 * @param proof the 32-byte ClientProof
 * @param withoutProof client-final-message-without-proof, the last part of the AuthMessage
 */
record ClientFinalMessage(byte[] channelBinding, String nonce, byte[] proof, String withoutProof) {

  static ClientFinalMessage parse(byte[] message) {
    String[] parts = ScramAttributes.split(message);
    if (parts.length < 3) {
      throw ScramErrors.malformed("Attribute expected, but found end of string.");
    }
    byte[] channelBinding =
        ScramAttributes.decodeBase64(ScramAttributes.value(parts[0], 'c'), "channel binding data");
    String nonce = ScramAttributes.value(parts[1], 'r');
    for (int i = 2; i < parts.length - 1; i++) {
      ScramAttributes.requireAnyAttribute(parts[i]);
    }
    String last = parts[parts.length - 1];
    byte[] proof =
        ScramAttributes.decodeBase64(
            ScramAttributes.value(last, 'p'), "proof in client-final-message");
    if (proof.length != ScramCrypto.KEY_LENGTH) {
      throw ScramErrors.malformed("Malformed proof in client-final-message.");
    }
    String text = ScramAttributes.toText(message);
    String withoutProof = text.substring(0, text.length() - last.length() - 1);
    return new ClientFinalMessage(channelBinding, nonce, proof, withoutProof);
  }
}
