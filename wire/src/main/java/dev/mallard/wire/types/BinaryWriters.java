package dev.mallard.wire.types;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * Binary-format writers: each PostgreSQL type's send function, chosen by the target type and fed
 * from whichever Arrow vector DuckDB uses for it. Layouts (all big-endian):
 *
 * <pre>
 * bool          1 byte, 0 or 1
 * int2/4/8      Int16 / Int32 / Int64;  oid and reg* types: UInt32
 * float4/8      IEEE 754 bits
 * numeric       see NumericFormat
 * text, varchar, bpchar, name, json, xml, unknown, "char"   the text form's bytes
 * jsonb         version byte 1, then the text
 * bytea         the bytes;   uuid   16 bytes
 * bit, varbit   Int32 bit count, bits left-aligned
 * date          Int32 days since 2000-01-01 (infinity Int32 max/min)
 * time          Int64 microseconds since midnight
 * timetz        Int64 microseconds, Int32 zone offset in seconds west of UTC (0: DuckDB drops it)
 * timestamp(tz) Int64 microseconds since 2000-01-01 00:00:00 (UTC for timestamptz)
 * interval      Int64 microseconds, Int32 days, Int32 months
 * arrays        see ArrayWriters
 * </pre>
 */
final class BinaryWriters {
  private BinaryWriters() {}

  static ValueWriter forVector(
      FieldVector vector, PgType target, EncodingContext ctx, DictionaryProvider dictionaries) {
    if (!target.binarySupported()) {
      // What PostgreSQL says for a type without a send function.
      throw new PgException(
          SqlState.UNDEFINED_FUNCTION,
          "no binary output function available for type " + target.name());
    }
    if (target.isArray()) {
      if ((vector instanceof ListVector && !(vector instanceof MapVector))
          || vector instanceof FixedSizeListVector) {
        return ArrayWriters.binary(vector, target.elementType(), ctx, dictionaries);
      }
      throw unsupported(vector, target);
    }
    ValueWriter writer = scalar(vector, target, ctx, dictionaries);
    if (writer == null) {
      throw unsupported(vector, target);
    }
    return writer;
  }

  private static IllegalArgumentException unsupported(FieldVector vector, PgType target) {
    return new IllegalArgumentException(
        "no binary encoding of " + vector.getField() + " as " + target);
  }

  private static ValueWriter scalar(
      FieldVector vector, PgType target, EncodingContext ctx, DictionaryProvider dictionaries) {
    RawBuffer data =
        vector instanceof BaseFixedWidthVector ? new RawBuffer(vector.getDataBuffer()) : null;
    IntegerReader integers =
        vector.getField().getDictionary() == null ? IntegerReader.of(vector) : null;
    VarWidth bytes = VarWidth.of(vector);
    switch (target.name()) {
      case "bool":
        return vector instanceof BitVector
            ? fixed(1, (out, i) -> out.writeByte(TextWriters.bit(data, i) ? 1 : 0))
            : null;
      case "int2":
        return integers != null && integers.fitsSigned(16)
            ? fixed(2, (out, i) -> out.writeShort((int) integers.get(i)))
            : null;
      case "int4":
        return integers != null && integers.fitsSigned(32)
            ? fixed(4, (out, i) -> out.writeInt((int) integers.get(i)))
            : null;
      case "int8":
        return integers != null && integers.fitsSigned(64)
            ? fixed8(integers::get)
            : null;
      case "oid",
      "regproc",
      "regprocedure",
      "regoper",
      "regoperator",
      "regclass",
      "regtype",
      "regnamespace",
      "regrole",
      "regconfig",
      "regdictionary",
      "regcollation":
        return integers != null ? fixed(4, (out, i) -> out.writeInt((int) integers.get(i))) : null;
      case "float4":
        return vector instanceof Float4Vector
            ? fixed(4, (out, i) -> out.writeInt(data.getInt((long) i * 4)))
            : null;
      case "float8":
        if (vector instanceof Float4Vector) {
          return fixed8(i -> Double.doubleToRawLongBits(data.getFloat((long) i * 4)));
        }
        return vector instanceof Float8Vector
            ? fixed8(i -> data.getLong((long) i * 8))
            : null;
      case "numeric":
        return numeric(vector, data, integers);
      case "jsonb":
        ValueWriter json = TextWriters.forVector(vector, PgTypes.JSONB, ctx, dictionaries);
        return (out, i) -> {
          out.writeByte(1);
          json.write(out, i);
        };
      case "text", "varchar", "bpchar", "name", "json", "xml", "unknown", "char":
        return TextWriters.forVector(vector, target, ctx, dictionaries);
      case "bytea":
        return bytes;
      case "uuid":
        if (vector instanceof FixedSizeBinaryVector) {
          return bytes;
        }
        return bytes != null && VarWidth.isUtf8(vector)
            ? (out, i) -> {
              int n = bytes.load(i); // load first: it may grow the scratch array
              writeUuidFromText(out, bytes.scratch(), n);
            }
            : null;
      case "bit", "varbit":
        if (bytes == null) {
          return null;
        }
        return VarWidth.isUtf8(vector)
            ? (out, i) -> {
              int n = bytes.load(i); // load first: it may grow the scratch array
              BitString.writeBinaryFromText(out, bytes.scratch(), n);
            }
            : (out, i) -> {
              int n = bytes.load(i); // load first: it may grow the scratch array
              BitString.writeBinary(out, bytes.scratch(), n);
            };
      case "date":
        return vector instanceof DateDayVector
            ? fixed(4, (out, i) -> out.writeInt(pgDate(data, i)))
            : null;
      case "time":
        if (!TextWriters.isTime(vector)) {
          return null;
        }
        TimeReader times = new TimeReader(vector);
        return fixed8(times::micros);
      case "timetz":
        return timetz(vector, bytes);
      case "timestamp", "timestamptz":
        if (!(vector instanceof TimeStampVector)) {
          return null;
        }
        TimestampReader stamps = new TimestampReader((TimeStampVector) vector);
        return fixed8(i -> pgTimestamp(stamps.micros(i)));
      case "interval":
        if (!(vector instanceof IntervalMonthDayNanoVector)) {
          return null;
        }
        return fixed(
            16,
            (out, i) -> {
              long at = (long) i * 16;
              out.writeLong(data.getLong(at + 8) / 1000);
              out.writeInt(data.getInt(at + 4));
              out.writeInt(data.getInt(at));
            });
      default:
        return null;
    }
  }

