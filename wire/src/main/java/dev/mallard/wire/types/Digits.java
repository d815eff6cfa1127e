package dev.mallard.wire.types;

import java.nio.charset.StandardCharsets;

/**
 * Decimal digits written into a byte array, two at a time from a table of "00".."99", so integer
 * text (int2out .. int8out, and the digits inside dates, times, floats and numerics) never makes a
 * String. Callers compose a whole value in a scratch array ({@link AsciiBuffer}) and copy it to the
 * output once: writing digit by digit into a ByteBuf pays its index and reference-count checks per
 * byte. Within eight digits there is no division at all (see {@link #putInt}), because a chain of
 * "/ 10" or "/ 100" per digit was most of the cost of integer text.
 */
final class Digits {
  private Digits() {}

  private static final byte[] LONG_MIN =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  /** "00", "01", .. "99": the tens digit at 2n, the units digit at 2n + 1. */
  private static final byte[] PAIRS = new byte[200];

  private static final long[] POWERS_OF_TEN = new long[19];

  /** ceil(2^48 / 10^e) for e in [0, 6], see {@link #putInt}. */
  private static final long[] FIXED_POINT = new long[7];

  private static final long FRACTION = (1L << 48) - 1;

  static {
    for (int n = 0; n < 100; n++) {
      PAIRS[2 * n] = (byte) ('0' + n / 10);
      PAIRS[2 * n + 1] = (byte) ('0' + n % 10);
    }
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
    for (int e = 0; e < FIXED_POINT.length; e++) {
      FIXED_POINT[e] = ((1L << 48) + POWERS_OF_TEN[e] - 1) / POWERS_OF_TEN[e];
    }
  }

  /** 10^n for n in [0, 18]. */
  static long pow10(int n) {
    return POWERS_OF_TEN[n];
  }

  /** The number of decimal digits of a non-negative value (1 for 0). */
  static int count(long value) {
    // floor(bit length * log10(2)) is the digit count or one less; one comparison settles which.
    int guess = (64 - Long.numberOfLeadingZeros(value | 1)) * 1233 >>> 12;
    return guess < 19 && value >= POWERS_OF_TEN[guess] ? guess + 1 : Math.max(guess, 1);
  }

  /**
   * Writes a signed long as PostgreSQL's int8out does (optional '-', no leading zeros) at {@code
   * at}; returns the index after the last digit.
   */
  static int putLong(byte[] dst, int at, long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        System.arraycopy(LONG_MIN, 0, dst, at, LONG_MIN.length);
        return at + LONG_MIN.length;
      }
      dst[at++] = '-';
      value = -value;
    }
    int digits = count(value);
    put(dst, at, value, digits);
    return at + digits;
  }

  /** Writes a long holding an unsigned 64-bit value (UBIGINT); returns the index after it. */
  static int putUnsignedLong(byte[] dst, int at, long value) {
    if (value >= 0) {
      return putLong(dst, at, value);
    }
    long quotient = (value >>> 1) / 5; // value / 10 as unsigned
    at = putLong(dst, at, quotient);
    dst[at] = (byte) ('0' + (value - quotient * 10));
    return at + 1;
  }

  /**
   * Writes exactly {@code digits} digits of a non-negative value at {@code at}, zero-padded on the
   * left ("%0*d"); the value must be below 10^digits.
   */
  static void put(byte[] dst, int at, long value, int digits) {
    while (digits > 8) {
      // Eight digits per long division; int arithmetic within them.
      long quotient = value / 100_000_000;
      put8(dst, at + digits - 8, (int) (value - quotient * 100_000_000));
      value = quotient;
      digits -= 8;
    }
    putInt(dst, at, (int) value, digits);
  }

  /**
   * {@link #put} for an int value and at most 8 digits, without a division: the value times
   * ceil(2^48 / 10^e) is a 16.48 fixed-point number whose integer part is the leading one or two
   * digits, and each multiplication of the fraction by 100 brings the next two into the integer
   * part. Rounding the factor up keeps every digit exact below 10^8 (the accumulated error stays
   * under one unit of the last digit; DigitsTest checks every value).
   */
  static void putInt(byte[] dst, int at, int value, int digits) {
    if (digits == 0) {
      return;
    }
    long t;
    if ((digits & 1) != 0) {
      t = value * FIXED_POINT[digits - 1];
      dst[at++] = (byte) ('0' + (int) (t >>> 48));
    } else {
      t = value * FIXED_POINT[digits - 2];
      put2(dst, at, (int) (t >>> 48));
      at += 2;
    }
    // The remaining pairs (up to three), unrolled: a loop here was measurably slower.
    int pairs = (digits - 1) >> 1;
    if (pairs > 0) {
      t = (t & FRACTION) * 100;
      put2(dst, at, (int) (t >>> 48));
    }
    if (pairs > 1) {
      t = (t & FRACTION) * 100;
      put2(dst, at + 2, (int) (t >>> 48));
    }
    if (pairs > 2) {
      t = (t & FRACTION) * 100;
      put2(dst, at + 4, (int) (t >>> 48));
    }
  }

  /** {@link #putInt} for exactly eight digits, unrolled (measurably faster than the loop). */
  private static void put8(byte[] dst, int at, int value) {
    long t = value * FIXED_POINT[6];
    put2(dst, at, (int) (t >>> 48));
    t = (t & FRACTION) * 100;
    put2(dst, at + 2, (int) (t >>> 48));
    t = (t & FRACTION) * 100;
    put2(dst, at + 4, (int) (t >>> 48));
    t = (t & FRACTION) * 100;
    put2(dst, at + 6, (int) (t >>> 48));
  }

  /** Two digits of a value in [0, 99] at {@code at}. */
  static void put2(byte[] dst, int at, int value) {
    dst[at] = PAIRS[value << 1];
    dst[at + 1] = PAIRS[(value << 1) + 1];
  }
}
