package dev.mallard.wire.types;

import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthViewVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * Chooses the {@link ColumnEncoder} for an Arrow vector, once per batch: the vector's layout, the
 * column's PostgreSQL type and the requested format code decide which writer runs for every row, so
 * the per-row path reads the Arrow buffers and writes bytes with no boxing, no JDBC getters and no
 * per-value allocation.
 */
public final class ColumnEncoders {
  private ColumnEncoders() {}

  /** Format code 0 in RowDescription and Bind. */
  public static final short TEXT = 0;

  /** Format code 1 in RowDescription and Bind. */
  public static final short BINARY = 1;

  /**
   * An encoder writing {@code vector}'s values as {@code target} in {@code format}.
   *
   * @param dictionaries the reader's dictionaries, needed for dictionary-encoded (ENUM) columns;
   *     may be null when there are none
   * @throws IllegalArgumentException if the format is not 0 or 1, or the vector cannot hold values
   *     of the target type in binary (a mapping bug)
   * @throws dev.mallard.wire.error.PgException UNDEFINED_FUNCTION, worded as PostgreSQL does, when
   *     binary is requested for a type without a binary form here ({@link
   *     PgType#binarySupported()}); FEATURE_NOT_SUPPORTED for an unsupported IntervalStyle
   */
  public static ColumnEncoder create(
      FieldVector vector,
      PgColumnType target,
      short format,
      EncodingContext ctx,
      DictionaryProvider dictionaries) {
    if (format != TEXT && format != BINARY) {
      throw new IllegalArgumentException("unknown format code " + format);
    }
    if (vector instanceof NullVector) {
      return (out, row) -> out.writeInt(-1);
    }
    ValueWriter writer =
        format == TEXT
            ? TextWriters.forVector(vector, target.type(), ctx, dictionaries)
            : BinaryWriters.forVector(vector, target.type(), ctx, dictionaries);
    return nullable(vector, withLength(writer));
  }

  /**
   * Writes a non-null value as a DataRow column: Int32 length, then the bytes. Writers that know
   * the length before writing (fixed-size binary, text composed in a scratch array, bytes copied
   * from Arrow, binary numeric) write it first; for the others it is patched in afterwards.
   */
  private static ColumnEncoder withLength(ValueWriter writer) {
    if (writer instanceof BinaryWriters.FixedLong fixed) {
      BinaryWriters.LongValues values = fixed.values();
      return (out, row) -> out.writeLengthAndLong(values.get(row));
    }
    if (writer instanceof BinaryWriters.FixedLength fixed) {
      int length = fixed.length();
      ValueWriter value = fixed.writer(); // unwrapped: no extra call per row
      return (out, row) -> {
        out.writeInt(length);
        value.write(out, row);
      };
    }
    if (writer instanceof ComposedText text) {
      return (out, row) -> text.compose(row).writeWithLengthTo(out);
    }
    if (writer instanceof LengthFirst lengthFirst) {
      return lengthFirst::writeWithLength;
    }
    return (out, row) -> {
      int lengthAt = out.writerIndex();
      out.writeInt(0);
      writer.write(out, row);
      out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
    };
  }

  /**
   * Adds the NULL check (Int32 -1 for NULL). The common vectors answer from their validity bitmap,
   * read here directly rather than through a FieldVector call; a batch without NULLs, the usual
   * case, needs no check at all.
   */
  private static ColumnEncoder nullable(FieldVector vector, ColumnEncoder value) {
    if (vector instanceof UnionVector union) {
      UnionMembers members = new UnionMembers(union);
      return (out, row) -> {
        if (members.isNull(row)) {
          out.writeInt(-1);
        } else {
          value.write(out, row);
        }
      };
    }
    if (!hasValidityBitmap(vector)) {
      return (out, row) -> {
        if (vector.isNull(row)) {
          out.writeInt(-1);
        } else {
          value.write(out, row);
        }
      };
    }
    if (vector.getNullCount() == 0) {
      return value;
    }
    RawBuffer validity = new RawBuffer(vector.getValidityBuffer());
    return (out, row) -> {
      if (TextWriters.bit(validity, row)) {
        value.write(out, row);
      } else {
        out.writeInt(-1);
      }
    };
  }

  /** Vectors whose NULLs are exactly the clear bits of their validity buffer. */
  private static boolean hasValidityBitmap(FieldVector vector) {
    return vector instanceof BaseFixedWidthVector
        || vector instanceof BaseVariableWidthVector
        || vector instanceof BaseLargeVariableWidthVector
        || vector instanceof BaseVariableWidthViewVector;
  }

  /**
   * Encoders for every column of a batch. {@code formatCodes} follows Bind's result-format rule:
   * empty means all text, one code applies to every column, otherwise one code per column.
   */
  public static ColumnEncoder[] createAll(
      VectorSchemaRoot batch,
      List<PgColumnType> types,
      short[] formatCodes,
      EncodingContext ctx,
      DictionaryProvider dictionaries) {
    List<FieldVector> vectors = batch.getFieldVectors();
    if (types.size() != vectors.size()) {
      throw new IllegalArgumentException(
          types.size() + " column types for " + vectors.size() + " vectors");
    }
    if (formatCodes.length > 1 && formatCodes.length != vectors.size()) {
      throw new IllegalArgumentException(
          formatCodes.length + " format codes for " + vectors.size() + " columns");
    }
    ColumnEncoder[] encoders = new ColumnEncoder[vectors.size()];
    for (int c = 0; c < encoders.length; c++) {
      short format = formatCodes.length == 0 ? TEXT : formatCodes[formatCodes.length == 1 ? 0 : c];
      encoders[c] = create(vectors.get(c), types.get(c), format, ctx, dictionaries);
    }
    return encoders;
  }
}
