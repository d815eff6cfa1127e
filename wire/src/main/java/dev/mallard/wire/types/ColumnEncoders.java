package dev.mallard.wire.types;

import io.netty.buffer.ByteBuf;
import java.util.List;
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
    if (vector instanceof UnionVector union) {
      UnionMembers members = new UnionMembers(union);
      return (out, row) -> {
        if (members.isNull(row)) {
          out.writeInt(-1);
        } else {
          writeValue(out, writer, row);
        }
      };
    }
    return (out, row) -> {
      if (vector.isNull(row)) {
        out.writeInt(-1);
      } else {
        writeValue(out, writer, row);
      }
    };
  }

  private static void writeValue(ByteBuf out, ValueWriter writer, int row) {
    int lengthAt = out.writerIndex();
    out.writeInt(0);
    writer.write(out, row);
    out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
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
