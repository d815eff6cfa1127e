package dev.mallard.wire.types;


/**
 * DuckDB's BIT values as PostgreSQL bit strings. DuckDB stores a bit string as one byte holding the
 * number of padding bits, then the bits most significant first, the padding (set to 1) in front:
 * '0101' is 0x04 0xF5. PostgreSQL's text form is the digits ("0101"); its varbit_send form is Int32
 * bit count, then the bits left-aligned with the trailing padding zeroed ('0101' is 00000004 50).
 */
final class BitString {
  private BitString() {}

  static int bitCount(byte[] bits, int length) {
    return length <= 1 ? 0 : (length - 1) * 8 - (bits[0] & 0xFF);
  }

  static void writeText(MessageBuffer out, byte[] bits, int length) {
    int count = bitCount(bits, length);
    int padding = length <= 1 ? 0 : bits[0] & 0xFF;
    out.ensureWritable(count);
    for (int k = 0; k < count; k++) {
      int bit = padding + k;
      out.writeByte((bits[1 + (bit >> 3)] >> (7 - (bit & 7)) & 1) == 0 ? '0' : '1');
    }
  }

  static void writeBinary(MessageBuffer out, byte[] bits, int length) {
    int count = bitCount(bits, length);
    int padding = length <= 1 ? 0 : bits[0] & 0xFF;
    out.writeInt(count);
    int bytes = (count + 7) / 8;
    for (int m = 0; m < bytes; m++) {
      int hi = (bits[1 + m] & 0xFF) << padding;
      int lo = 2 + m < length ? (bits[2 + m] & 0xFF) >>> (8 - padding) : 0;
      int value = (hi | lo) & 0xFF;
      if (m == bytes - 1 && count % 8 != 0) {
        value &= 0xFF << (8 - count % 8);
      }
      out.writeByte(value);
    }
  }

  /** varbit_send from the text form ("0101"), for bit strings that arrive as VARCHAR. */
  static void writeBinaryFromText(MessageBuffer out, byte[] digits, int length) {
    out.writeInt(length);
    int value = 0;
    for (int k = 0; k < length; k++) {
      value = value << 1 | (digits[k] == '1' ? 1 : 0);
      if (k % 8 == 7) {
        out.writeByte(value);
        value = 0;
      }
    }
    if (length % 8 != 0) {
      out.writeByte(value << (8 - length % 8));
    }
  }
}
