package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The division-free digit writing agrees with Long.toString. */
class DigitsTest {

  /** Every value of every width up to eight digits, against a decimal odometer. */
  @Test
  void putIntIsExactForEveryValueBelowTenToTheEighth() {
    byte[] expected = new byte[8];
    byte[] actual = new byte[8];
    for (int digits = 1; digits <= 8; digits++) {
      Arrays.fill(expected, 0, digits, (byte) '0');
      int limit = (int) Digits.pow10(digits);
      for (int value = 0; value < limit; value++) {
        Digits.putInt(actual, 0, value, digits);
        if (!Arrays.equals(expected, 0, digits, actual, 0, digits)) {
          assertEquals(
              new String(expected, 0, digits, StandardCharsets.US_ASCII),
              new String(actual, 0, digits, StandardCharsets.US_ASCII),
              "value " + value);
        }
        increment(expected, digits);
      }
    }
  }

  private static void increment(byte[] odometer, int digits) {
    for (int k = digits - 1; k >= 0 && ++odometer[k] > '9'; k--) {
      odometer[k] = '0';
    }
  }

  @Test
  void longsMatchLongToString() {
    SplittableRandom random = new SplittableRandom(5);
    byte[] buffer = new byte[24];
    long[] edges = {0, 1, -1, 9, 10, 99, 100, 99_999_999, 100_000_000, Long.MAX_VALUE};
    for (int i = 0; i < 1_000_000; i++) {
      long value = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
      for (long v : new long[] {value, -value, Long.MIN_VALUE}) {
        int end = Digits.putLong(buffer, 0, v);
        assertArrayEquals(
            Long.toString(v).getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(buffer, end));
      }
      int end = Digits.putUnsignedLong(buffer, 0, value);
      assertArrayEquals(
          Long.toUnsignedString(value).getBytes(StandardCharsets.US_ASCII),
          Arrays.copyOf(buffer, end));
      long positive = value & Long.MAX_VALUE;
      assertEquals(Long.toString(positive).length(), Digits.count(positive));
    }
  }

  @Test
  void paddedValuesKeepLeadingZeros() {
    byte[] buffer = new byte[24];
    Digits.put(buffer, 0, 42, 19);
    assertEquals("0000000000000000042", new String(buffer, 0, 19, StandardCharsets.US_ASCII));
    Digits.put(buffer, 0, 123_456_789L, 12);
    assertEquals("000123456789", new String(buffer, 0, 12, StandardCharsets.US_ASCII));
  }
}