  private static ValueWriter numeric(FieldVector vector, RawBuffer data, IntegerReader integers) {
    NumericFormat numeric = new NumericFormat();
    if (vector instanceof DecimalVector decimal) {
      return new DecimalBinary(numeric, data, decimal.getScale(),
          DuckDbTypeMapping.isUnconstrainedNumeric(decimal.getPrecision(), decimal.getScale()));
    }
    if (integers == null) {
      return null;
    }
    boolean unsigned = integers.unsigned64();
    return (out, i) -> {
      if (unsigned) {
        numeric.loadUnsigned(integers.get(i));
      } else {
        numeric.loadLong(integers.get(i));
      }
      numeric.writeBinary(out, 0);
    };
  }

  private static ValueWriter timetz(FieldVector vector, VarWidth bytes) {
    if (TextWriters.isTime(vector)) {
      TimeReader times = new TimeReader(vector);
      return fixed(
          12,
          (out, i) -> {
            out.writeLong(times.micros(i));
            out.writeInt(0);
          });
    }
    if (bytes != null && VarWidth.isUtf8(vector)) {
      // TIMETZ cast to VARCHAR by the engine keeps its offset: "12:00:00+05:30".
      return (out, i) -> {
        int n = bytes.load(i); // load first: it may grow the scratch array
        String text = TextWriters.utf8(bytes.scratch(), n);
        long[] parsed = DateTimeParser.parseTimeTz(text);
        out.writeLong(parsed[0]);
        out.writeInt((int) -parsed[1]);
      };
    }
    return null;
  }

  /** numeric_send of Decimal128 slots, which works out the length before writing. */
  private record DecimalBinary(NumericFormat numeric, RawBuffer data, int scale, boolean trim)
      implements LengthFirst {
    @Override
    public void write(MessageBuffer out, int index) {
      writeWithLength(out, index, false);
    }

    @Override
    public void writeWithLength(MessageBuffer out, int index) {
      writeWithLength(out, index, true);
    }

    private void writeWithLength(MessageBuffer out, int index, boolean withLength) {
      if (trim) {
        numeric.writeBinaryUnconstrained(out, lo(index), hi(index), scale, withLength);
      } else {
        numeric.writeBinary128(out, lo(index), hi(index), scale, withLength);
      }
    }

    private long lo(int index) {
      return data.getLong((long) index * 16);
    }

    private long hi(int index) {
      return data.getLong((long) index * 16 + 8);
    }
  }

  /**
   * A writer whose every value is {@code length} bytes, so that a DataRow column can write its
   * length before the value instead of patching it in afterwards.
   */
  record FixedLength(int length, ValueWriter writer) implements ValueWriter {
    @Override
    public void write(MessageBuffer out, int index) {
      writer.write(out, index);
    }
  }

  private static ValueWriter fixed(int length, ValueWriter writer) {
    return new FixedLength(length, writer);
  }

  /** The 64 bits of an 8-byte binary value (int8, float8, time, timestamp) at an index. */
  @FunctionalInterface
  interface LongValues {
    long get(int index);
  }

  /**
   * A writer of 8-byte values, which a DataRow column writes together with their length in one
   * call ({@link MessageBuffer#writeLengthAndLong}).
   */
  record FixedLong(LongValues values) implements ValueWriter {
    @Override
    public void write(MessageBuffer out, int index) {
      out.writeLong(values.get(index));
    }
  }

  private static ValueWriter fixed8(LongValues values) {
    return new FixedLong(values);
  }

  /** DuckDB's ±Integer.MAX_VALUE infinities become PostgreSQL's DATEVAL_NOEND / NOBEGIN. */
  static int pgDate(RawBuffer data, int index) {
    int day = TextWriters.day(data, index);
    if (day == Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    if (day <= -Integer.MAX_VALUE) {
      return Integer.MIN_VALUE;
    }
    return day - DateTimeFormat.PG_EPOCH_DAYS;
  }

  static long pgTimestamp(long epochMicros) {
    if (epochMicros == Long.MAX_VALUE || epochMicros == Long.MIN_VALUE) {
      return epochMicros;
    }
    return epochMicros - DateTimeFormat.PG_EPOCH_MICROS;
  }

  private static void writeUuidFromText(MessageBuffer out, byte[] text, int length) {
    int value = 0;
    int nibbles = 0;
    for (int k = 0; k < length; k++) {
      int digit = Character.digit(text[k], 16);
      if (digit < 0) {
        continue; // the hyphens
      }
      value = value << 4 | digit;
      if (++nibbles % 2 == 0) {
        out.writeByte(value);
        value = 0;
      }
    }
  }
}
