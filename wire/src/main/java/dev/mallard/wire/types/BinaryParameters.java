package dev.mallard.wire.types;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/**
 * Binary-format parameter input for the types whose receive function is more than "the bytes":
 * numeric_recv, varbit_recv and array_recv. Layouts are those the encoders write (see
 * NumericFormat, BitString, ArrayWriters).
 */
final class BinaryParameters {
  private BinaryParameters() {}

  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  /** numeric_recv: a BigDecimal at the sent dscale, or Double NaN / ±Infinity. */
  static Object numeric(ByteBuffer in) {
    int ndigits = in.getShort() & 0xFFFF;
    int weight = in.getShort();
    int sign = in.getShort() & 0xFFFF;
    int dscale = in.getShort() & 0xFFFF;
    switch (sign) {
      case 0x0000, 0x4000 -> {}
      case 0xC000 -> {
        return Double.NaN;
      }
      case 0xD000 -> {
        return Double.POSITIVE_INFINITY;
      }
      case 0xF000 -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> throw invalid("invalid sign in external \"numeric\" value");
    }
    if (dscale > 0x3FFF) {
      throw invalid("invalid scale in external \"numeric\" value");
    }
    BigInteger unscaled = BigInteger.ZERO;
    for (int i = 0; i < ndigits; i++) {
      int digit = in.getShort();
      if (digit < 0 || digit >= 10_000) {
        throw invalid("invalid digit in external \"numeric\" value");
      }
      unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(digit));
    }
    // value = unscaled * 10000^(weight - ndigits + 1)
    BigDecimal value = new BigDecimal(unscaled, -4 * (weight - ndigits + 1));
    if (sign == 0x4000) {
      value = value.negate();
    }
    return value.setScale(dscale, RoundingMode.HALF_UP);
  }

  /** varbit_recv: Int32 bit count and the bits, returned as the '0'/'1' text DuckDB casts. */
  static String bits(ByteBuffer in) {
    int count = in.getInt();
    if (count < 0 || (count + 7) / 8 != in.remaining()) {
      throw invalid("invalid length in external bit string");
    }
    StringBuilder bits = new StringBuilder(count);
    for (int k = 0; k < count; k++) {
      int b = in.get(in.position() + k / 8);
      bits.append((b >> (7 - k % 8) & 1) == 0 ? '0' : '1');
    }
    in.position(in.limit());
    return bits.toString();
  }

  /** Decodes one element's bytes (the ByteBuffer holds exactly those bytes). */
  @FunctionalInterface
  interface ElementDecoder {
    Object decode(ByteBuffer element);
  }

  /**
   * array_recv: Int32 ndim, Int32 flags, Int32 element OID, ndim × (Int32 size, Int32 lower bound),
   * then the elements (Int32 length or -1 for NULL, bytes). Returns nested Object[] for more than
   * one dimension; the lower bounds are not kept.
   */
  static Object[] array(ByteBuffer in, PgType elementType, ElementDecoder element) {
    int ndim = in.getInt();
    int flags = in.getInt();
    int elementOid = in.getInt();
    if (ndim < 0 || ndim > 6) {
      throw invalid("invalid number of dimensions: " + ndim);
    }
    if (flags != 0 && flags != 1) {
      throw invalid("invalid array flags");
    }
    if (elementOid != elementType.oid()) {
      throw new PgException(
          SqlState.DATATYPE_MISMATCH,
          "binary data has array element type "
              + elementOid
              + " ("
              + PgTypes.find(elementOid).map(PgType::name).orElse("unknown")
              + ") instead of expected "
              + elementType.oid()
              + " ("
              + elementType.name()
              + ")");
    }
    int[] sizes = new int[ndim];
    for (int d = 0; d < ndim; d++) {
      sizes[d] = in.getInt();
      in.getInt(); // lower bound
      if (sizes[d] < 0) {
        throw invalid("array size exceeds the maximum allowed");
      }
    }
    return ndim == 0 ? new Object[0] : dimension(in, sizes, 0, element);
  }

  private static Object[] dimension(ByteBuffer in, int[] sizes, int depth, ElementDecoder element) {
    Object[] result = new Object[sizes[depth]];
    for (int k = 0; k < result.length; k++) {
      if (depth + 1 < sizes.length) {
        result[k] = dimension(in, sizes, depth + 1, element);
        continue;
      }
      int length = in.getInt();
      if (length == -1) {
        continue;
      }
      if (length < 0 || length > in.remaining()) {
        throw invalid("insufficient data left in message");
      }
      ByteBuffer slice = in.slice();
      slice.limit(length);
      in.position(in.position() + length);
      result[k] = element.decode(slice);
    }
    return result;
  }

  static PgException invalid(String message) {
    return new PgException(SqlState.INVALID_BINARY_REPRESENTATION, message);
  }
}
