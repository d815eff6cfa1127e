package dev.mallard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KnownDifferencesTest {

  @Test
  void anUnqualifiedListingAppliesToBothProtocolsAndAQualifiedOneToItsOwn() {
    KnownDifferences known = KnownDifferences.load("samples/known-differences.txt");
    assertEquals("dialect", known.get("topic.both", Protocol.SIMPLE).category());
    assertEquals("missing function f()", known.get("topic.both", Protocol.EXTENDED_BINARY).reason());
    assertEquals("errors", known.get("topic.only_simple", Protocol.SIMPLE).category());
    assertNull(known.get("topic.only_simple", Protocol.EXTENDED_BINARY));
    assertEquals(2, known.all(Protocol.SIMPLE).size());
    assertEquals(1, known.all(Protocol.EXTENDED_BINARY).size());
  }
}
