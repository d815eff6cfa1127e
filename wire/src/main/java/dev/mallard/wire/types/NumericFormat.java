package dev.mallard.wire.types;

import java.math.BigInteger;

/**
 * numeric output from a scaled 128-bit integer (Arrow's Decimal128, which carries DuckDB's DECIMAL,
 * HUGEINT and UHUGEINT) or a 64-bit one, without BigInteger. Load a value, then write it as
 * numeric_out text ("-1.500": every digit of the scale is kept) or numeric_send binary:
 *
 * <pre>
 * Int16 ndigits, Int16 weight, Int16 sign (0x0000 +, 0x4000 -), Int16 dscale,
 * ndigits x Int16 base-10000 digits, most significant first
 * </pre>
 *
 * where value = sum(digit[i] * 10000^(weight - i)), leading and trailing zero digits are stripped
 * as PostgreSQL's make_result does, and zero is ndigits 0, weight 0. Instances hold scratch space
 * and are not thread-safe.
 */
final class NumericFormat {
  private static final int MAX_DIGITS = 40;
  private static final long BILLION = 1_000_000_000L;
  private static final long MASK32 = 0xFFFF_FFFFL;
  /** Magnitudes below this (10^15), padded to whole fraction groups, stay below 10^18. */
  private static final long SMALL_LIMIT = 1_000_000_000_000_000L;

  private static final long E8 = 100_000_000L;
  private static final BigInteger LOW64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** ASCII digits of the magnitude in digits[start..MAX_DIGITS). */
  private final byte[] digits = new byte[MAX_DIGITS];

  private final short[] groups = new short[MAX_DIGITS / 4 + 2];

  /** {@link #writeBinarySmall}'s base-10000 digits, least significant first. */
  private final int[] small = new int[5];
  private int start;
  private boolean negative;

  /** Where text output is composed before one copy to the output. */
  private final AsciiBuffer text = new AsciiBuffer();

  /**
   * numeric_out of a Decimal128 slot. Values that fit a long (every DECIMAL up to 18 digits) are
   * composed in a scratch array with long arithmetic and copied out once.
   */
  void writeText128(MessageBuffer out, long lo, long hi, int scale) {
    composeText128(lo, hi, scale).writeTo(out);
  }

  /** {@link #writeText128}'s text, valid until the next call. */
  AsciiBuffer composeText128(long lo, long hi, int scale) {
    if (hi != lo >> 63 || lo == Long.MIN_VALUE || scale > 18) {
      load128(lo, hi);
      return composeText(scale);
    }
    text.clear();
    if (lo < 0) {
      text.put('-');
      lo = -lo;
    }
    if (scale == 0) {
      text.putLong(lo);
    } else {
      putScaled(lo, scale);
    }
    return text;
  }

  /**
   * numeric_out of a value of the unconstrained numeric (see {@link DuckDbTypeMapping}): trailing
   * fraction zeros are not printed, as a numeric without a declared scale keeps only the digits it
   * was given (PostgreSQL would also keep zeros that were written; DuckDB does not know them).
   */
  AsciiBuffer composeTextUnconstrained(long lo, long hi, int scale) {
    if (hi != lo >> 63 || scale > 18) {
      long[] t = trimmedWide(lo, hi, scale);
      return composeText128(t[0], t[1], (int) t[2]);
    }
    int trimmed = trimmedScale(lo, scale);
    return composeText128(lo / Digits.pow10(scale - trimmed), hi, trimmed);
  }

  /** numeric_send of an unconstrained numeric, with dscale as its text shows. */
  void writeBinaryUnconstrained(MessageBuffer out, long lo, long hi, int scale, boolean withLength) {
    if (hi != lo >> 63 || scale > 18) {
      long[] t = trimmedWide(lo, hi, scale);
      writeBinary128(out, t[0], t[1], (int) t[2], withLength);
      return;
    }
    int trimmed = trimmedScale(lo, scale);
    writeBinary128(out, lo / Digits.pow10(scale - trimmed), hi, trimmed, withLength);
  }

  /** The scale of a long value without its trailing zero digits. */
  private static int trimmedScale(long lo, int scale) {
    while (scale > 0 && lo % 10 == 0) {
      lo /= 10;
      scale--;
    }
    return scale;
  }

  /** {lo, hi, scale} of a 128-bit value without its trailing zero digits (the rare wide case). */
  private static long[] trimmedWide(long lo, long hi, int scale) {
    BigInteger value = BigInteger.valueOf(hi).shiftLeft(64).or(BigInteger.valueOf(lo).and(LOW64));
    while (scale > 0) {
      BigInteger[] qr = value.divideAndRemainder(BigInteger.TEN);
      if (qr[1].signum() != 0) {
        break;
      }
      value = qr[0];
      scale--;
    }
    return new long[] {value.longValue(), value.shiftRight(64).longValue(), scale};
  }

