package dev.mallard.wire.types;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Decimal digits written straight into a ByteBuf, so integer text output (int2out, int4out, int8out
 * and the numeric text of unsigned and 128-bit values) never makes a String.
 */
final class Digits {
  private Digits() {}

  private static final byte[] LONG_MIN =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  /** Writes a signed long as PostgreSQL's int8out does: optional '-', no leading zeros. */
  static void writeLong(ByteBuf out, long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        out.writeBytes(LONG_MIN);
        return;
      }
      out.writeByte('-');
      value = -value;
    }
    writePositive(out, value, count(value));
  }

  /** Writes a long holding an unsigned 64-bit value (UBIGINT). */
  static void writeUnsignedLong(ByteBuf out, long value) {
    if (value >= 0) {
      writePositive(out, value, count(value));
      return;
    }
    long quotient = (value >>> 1) / 5;
    writePositive(out, quotient, count(quotient));
    out.writeByte((int) ('0' + (value - quotient * 10)));
  }

  /** Writes a non-negative value zero-padded to at least {@code width} digits ("%0*d"). */
  static void writePadded(ByteBuf out, long value, int width) {
    writePositive(out, value, Math.max(width, count(value)));
  }

  /** The number of decimal digits of a non-negative value (1 for 0). */
  static int count(long value) {
    int n = 1;
    long limit = 10;
    while (n < 19 && value >= limit) {
      n++;
      limit *= 10;
    }
    return n;
  }

  private static void writePositive(ByteBuf out, long value, int digits) {
    out.ensureWritable(digits);
    int start = out.writerIndex();
    for (int i = start + digits - 1; i >= start; i--) {
      out.setByte(i, (int) ('0' + value % 10));
      value /= 10;
    }
    out.writerIndex(start + digits);
  }
}
