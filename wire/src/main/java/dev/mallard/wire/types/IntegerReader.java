package dev.mallard.wire.types;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;

/**
 * Integer values of any Arrow integer vector as a long, read from the data buffer. UInt8 values
 * above Long.MAX_VALUE come back negative: check {@link #unsigned64()}.
 */
final class IntegerReader {
  private final RawBuffer data;
  private final int width;
  private final boolean unsigned;

  private IntegerReader(FieldVector vector, int width, boolean unsigned) {
    this.data = new RawBuffer(vector.getDataBuffer());
    this.width = width;
    this.unsigned = unsigned;
  }

  /** A reader for an integer vector, or null for any other vector. */
  static IntegerReader of(FieldVector vector) {
    if (vector instanceof TinyIntVector) {
      return new IntegerReader(vector, 1, false);
    } else if (vector instanceof SmallIntVector) {
      return new IntegerReader(vector, 2, false);
    } else if (vector instanceof IntVector) {
      return new IntegerReader(vector, 4, false);
    } else if (vector instanceof BigIntVector) {
      return new IntegerReader(vector, 8, false);
    } else if (vector instanceof UInt1Vector) {
      return new IntegerReader(vector, 1, true);
    } else if (vector instanceof UInt2Vector) {
      return new IntegerReader(vector, 2, true);
    } else if (vector instanceof UInt4Vector) {
      return new IntegerReader(vector, 4, true);
    } else if (vector instanceof UInt8Vector) {
      return new IntegerReader(vector, 8, true);
    }
    return null;
  }

  long get(int index) {
    long at = (long) index * width;
    return switch (width) {
      case 1 -> unsigned ? data.getByte(at) & 0xFFL : data.getByte(at);
      case 2 -> unsigned ? data.getShort(at) & 0xFFFFL : data.getShort(at);
      case 4 -> unsigned ? data.getInt(at) & 0xFFFF_FFFFL : data.getInt(at);
      default -> data.getLong(at);
    };
  }

  /** True for UInt8, whose values must be read as unsigned. */
  boolean unsigned64() {
    return unsigned && width == 8;
  }

  /** Whether every value fits a signed integer of {@code bits} bits. */
  boolean fitsSigned(int bits) {
    return unsigned ? width * 8 < bits : width * 8 <= bits;
  }
}