  /** A non-negative value with {@code scale} > 0 fraction digits and at least one before. */
  private void putScaled(long magnitude, int scale) {
    int digits = Math.max(Digits.count(magnitude), scale + 1);
    text.putWithPoint(magnitude, digits, digits - scale);
  }

  /** numeric_send of a Decimal128 slot. */
  void writeBinary128(MessageBuffer out, long lo, long hi, int scale) {
    writeBinary128(out, lo, hi, scale, false);
  }

  /**
   * numeric_send of a Decimal128 slot, after its Int32 length if {@code withLength}; values below
   * 10^15 (every DECIMAL up to 15 digits) take {@link #writeBinarySmall}.
   */
  void writeBinary128(MessageBuffer out, long lo, long hi, int scale, boolean withLength) {
    if (hi != lo >> 63 || lo == 0 || scale > 18 || lo >= SMALL_LIMIT || lo <= -SMALL_LIMIT) {
      load128(lo, hi);
      writeBinary(out, scale, withLength);
      return;
    }
    writeBinarySmall(out, Math.abs(lo), lo < 0, scale, withLength);
  }

  /**
   * numeric_send of a magnitude in (0, 10^15) with {@code scale} <= 18. The magnitude, padded
   * with zeros to a whole number of fraction groups, is cut into 8-digit halves with at most two
   * 64-bit divisions by a constant (none below 10^8, the common case), and the halves into base
   * 10000 digits with 32-bit arithmetic; no loop over the value's digits.
   */
  private void writeBinarySmall(
      MessageBuffer out, long magnitude, boolean negative, int scale, boolean withLength) {
    int fractionGroups = (scale + 3) / 4;
    long aligned = magnitude * Digits.pow10(fractionGroups * 4 - scale);
    int low = (int) aligned;
    int middle = 0;
    int top = 0;
    if (aligned >= E8) {
      long rest = aligned / E8;
      low = (int) (aligned - rest * E8);
      middle = (int) rest;
      if (rest >= E8) {
        long topPart = rest / E8;
        middle = (int) (rest - topPart * E8);
        top = (int) topPart; // below 100: aligned < 10^18
      }
    }
    // Base-10000 digits, least significant first.
    int[] g = small;
    g[0] = low % 10_000;
    g[1] = low / 10_000;
    g[2] = middle % 10_000;
    g[3] = middle / 10_000;
    g[4] = top;
    int highest = 4;
    while (g[highest] == 0) {
      highest--;
    }
    int lowest = 0; // zero digits at the end are not sent (make_result strips them)
    while (g[lowest] == 0) {
      lowest++;
    }
    int ndigits = highest - lowest + 1;
    int at = out.reserve((withLength ? 4 : 0) + 8 + 2 * ndigits);
    if (withLength) {
      out.putInt(at, 8 + 2 * ndigits);
      at += 4;
    }
    out.putLong(at, header(ndigits, highest - fractionGroups, negative, scale));
    at += 8;
    for (int k = highest; k >= lowest; k--) {
      out.putShort(at, g[k]);
      at += 2;
    }
  }

  /**
   * ndigits, weight, sign and dscale: four Int16s written as one Int64; before them the Int32
   * length of the whole value if {@code withLength}.
   */
  private static void writeHeader(
      MessageBuffer out, int ndigits, int weight, boolean negative, int scale, boolean withLength) {
    if (withLength) {
      out.writeInt(8 + 2 * ndigits);
    }
    out.writeLong(header(ndigits, weight, negative, scale));
  }

  private static long header(int ndigits, int weight, boolean negative, int scale) {
    return (long) ndigits << 48
        | (weight & 0xFFFFL) << 32
        | (negative ? 0x4000L : 0) << 16
        | (scale & 0xFFFFL);
  }

  /**
   * groups[0..count) as Int16s, packed four to an Int64 (then two, then one): the same bytes with
   * fewer MessageBuffer calls, each of which checks the index and the reference count.
   */
  private void writeGroups(MessageBuffer out, int count) {
    int g = 0;
    for (; g + 4 <= count; g += 4) {
      out.writeLong(
          (long) groups[g] << 48
              | (long) groups[g + 1] << 32
              | (long) groups[g + 2] << 16
              | groups[g + 3]);
    }
    if (g + 2 <= count) {
      out.writeInt(groups[g] << 16 | groups[g + 1]);
      g += 2;
    }
    if (g < count) {
      out.writeShort(groups[g]);
    }
  }

