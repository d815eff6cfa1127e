package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the output over many random values: it reads back to the same bits, and a shorter
 * digit string that also would is never more than one digit shorter and is then an exact midpoint
 * between two floats, which PostgreSQL's Ryu (STRICTLY_SHORTEST 0) deliberately avoids. The exact
 * strings were compared with PostgreSQL 15's float8out/float4out for about two million random
 * values while writing FloatFormat; hard-coded cases are here and in ScalarTextEncodingTest.
 */
class FloatFormatTest {

  private static String write(double value) {
    MessageBuffer out = new MessageBuffer();
    new FloatFormat().writeDouble(out, value, 1);
    return new String(out.toByteArray(), StandardCharsets.US_ASCII);
  }

  private static String write(float value) {
    MessageBuffer out = new MessageBuffer();
    new FloatFormat().writeFloat(out, value, 1);
    return new String(out.toByteArray(), StandardCharsets.US_ASCII);
  }

  /** The shorter string lies exactly half an ulp (or a quarter, at a power of two) away. */
  private static void assertMidpoint(BigDecimal shorter, BigDecimal exact, double ulp, String s) {
    BigDecimal distance = shorter.subtract(exact).abs();
    BigDecimal half = new BigDecimal(ulp / 2);
    BigDecimal quarter = new BigDecimal(ulp / 4);
    assertEquals(
        true,
        distance.compareTo(half) == 0 || distance.compareTo(quarter) == 0,
        s + " has a shorter form " + shorter + " that is not a midpoint");
  }

  private static int significantDigits(String s) {
    String mantissa = s.replaceAll("[eE].*", "").replace("-", "").replace(".", "");
    return mantissa.replaceAll("^0+", "").replaceAll("0+$", "").length();
  }

  @Test
  void exactMidpointsAreAvoidedLikePostgres() {
    // 2.411095708364531e+16 and -5.741155e+07 also read back, but only by round-half-even.
    assertEquals("2.4110957083645312e+16", write(2.4110957083645312e+16));
    assertEquals("-5.7411552e+07", write(-5.7411552e+07f));
  }

  @Test
  void doublesRoundTripWithFewestDigits() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String s = write(value);
      assertEquals(value, Double.parseDouble(s), s);
      int digits = significantDigits(s);
      if (digits > 1) {
        String shorter = String.format("%." + (digits - 2) + "e", value);
        if (Double.parseDouble(shorter) == value) {
          assertMidpoint(new BigDecimal(shorter), new BigDecimal(value), Math.ulp(value), s);
        }
      }
    }
  }

  @Test
  void floatsRoundTripWithFewestDigits() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      float value = Float.intBitsToFloat(random.nextInt());
      if (Float.isNaN(value) || Float.isInfinite(value)) {
        continue;
      }
      String s = write(value);
      assertEquals(value, Float.parseFloat(s), s);
      int digits = significantDigits(s);
      if (digits > 1) {
        String shorter = String.format("%." + (digits - 2) + "e", (double) value);
        if (Float.parseFloat(shorter) == value) {
          assertMidpoint(new BigDecimal(shorter), new BigDecimal(value), Math.ulp(value), s);
        }
      }
    }
  }
}
