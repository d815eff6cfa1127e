package dev.mallard.auth.scram;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client half of SCRAM-SHA-256, for tests only. It computes with JCE's PBKDF2 rather than the
 * production {@code ScramCrypto}, so the two implementations check each other (ASCII passwords).
 */
final class ScramTestClient {
  private final String password;
  private final String gs2Header;
  private final byte[] channelBindingData;
  private final String clientFirstBare;
  private String authMessage;
  private byte[] saltedPassword;

  ScramTestClient(String password, String clientNonce) {
    this(password, clientNonce, "n,,", new byte[0]);
  }

  ScramTestClient(
      String password, String clientNonce, String gs2Header, byte[] channelBindingData) {
    this.password = password;
    this.gs2Header = gs2Header;
    this.channelBindingData = channelBindingData;
    this.clientFirstBare = "n=user,r=" + clientNonce;
  }

  String clientFirst() {
    return gs2Header + clientFirstBare;
  }

  /** A SASLInitialResponse body carrying {@link #clientFirst()}. */
  byte[] initialResponse(String mechanism) {
    return initialResponseBody(mechanism, clientFirst().getBytes(StandardCharsets.UTF_8));
  }

  static byte[] initialResponseBody(String mechanism, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(mechanism.getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data == null ? -1 : data.length).array());
    if (data != null) {
      out.writeBytes(data);
    }
    return out.toByteArray();
  }

  /** The client-final-message answering {@code serverFirst}. */
  String clientFinal(String serverFirst) {
    return clientFinalWithNonce(serverFirst, attribute(serverFirst, "r"));
  }

  /** A client-final-message answering {@code serverFirst} but claiming {@code nonce}. */
  String clientFinalWithNonce(String serverFirst, String nonce) {
    byte[] salt = Base64.getDecoder().decode(attribute(serverFirst, "s"));
    int iterations = Integer.parseInt(attribute(serverFirst, "i"));
    saltedPassword = pbkdf2(password, salt, iterations);
    String withoutProof =
        "c="
            + b64(concat(gs2Header.getBytes(StandardCharsets.UTF_8), channelBindingData))
            + ",r="
            + nonce;
    authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    byte[] clientKey = hmac(saltedPassword, "Client Key");
    byte[] storedKey = sha256(clientKey);
    byte[] clientSignature = hmac(storedKey, authMessage);
    byte[] proof = new byte[clientKey.length];
    for (int i = 0; i < proof.length; i++) {
      proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
    }
    return withoutProof + ",p=" + b64(proof);
  }

  /** The server-final-message a genuine server must send after {@link #clientFinal}. */
  String expectedServerFinal() {
    return "v=" + b64(hmac(hmac(saltedPassword, "Server Key"), authMessage));
  }

  private static String attribute(String message, String name) {
    for (String part : message.split(",")) {
      if (part.startsWith(name + "=")) {
        return part.substring(2);
      }
    }
    throw new IllegalArgumentException("no " + name + " in " + message);
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
