package dev.mallard.wire.types;

import io.netty.buffer.ByteBuf;

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

  /** ASCII digits of the magnitude in digits[start..MAX_DIGITS). */
  private final byte[] digits = new byte[MAX_DIGITS];

  private final short[] groups = new short[MAX_DIGITS / 4 + 2];
  private int start;
  private boolean negative;

  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  /** numeric_out of a Decimal128 slot; values that fit a long skip the digit buffer. */
  void writeText128(ByteBuf out, long lo, long hi, int scale) {
    if (hi != lo >> 63 || lo == Long.MIN_VALUE || scale > 18) {
      load128(lo, hi);
      writeText(out, scale);
      return;
    }
    if (lo < 0) {
      out.writeByte('-');
      lo = -lo;
    }
    if (scale == 0) {
      Digits.writeLong(out, lo);
      return;
    }
    long pow = POWERS_OF_TEN[scale];
    Digits.writeLong(out, lo / pow);
    out.writeByte('.');
    Digits.writePadded(out, lo % pow, scale);
  }

  /** numeric_send of a Decimal128 slot; values below 10^15 are split into groups directly. */
  void writeBinary128(ByteBuf out, long lo, long hi, int scale) {
    long magnitude = Math.abs(lo);
    if (hi != lo >> 63 || magnitude >= POWERS_OF_TEN[15] || scale > 18 || lo == 0) {
      load128(lo, hi);
      writeBinary(out, scale);
      return;
    }
    int fractionGroups = (scale + 3) / 4;
    long aligned = magnitude * POWERS_OF_TEN[fractionGroups * 4 - scale];
    int count = 0;
    for (long v = aligned; v != 0; v /= 10_000) {
      groups[count++] = (short) (v % 10_000); // least significant first
    }
    int trailingZeros = 0;
    while (groups[trailingZeros] == 0) {
      trailingZeros++;
    }
    out.writeShort(count - trailingZeros);
    out.writeShort(count - fractionGroups - 1);
    out.writeShort(lo < 0 ? 0x4000 : 0);
    out.writeShort(scale);
    for (int g = count - 1; g >= trailingZeros; g--) {
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

  private int putDigits(long value, int pos, int minDigits) {
    int written = 0;
    while (written < minDigits || value != 0) {
      digits[--pos] = (byte) ('0' + value % 10);
      value /= 10;
      written++;
    }
    return pos;
  }

  private boolean isZero() {
    return start == MAX_DIGITS - 1 && digits[start] == '0';
  }

  /**
   * numeric_out: sign, integer digits (at least "0"), and exactly {@code scale} fraction digits.
   */
  void writeText(ByteBuf out, int scale) {
    int n = MAX_DIGITS - start;
    if (negative && !isZero()) {
      out.writeByte('-');
    }
    if (scale <= 0) {
      out.writeBytes(digits, start, n);
    } else if (n > scale) {
      out.writeBytes(digits, start, n - scale);
      out.writeByte('.');
      out.writeBytes(digits, MAX_DIGITS - scale, scale);
    } else {
      out.writeByte('0');
      out.writeByte('.');
      for (int i = n; i < scale; i++) {
        out.writeByte('0');
      }
      out.writeBytes(digits, start, n);
    }
  }

  /** numeric_send of the loaded value at {@code scale} (the column's dscale). */
  void writeBinary(ByteBuf out, int scale) {
    if (isZero()) {
      out.writeShort(0);
      out.writeShort(0);
      out.writeShort(0);
      out.writeShort(scale);
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
    out.writeShort(ndigits);
    out.writeShort(groupCount - fractionGroups - 1);
    out.writeShort(negative ? 0x4000 : 0);
    out.writeShort(scale);
    for (int g = 0; g < ndigits; g++) {
      out.writeShort(groups[g]);
    }
  }
}
