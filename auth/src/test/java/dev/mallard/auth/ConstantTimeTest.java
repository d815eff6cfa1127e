package dev.mallard.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {
  @Test
  void comparesWholeStrings() {
    assertTrue(ConstantTime.equal("sécret", "sécret"));
    assertFalse(ConstantTime.equal("secret", "secreT"));
    assertFalse(ConstantTime.equal("secret", "secret "));
    assertFalse(ConstantTime.equal("", "x"));
    assertTrue(ConstantTime.equal(null, null));
    assertFalse(ConstantTime.equal(null, ""));
    assertFalse(ConstantTime.equal("", null));
  }
}
