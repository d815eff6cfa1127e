package dev.mallard.auth.scram;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScramVerifierTest {
  private static final byte[] RFC_SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");

  /** StoredKey and ServerKey for "pencil" computed independently (Python hashlib/hmac). */
  private static final String PENCIL =
      "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$"
          + "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:"
          + "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=";

  private static byte[] b64(String s) {
    return Base64.getDecoder().decode(s);
  }

  @Test
  void createMatchesPostgresFormatAndKeys() {
    ScramVerifier v = ScramVerifier.create("pencil", RFC_SALT, 4096);
    assertEquals(PENCIL, v.encode());
    assertArrayEquals(b64("WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY="), v.storedKey());
    assertArrayEquals(b64("wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU="), v.serverKey());
  }

  @Test
  void parseReadsEveryField() {
    ScramVerifier v = ScramVerifier.parse(PENCIL);
    assertEquals(4096, v.iterations());
    assertArrayEquals(RFC_SALT, v.salt());
    assertEquals(ScramVerifier.create("pencil", RFC_SALT, 4096), v);
    assertEquals(PENCIL, v.encode());
  }

  @Test
  void createWithRandomSaltUsesPostgresDefaults() {
    ScramVerifier a = ScramVerifier.create("secret");
    ScramVerifier b = ScramVerifier.create("secret");
    assertEquals(4096, a.iterations());
    assertEquals(16, a.salt().length);
    assertFalse(Arrays.equals(a.salt(), b.salt()));
    assertNotEquals(a, b);
    assertTrue(a.verifyPassword("secret"));
    assertEquals(a, ScramVerifier.parse(a.encode()));
  }

  @Test
  void verifyPassword() {
    ScramVerifier v = ScramVerifier.parse(PENCIL);
    assertTrue(v.verifyPassword("pencil"));
    assertTrue(v.verifyPassword("pencil".getBytes(UTF_8)));
    assertFalse(v.verifyPassword("Pencil"));
    assertFalse(v.verifyPassword("pencil "));
    assertFalse(v.verifyPassword(""));
    assertFalse(v.verifyPassword((String) null));
  }

  @Test
  void emptyPasswordHasNoVerifier() {
    assertThrows(IllegalArgumentException.class, () -> ScramVerifier.create(""));
  }

  @Test
  void passwordIsSaslPrepped() {
    byte[] salt = new byte[16];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) i;
    }
    // Soft hyphen is dropped and ROMAN NUMERAL NINE becomes "IX" under NFKC; expected ServerKey is
    // that of plain "IXIX", computed independently.
    ScramVerifier v = ScramVerifier.create("I\u00ADX\u2168", salt, 4096);
    assertArrayEquals(b64("QH3huvgg9Ev+bVWI+nGs/pF1gqHLEBaIu84ouvqlkwk="), v.serverKey());
    assertTrue(v.verifyPassword("IXIX"));
    assertTrue(v.verifyPassword("I\u00ADX\u2168"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "md5abcdef",
        "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==",
        "SCRAM-SHA-1$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
        "SCRAM-SHA-256$0:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
        "SCRAM-SHA-256$-1:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
        "SCRAM-SHA-256$9999999999:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
        "SCRAM-SHA-256$4096:W22Z*J0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
        "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4q=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
        "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=",
        "SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=$extra",
      })
  void parseRejectsMalformedSecrets(String encoded) {
    assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse(encoded));
  }

  @Test
  void arraysAreCopiedInAndOut() {
    byte[] salt = RFC_SALT.clone();
    ScramVerifier v = ScramVerifier.create("pencil", salt, 4096);
    salt[0] ^= 1;
    v.salt()[0] ^= 1;
    v.storedKey()[0] ^= 1;
    assertEquals(PENCIL, v.encode());
  }

  @Test
  void toStringLeavesOutTheKeys() {
    String s = ScramVerifier.parse(PENCIL).toString();
    assertTrue(s.contains("4096"), s);
    assertFalse(s.contains("WG5d8oPm"), s);
    assertFalse(s.contains("wfPLwcE6"), s);
  }

  @Test
  void mockVerifierIsDeterministicPerUserAndSecret() {
    byte[] secret = "s1".getBytes(UTF_8);
    ScramVerifier a = ScramVerifier.mock("alice", secret);
    assertEquals(a, ScramVerifier.mock("alice", secret));
    assertEquals(16, a.salt().length);
    assertEquals(4096, a.iterations());
    assertFalse(Arrays.equals(a.salt(), ScramVerifier.mock("bob", secret).salt()));
    assertFalse(Arrays.equals(a.salt(), ScramVerifier.mock("alice", "s2".getBytes(UTF_8)).salt()));
  }

  @Test
  void cleartextCheckWithoutAVerifierFailsAfterTheSameWork() {
    ScramVerifier v = ScramVerifier.create("pw");
    assertTrue(ScramVerifier.verifyPassword(v, "alice", "pw"));
    assertFalse(ScramVerifier.verifyPassword(v, "alice", "other"));
    assertFalse(ScramVerifier.verifyPassword(null, "nobody", "pw"));
    assertFalse(ScramVerifier.verifyPassword(null, "nobody", ""));
  }
}
