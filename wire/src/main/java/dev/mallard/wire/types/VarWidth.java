package dev.mallard.wire.types;

import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthViewVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The bytes of a variable-width value (Utf8, Binary, their Large and View forms, FixedSizeBinary)
 * read straight from the Arrow buffers: copied into the output in one memory copy, or into a
 * reusable scratch array
 * for callers that must look at them (quoting, escaping, parsing). As a ValueWriter it copies the
 * value's bytes unchanged. Not thread-safe.
 */
final class VarWidth implements LengthFirst {
  private final FieldVector vector;
  private final RawBuffer data;
  private final RawBuffer offsets;
  private final int offsetWidth; // 4, 8, or 0 for fixed-size; -1 for views
  private final int fixedWidth;
  private byte[] scratch = new byte[64];

  private VarWidth(FieldVector vector, int offsetWidth, int fixedWidth) {
    this.vector = vector;
    this.offsetWidth = offsetWidth;
    this.fixedWidth = fixedWidth;
    this.data = offsetWidth >= 0 ? new RawBuffer(vector.getDataBuffer()) : null;
    this.offsets = offsetWidth > 0 ? new RawBuffer(vector.getOffsetBuffer()) : null;
  }

  /** Whether the vector holds text (Utf8, LargeUtf8, Utf8View) rather than binary. */
  static boolean isUtf8(FieldVector vector) {
    ArrowType type = vector.getField().getType();
    return type instanceof ArrowType.Utf8
        || type instanceof ArrowType.LargeUtf8
        || type instanceof ArrowType.Utf8View;
  }

  /** A reader for the vector, or null if it does not hold variable-width bytes. */
  static VarWidth of(FieldVector vector) {
    if (vector instanceof BaseVariableWidthVector) {
      return new VarWidth(vector, 4, 0);
    }
    if (vector instanceof BaseLargeVariableWidthVector) {
      return new VarWidth(vector, 8, 0);
    }
    if (vector instanceof FixedSizeBinaryVector fixed) {
      return new VarWidth(vector, 0, fixed.getByteWidth());
    }
    if (vector instanceof BaseVariableWidthViewVector) {
      return new VarWidth(vector, -1, 0);
    }
    return null;
  }

  private long start(int index) {
    return switch (offsetWidth) {
      case 4 -> offsets.getInt((long) index * 4);
      case 8 -> offsets.getLong((long) index * 8);
      default -> (long) index * fixedWidth;
    };
  }

  /** Where the value after {@code index} starts: the end of this one. */
  private long end(int index) {
    return start(index + 1);
  }

  @Override
  public void write(MessageBuffer out, int index) {
    copyTo(out, index);
  }

  /** Appends the value's bytes to {@code out}. */
  void copyTo(MessageBuffer out, int index) {
    if (data == null) {
      int n = load(index); // load first: it may grow the scratch array
      out.writeBytes(scratch(), 0, n);
      return;
    }
    long start = start(index);
    out.writeBytes(data, start, (int) (end(index) - start));
  }

  @Override
  public void writeWithLength(MessageBuffer out, int index) {
    if (data == null) {
      int n = load(index); // load first: it may grow the scratch array
      out.writeInt(n);
      out.writeBytes(scratch(), 0, n);
      return;
    }
    long start = start(index);
    int length = (int) (end(index) - start);
    out.writeInt(length);
    out.writeBytes(data, start, length);
  }

  /** Copies the value into {@link #scratch()} and returns its length. */
  int load(int index) {
    if (offsetWidth < 0) {
      byte[] bytes = ((BaseVariableWidthViewVector) vector).get(index);
      ensureScratch(bytes.length);
      System.arraycopy(bytes, 0, scratch, 0, bytes.length);
      return bytes.length;
    }
    int length = (int) (end(index) - start(index));
    ensureScratch(length);
    data.copyTo(start(index), scratch, 0, length);
    return length;
  }

  /** The buffer {@link #load} fills; valid until the next call. */
  byte[] scratch() {
    return scratch;
  }

  private void ensureScratch(int length) {
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
    }
  }
}
