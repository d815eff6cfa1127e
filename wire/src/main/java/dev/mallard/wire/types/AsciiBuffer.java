package dev.mallard.wire.types;

import java.util.Arrays;

/**
 * A reusable array one text value is composed in before it is copied to the output with one {@link
 * MessageBuffer#writeBytes}: byte-by-byte writes to a MessageBuffer pay an index and reference-count check
 * each, which dominated the cost of text results. The four bytes before the text are kept free for
 * the Int32 length of a DataRow column value, so {@link #writeWithLengthTo} copies both at once.
 * Every writer owning one uses it for one value at a time; not thread-safe.
 *
 * <p>Its fixed capacity is well above the longest value written through it (an interval with every
 * field at its extreme, under 100 bytes); an overflow is a bug and fails with an index exception.
 */
final class AsciiBuffer {
  static final int CAPACITY = 128;

  /** Where the text starts: bytes[0, 4) are for the length prefix. */
  private static final int START = 4;

  private final byte[] bytes = new byte[START + CAPACITY];
  private int end = START;

  AsciiBuffer clear() {
    end = START;
    return this;
  }

  /** The current end of the text, to go back to with {@link #truncate}. */
  int mark() {
    return end;
  }

  /** Drops everything after {@code mark}, or takes back text still in the array up to it. */
  void truncate(int mark) {
    end = mark;
  }

  void put(char c) {
    bytes[end++] = (byte) c;
  }

  void put(byte[] word) {
    put(word, 0, word.length);
  }

  void put(byte[] src, int from, int count) {
    System.arraycopy(src, from, bytes, end, count);
    end += count;
  }

  /** A signed long as int8out writes it. */
  void putLong(long value) {
    end = Digits.putLong(bytes, end, value);
  }

  /** A long holding an unsigned 64-bit value. */
  void putUnsignedLong(long value) {
    end = Digits.putUnsignedLong(bytes, end, value);
  }

  /** A non-negative value zero-padded to at least {@code width} digits ("%0*d"). */
  void putPadded(long value, int width) {
    putDigits(value, Math.max(width, Digits.count(value)));
  }

  /** Exactly {@code digits} digits of a non-negative value below 10^digits. */
  void putDigits(long value, int digits) {
    Digits.put(bytes, end, value, digits);
    end += digits;
  }

  /** Two digits of a value in [0, 99]. */
  void put2(int value) {
    Digits.put2(bytes, end, value);
    end += 2;
  }

  void putZeros(int count) {
    Arrays.fill(bytes, end, end + count, (byte) '0');
    end += count;
  }

  /**
   * {@code digits} digits of a non-negative value (zero-padded) with a decimal point after the
   * first {@code integerDigits} of them.
   */
  void putWithPoint(long value, int digits, int integerDigits) {
    int at = end;
    Digits.put(bytes, at + 1, value, digits);
    // Move the integer part left over the gap: cheaper than splitting the value by dividing it by
    // a power of ten that is not a constant (a real 64-bit division).
    System.arraycopy(bytes, at + 1, bytes, at, integerDigits);
    bytes[at + integerDigits] = '.';
    end = at + digits + 1;
  }

  /** Drops '0's at the end (fractions are written without trailing zeros). */
  void trimZeros() {
    while (bytes[end - 1] == '0') {
      end--;
    }
  }

  void writeTo(MessageBuffer out) {
    out.writeBytes(bytes, START, end - START);
  }

  /** Int32 length, then the text: a DataRow column value. */
  void writeWithLengthTo(MessageBuffer out) {
    int length = end - START;
    bytes[0] = (byte) (length >>> 24);
    bytes[1] = (byte) (length >>> 16);
    bytes[2] = (byte) (length >>> 8);
    bytes[3] = (byte) length;
    out.writeBytes(bytes, 0, end);
  }
}