  /** Loads a two's complement 128-bit value given as its low and high 64 bits. */
  void load128(long lo, long hi) {
    negative = hi < 0;
    if (negative) {
      lo = ~lo + 1;
      hi = ~hi + (lo == 0 ? 1 : 0);
    }
    int pos = MAX_DIGITS;
    while (hi != 0) {
      // Long division of the 128-bit magnitude by 10^9, 32 bits at a time.
      long q3 = (hi >>> 32) / BILLION;
      long r = (hi >>> 32) % BILLION;
      long t = (r << 32) | (hi & MASK32);
      long q2 = t / BILLION;
      r = t % BILLION;
      t = (r << 32) | (lo >>> 32);
      long q1 = t / BILLION;
      r = t % BILLION;
      t = (r << 32) | (lo & MASK32);
      long q0 = t / BILLION;
      r = t % BILLION;
      hi = (q3 << 32) | q2;
      lo = (q1 << 32) | q0;
      pos = putDigits(r, pos, 9);
    }
    loadUnsignedFrom(lo, pos);
  }

  /** Loads a signed 64-bit value. */
  void loadLong(long value) {
    if (value == Long.MIN_VALUE) {
      load128(value, -1L);
      return;
    }
    negative = value < 0;
    loadUnsignedFrom(Math.abs(value), MAX_DIGITS);
  }

  /** Loads a 64-bit value read as unsigned (UBIGINT). */
  void loadUnsigned(long value) {
    negative = false;
    loadUnsignedFrom(value, MAX_DIGITS);
  }

  private void loadUnsignedFrom(long value, int pos) {
    if (value < 0) {
      pos = putDigits(Long.remainderUnsigned(value, BILLION), pos, 9);
      value = Long.divideUnsigned(value, BILLION);
    }
    if (value != 0 || pos == MAX_DIGITS) {
      pos = putDigits(value, pos, 1);
    }
    while (pos < MAX_DIGITS - 1 && digits[pos] == '0') {
      pos++;
    }
    start = pos;
  }

  /** Puts a non-negative value's digits, at least {@code minDigits}, to end before pos. */
  private int putDigits(long value, int pos, int minDigits) {
    int count = Math.max(minDigits, Digits.count(value));
    Digits.put(digits, pos - count, value, count);
    return pos - count;
  }

  private boolean isZero() {
    return start == MAX_DIGITS - 1 && digits[start] == '0';
  }

  /**
   * numeric_out: sign, integer digits (at least "0"), and exactly {@code scale} fraction digits.
   */
  void writeText(MessageBuffer out, int scale) {
    composeText(scale).writeTo(out);
  }

  /** {@link #writeText}'s text, valid until the next call. */
  AsciiBuffer composeText(int scale) {
    text.clear();
    int n = MAX_DIGITS - start;
    if (negative && !isZero()) {
      text.put('-');
    }
    if (scale <= 0) {
      text.put(digits, start, n);
    } else if (n > scale) {
      text.put(digits, start, n - scale);
      text.put('.');
      text.put(digits, MAX_DIGITS - scale, scale);
    } else {
      text.put('0');
      text.put('.');
      text.putZeros(scale - n);
      text.put(digits, start, n);
    }
    return text;
  }

  /** numeric_send of the loaded value at {@code scale} (the column's dscale). */
  void writeBinary(MessageBuffer out, int scale) {
    writeBinary(out, scale, false);
  }

  private void writeBinary(MessageBuffer out, int scale, boolean withLength) {
    if (isZero()) {
      writeHeader(out, 0, 0, false, scale, withLength);
      return;
    }
    int n = MAX_DIGITS - start;
    int fractionGroups = (scale + 3) / 4;
    int total = n + fractionGroups * 4 - scale; // digits once the fraction is padded to groups
    int groupCount = (total + 3) / 4;
    int first = total - groupCount * 4; // position of the first group's first digit (<= 0)
    for (int g = 0; g < groupCount; g++) {
      int value = 0;
      for (int p = first + g * 4, end = p + 4; p < end; p++) {
        int digit = p >= 0 && p < n ? digits[start + p] - '0' : 0;
        value = value * 10 + digit;
      }
      groups[g] = (short) value;
    }
    int ndigits = groupCount;
    while (ndigits > 0 && groups[ndigits - 1] == 0) {
      ndigits--;
    }
    writeHeader(out, ndigits, groupCount - fractionGroups - 1, negative, scale, withLength);
    writeGroups(out, ndigits);
  }
}
