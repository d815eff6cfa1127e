package dev.mallard.wire.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * float4out / float8out, byte for byte. With extra_float_digits > 0 (the default, 1) PostgreSQL 12+
 * prints the shortest decimal that reads back exactly, computed with Ryu (Ulf Adams' algorithm) in
 * the variant PostgreSQL ships: {@code STRICTLY_SHORTEST 0}, so an exact midpoint between two
 * floats is never chosen. Layout follows %g: fixed notation when the decimal exponent is in [-4,
 * 15) for float8 or [-4, 6) for float4, else "d.ddde+XX" with at least two exponent digits; "NaN",
 * "Infinity", "-Infinity", "-0". Java's Double.toString is not a substitute: before JDK 19 it is
 * not always shortest, and it uses "E" notation.
 *
 * <p>With extra_float_digits <= 0 the value is rounded like printf("%.*g", 15 + efd) (6 + efd for
 * float4); that rarely used path allocates.
 *
 * <p>Instances hold the last decomposition and are not thread-safe.
 */
final class FloatFormat {
  private static final int DOUBLE_POW5_INV_BITCOUNT = 122;
  private static final int DOUBLE_POW5_BITCOUNT = 121;
  private static final int FLOAT_POW5_INV_BITCOUNT = 59;
  private static final int FLOAT_POW5_BITCOUNT = 61;

  /** Ryu's tables as 128-bit (low, high) pairs, computed once instead of pasted. */
  private static final long[] DOUBLE_POW5_INV_SPLIT = new long[292 * 2];

  private static final long[] DOUBLE_POW5_SPLIT = new long[326 * 2];
  private static final long[] FLOAT_POW5_INV_SPLIT = new long[31];
  private static final long[] FLOAT_POW5_SPLIT = new long[47];

  static {
    BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (int i = 0; i < 326; i++) {
      BigInteger pow = BigInteger.valueOf(5).pow(i);
      BigInteger split = shiftTo(pow, pow.bitLength() - DOUBLE_POW5_BITCOUNT);
      DOUBLE_POW5_SPLIT[2 * i] = split.and(mask64).longValue();
      DOUBLE_POW5_SPLIT[2 * i + 1] = split.shiftRight(64).longValue();
      if (i < 292) {
        int j = pow.bitLength() - 1 + DOUBLE_POW5_INV_BITCOUNT;
        BigInteger inv = BigInteger.ONE.shiftLeft(j).divide(pow).add(BigInteger.ONE);
        DOUBLE_POW5_INV_SPLIT[2 * i] = inv.and(mask64).longValue();
        DOUBLE_POW5_INV_SPLIT[2 * i + 1] = inv.shiftRight(64).longValue();
      }
      if (i < 47) {
        FLOAT_POW5_SPLIT[i] = shiftTo(pow, pow.bitLength() - FLOAT_POW5_BITCOUNT).longValue();
      }
      if (i < 31) {
        int j = pow.bitLength() - 1 + FLOAT_POW5_INV_BITCOUNT;
        FLOAT_POW5_INV_SPLIT[i] =
            BigInteger.ONE.shiftLeft(j).divide(pow).add(BigInteger.ONE).longValue();
      }
    }
  }

  private static BigInteger shiftTo(BigInteger value, int rightShift) {
    return rightShift >= 0 ? value.shiftRight(rightShift) : value.shiftLeft(-rightShift);
  }

  /** The last decomposition: value = mantissa * 10^exponent. */
  private long mantissa;

  private int exponent;

  /** Where the text is composed before one copy to the output. */
  private final AsciiBuffer text = new AsciiBuffer();

  void writeDouble(MessageBuffer out, double value, int extraFloatDigits) {
    composeDouble(value, extraFloatDigits).writeTo(out);
  }

  void writeFloat(MessageBuffer out, float value, int extraFloatDigits) {
    composeFloat(value, extraFloatDigits).writeTo(out);
  }

  /** float8out's text, valid until the next call. */
  AsciiBuffer composeDouble(double value, int extraFloatDigits) {
    text.clear();
    if (putSpecial(value)) {
      return text;
    }
    if (extraFloatDigits <= 0) {
      putRounded(value, 15 + extraFloatDigits);
    } else {
      long bits = Double.doubleToRawLongBits(value);
      if (bits < 0) {
        text.put('-');
      }
      long ieeeMantissa = bits & ((1L << 52) - 1);
      int ieeeExponent = (int) ((bits >>> 52) & 0x7FF);
      if (!smallInt(ieeeMantissa, ieeeExponent, 52, 1023)) {
        d2d(ieeeMantissa, ieeeExponent);
      }
      putShortest(15);
    }
    return text;
  }

  /** float4out's text, valid until the next call. */
  AsciiBuffer composeFloat(float value, int extraFloatDigits) {
    text.clear();
    if (putSpecial(value)) {
      return text;
    }
    if (extraFloatDigits <= 0) {
      putRounded(value, 6 + extraFloatDigits);
    } else {
      int bits = Float.floatToRawIntBits(value);
      if (bits < 0) {
        text.put('-');
      }
      int ieeeMantissa = bits & ((1 << 23) - 1);
      int ieeeExponent = (bits >>> 23) & 0xFF;
      if (!smallInt(ieeeMantissa, ieeeExponent, 23, 127)) {
        f2d(ieeeMantissa, ieeeExponent);
      }
      putShortest(6);
    }
    return text;
  }

  /** NaN, infinities and zeros, as Ryu's copy_special_str and float8out write them. */
  private boolean putSpecial(double value) {
    if (Double.isNaN(value)) {
      text.put(Text.NAN);
    } else if (value == Double.POSITIVE_INFINITY) {
      text.put(Text.INFINITY);
    } else if (value == Double.NEGATIVE_INFINITY) {
      text.put(Text.MINUS_INFINITY);
    } else if (value == 0) {
      if (Double.doubleToRawLongBits(value) != 0) {
        text.put('-');
      }
      text.put('0');
    } else {
      return false;
    }
    return true;
  }

  /** Integers in [1, 2^mantissaBits+1) are printed exactly (d2d_small_int / f2d_small_int). */
  private boolean smallInt(long ieeeMantissa, int ieeeExponent, int mantissaBits, int bias) {
    int e2 = ieeeExponent - bias - mantissaBits;
    if (e2 < -mantissaBits || e2 > 0) {
      return false;
    }
    if ((ieeeMantissa & ((1L << -e2) - 1)) != 0) {
      return false;
    }
    mantissa = ((1L << mantissaBits) | ieeeMantissa) >> -e2;
    exponent = 0;
    return true;
  }

  /** to_chars: fixed notation if the decimal exponent is in [-4, fixedLimit), else d.ddde±XX. */
  private void putShortest(int fixedLimit) {
    long output = mantissa;
    int length = Digits.count(output);
    int exp = exponent + length - 1;
    if (exp >= -4 && exp < fixedLimit) {
      putFixed(output, length, exponent);
      return;
    }
    if (exponent == 0) {
      while (output % 10 == 0) {
        output /= 10;
        length--;
      }
    }
    putScientific(output, length, exp);
  }

  /** digits * 10^exp in fixed notation. */
  private void putFixed(long digits, int length, int exp) {
    int integerDigits = length + exp;
    if (exp >= 0) {
      text.putDigits(digits, length);
      text.putZeros(exp);
    } else if (integerDigits > 0) {
      text.putWithPoint(digits, length, integerDigits);
    } else {
      text.put('0');
      text.put('.');
      text.putZeros(-integerDigits);
      text.putDigits(digits, length);
    }
  }

  /** d[.ddd]e±XX, at least two exponent digits. */
  private void putScientific(long digits, int length, int exp) {
    if (length > 1) {
      text.putWithPoint(digits, length, 1);
    } else {
      text.put((char) ('0' + digits));
    }
    text.put('e');
    text.put(exp < 0 ? '-' : '+');
    text.putPadded(Math.abs(exp), 2);
  }

  /** printf("%.*g", precision, value) as pg_strfromd does it (precision clamped to [1, 32]). */
  private void putRounded(double value, int precision) {
    precision = Math.max(1, Math.min(32, precision));
    BigDecimal rounded =
        new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exp = rounded.precision() - rounded.scale() - 1;
    BigDecimal stripped = rounded.stripTrailingZeros();
    if (stripped.signum() < 0) {
      text.put('-');
      stripped = stripped.negate();
    }
    String digits = stripped.unscaledValue().toString();
    if (exp < -4 || exp >= precision) {
      text.put(digits.charAt(0));
      if (digits.length() > 1) {
        text.put('.');
        text.put(Text.ascii(digits.substring(1)));
      }
      text.put('e');
      text.put(exp < 0 ? '-' : '+');
      text.putPadded(Math.abs(exp), 2);
    } else {
      text.put(Text.ascii(stripped.toPlainString()));
    }
  }

  private static int pow5bits(int e) {
    return (int) (((e * 1217359L) >>> 19) + 1);
  }

  private static int log10Pow2(int e) {
    return (int) ((e * 78913L) >>> 18);
  }

  private static int log10Pow5(int e) {
    return (int) ((e * 732923L) >>> 20);
  }

  private static int pow5Factor(long value) {
    int count = 0;
    while (value % 5 == 0) {
      value /= 5;
      count++;
    }
    return count;
  }

  /** The high 64 bits of (m * (hi:lo)) >> j, for j >= 64 (Ryu's mulShift). */
  private static long mulShift64(long m, long[] table, int index, int j) {
    long lo = table[2 * index];
    long hi = table[2 * index + 1];
    long high1 = unsignedMultiplyHigh(m, hi);
    long low1 = m * hi;
    long high0 = unsignedMultiplyHigh(m, lo);
    long sum = high0 + low1;
    if (Long.compareUnsigned(sum, high0) < 0) {
      high1++;
    }
    int shift = j - 64;
    return (high1 << (64 - shift)) | (sum >>> shift);
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  private void d2d(long ieeeMantissa, int ieeeExponent) {
    int e2;
    long m2;
    if (ieeeExponent == 0) {
      e2 = 1 - 1023 - 52 - 2;
      m2 = ieeeMantissa;
    } else {
      e2 = ieeeExponent - 1023 - 52 - 2;
      m2 = (1L << 52) | ieeeMantissa;
    }
    long mv = 4 * m2;
    int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;
    long vr;
    long vp;
    long vm;
    int e10;
    boolean vrIsTrailingZeros = false;
    if (e2 >= 0) {
      int q = log10Pow2(e2) - (e2 > 3 ? 1 : 0);
      e10 = q;
      int k = DOUBLE_POW5_INV_BITCOUNT + pow5bits(q) - 1;
      int i = -e2 + q + k;
      vr = mulShift64(mv, DOUBLE_POW5_INV_SPLIT, q, i);
      vp = mulShift64(mv + 2, DOUBLE_POW5_INV_SPLIT, q, i);
      vm = mulShift64(mv - 1 - mmShift, DOUBLE_POW5_INV_SPLIT, q, i);
      if (q <= 21) {
        if (mv % 5 == 0) {
          vrIsTrailingZeros = pow5Factor(mv) >= q;
        } else if (pow5Factor(mv + 2) >= q) {
          vp--;
        }
      }
    } else {
      int q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
      e10 = q + e2;
      int i = -e2 - q;
      int k = pow5bits(i) - DOUBLE_POW5_BITCOUNT;
      int j = q - k;
      vr = mulShift64(mv, DOUBLE_POW5_SPLIT, i, j);
      vp = mulShift64(mv + 2, DOUBLE_POW5_SPLIT, i, j);
      vm = mulShift64(mv - 1 - mmShift, DOUBLE_POW5_SPLIT, i, j);
      if (q <= 1) {
        vrIsTrailingZeros = true;
        vp--;
      } else if (q < 63) {
        vrIsTrailingZeros = (mv & ((1L << (q - 1)) - 1)) == 0;
      }
    }
    int removed = 0;
    int lastRemovedDigit = 0;
    long output;
    if (vrIsTrailingZeros) {
      while (vp / 10 > vm / 10) {
        vrIsTrailingZeros &= lastRemovedDigit == 0;
        lastRemovedDigit = (int) (vr % 10);
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
        lastRemovedDigit = 4; // round half to even when the exact value is ...50...0
      }
      output = vr + (vr == vm || lastRemovedDigit >= 5 ? 1 : 0);
    } else {
      // The common case, as Ryu's d2s.c has it: two digits at once first (usually all there is
      // to remove), then one at a time.
      boolean roundUp = false;
      long vpDiv100 = vp / 100;
      long vmDiv100 = vm / 100;
      if (vpDiv100 > vmDiv100) {
        long vrDiv100 = vr / 100;
        roundUp = vr - 100 * vrDiv100 >= 50;
        vr = vrDiv100;
        vp = vpDiv100;
        vm = vmDiv100;
        removed += 2;
      }
      while (vp / 10 > vm / 10) {
        roundUp = vr % 10 >= 5;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      output = vr + (vr == vm || roundUp ? 1 : 0);
    }
    mantissa = output;
    exponent = e10 + removed;
  }

  private static int mulShift32(int m, long factor, int shift) {
    long factorLo = factor & 0xFFFF_FFFFL;
    long factorHi = factor >>> 32;
    long bits0 = m * factorLo;
    long bits1 = m * factorHi;
    return (int) (((bits0 >>> 32) + bits1) >>> (shift - 32));
  }

  private void f2d(int ieeeMantissa, int ieeeExponent) {
    int e2;
    int m2;
    if (ieeeExponent == 0) {
      e2 = 1 - 127 - 23 - 2;
      m2 = ieeeMantissa;
    } else {
      e2 = ieeeExponent - 127 - 23 - 2;
      m2 = (1 << 23) | ieeeMantissa;
    }
    int mv = 4 * m2;
    int mp = 4 * m2 + 2;
    int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;
    int mm = 4 * m2 - 1 - mmShift;
    int vr;
    int vp;
    int vm;
    int e10;
    boolean vrIsTrailingZeros = false;
    int lastRemovedDigit = 0;
    if (e2 >= 0) {
      int q = log10Pow2(e2);
      e10 = q;
      int k = FLOAT_POW5_INV_BITCOUNT + pow5bits(q) - 1;
      int i = -e2 + q + k;
      vr = mulShift32(mv, FLOAT_POW5_INV_SPLIT[q], i);
      vp = mulShift32(mp, FLOAT_POW5_INV_SPLIT[q], i);
      vm = mulShift32(mm, FLOAT_POW5_INV_SPLIT[q], i);
      if (q != 0 && (vp - 1) / 10 <= vm / 10) {
        int l = FLOAT_POW5_INV_BITCOUNT + pow5bits(q - 1) - 1;
        lastRemovedDigit = mulShift32(mv, FLOAT_POW5_INV_SPLIT[q - 1], -e2 + q - 1 + l) % 10;
      }
      if (q <= 9) {
        if (mv % 5 == 0) {
          vrIsTrailingZeros = pow5Factor(mv) >= q;
        } else if (pow5Factor(mp) >= q) {
          vp--;
        }
      }
    } else {
      int q = log10Pow5(-e2);
      e10 = q + e2;
      int i = -e2 - q;
      int k = pow5bits(i) - FLOAT_POW5_BITCOUNT;
      int j = q - k;
      vr = mulShift32(mv, FLOAT_POW5_SPLIT[i], j);
      vp = mulShift32(mp, FLOAT_POW5_SPLIT[i], j);
      vm = mulShift32(mm, FLOAT_POW5_SPLIT[i], j);
      if (q != 0 && (vp - 1) / 10 <= vm / 10) {
        j = q - 1 - (pow5bits(i + 1) - FLOAT_POW5_BITCOUNT);
        lastRemovedDigit = mulShift32(mv, FLOAT_POW5_SPLIT[i + 1], j) % 10;
      }
      if (q <= 1) {
        vrIsTrailingZeros = true;
        vp--;
      } else if (q < 31) {
        vrIsTrailingZeros = (mv & ((1 << (q - 1)) - 1)) == 0;
      }
    }
    int removed = 0;
    if (vrIsTrailingZeros) {
      while (vp / 10 > vm / 10) {
        vrIsTrailingZeros &= lastRemovedDigit == 0;
        lastRemovedDigit = vr % 10;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
        lastRemovedDigit = 4;
      }
    } else {
      while (vp / 10 > vm / 10) {
        lastRemovedDigit = vr % 10;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
    }
    mantissa = vr + (vr == vm || lastRemovedDigit >= 5 ? 1 : 0);
    exponent = e10 + removed;
  }
}
