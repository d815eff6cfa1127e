package dev.mallard.wire.types;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * Text-format writers (the type's output function) for every Arrow vector DuckDB produces. The
 * vector says how values are stored; the target PostgreSQL type settles what the vector cannot tell
 * (a Binary vector holds bytea or DuckDB's BIT, a Time vector time or timetz). Lists become
 * PostgreSQL arrays when the target is an array type; other nested values become json.
 */
final class TextWriters {
  private TextWriters() {}

  static ValueWriter forVector(
      FieldVector vector, PgType target, EncodingContext ctx, DictionaryProvider dictionaries) {
    if (vector.getField().getDictionary() != null) {
      DictionaryLabels labels = DictionaryLabels.of(vector, dictionaries);
      return labels::write;
    }
    if ((vector instanceof ListVector && !(vector instanceof MapVector)
            || vector instanceof FixedSizeListVector)
        && target.isArray()) {
      return ArrayWriters.text(vector, target.elementType(), ctx, dictionaries);
    }
    if (vector instanceof ListVector && target == PgTypes.INT2VECTOR) {
      return ArrayWriters.vectorText(vector, ctx, dictionaries);
    }
    if (vector instanceof UnionVector union && union.getChildrenFromFields().size() == 1
        && target.oid() != PgTypes.JSON.oid()) {
      // A one-member UNION announced as its own type (an OID alias type's name): the member's text.
      return forVector(union.getChildrenFromFields().get(0), target, ctx, dictionaries);
    }
    if (vector.getField().getType().isComplex()) {
      return JsonWriters.forVector(vector, ctx, dictionaries);
    }
    ValueWriter scalar = scalar(vector, target, ctx);
    return scalar != null ? scalar : fallback(vector);
  }

  /** Vectors DuckDB does not produce (Decimal256, Duration, ...): Arrow's own rendering. */
  private static ValueWriter fallback(FieldVector vector) {
    return (out, i) -> out.writeUtf8(String.valueOf(vector.getObject(i)));
  }

  /** The writer for a non-nested vector, or null for nested and unknown vectors. */
  static ValueWriter scalar(FieldVector vector, PgType target, EncodingContext ctx) {
    RawBuffer data =
        vector instanceof BaseFixedWidthVector ? new RawBuffer(vector.getDataBuffer()) : null;
    if (vector instanceof BitVector) {
      return (out, i) -> out.writeBytes(bit(data, i) ? Text.TRUE : Text.FALSE);
    }
    IntegerReader integers = IntegerReader.of(vector);
    if (integers != null) {
      return integers(integers);
    }
    if (vector instanceof Float4Vector) {
      FloatFormat format = new FloatFormat();
      int efd = ctx.extraFloatDigits();
      return (ComposedText) i -> format.composeFloat(data.getFloat((long) i * 4), efd);
    }
    if (vector instanceof Float8Vector) {
      FloatFormat format = new FloatFormat();
      int efd = ctx.extraFloatDigits();
      return (ComposedText) i -> format.composeDouble(data.getDouble((long) i * 8), efd);
    }
    if (vector instanceof DecimalVector decimal) {
      NumericFormat numeric = new NumericFormat();
      int scale = decimal.getScale();
      if (DuckDbTypeMapping.isUnconstrainedNumeric(decimal.getPrecision(), scale)) {
        return (ComposedText) i -> numeric.composeTextUnconstrained(
            data.getLong(i * 16L), data.getLong(i * 16L + 8), scale);
      }
      return (ComposedText)
          i -> numeric.composeText128(data.getLong(i * 16L), data.getLong(i * 16L + 8), scale);
    }
    if (vector instanceof DateDayVector || vector instanceof DateMilliVector) {
      boolean millis = vector instanceof DateMilliVector;
      DateTimeFormat format = new DateTimeFormat();
      return (ComposedText)
          i -> format.composeDate(millis ? days(data.getLong((long) i * 8)) : day(data, i));
    }
    if (isTime(vector)) {
      TimeReader times = new TimeReader(vector);
      // DuckDB's Arrow export drops TIMETZ offsets: timetz is written with +00.
      boolean tz = target.oid() == PgTypes.TIMETZ.oid();
      DateTimeFormat format = new DateTimeFormat();
      return (ComposedText) i -> format.composeTime(times.micros(i), tz);
    }
    if (vector instanceof TimeStampVector) {
      TimestampReader stamps = new TimestampReader((TimeStampVector) vector);
      boolean tz =
          target.oid() == PgTypes.TIMESTAMPTZ.oid()
              || target.oid() != PgTypes.TIMESTAMP.oid() && stamps.hasZone();
      return tz ? timestampTz(stamps, ctx, false) : timestamp(stamps, false);
    }
    if (vector instanceof IntervalMonthDayNanoVector) {
      return interval(data, ctx);
    }
    VarWidth bytes = VarWidth.of(vector);
    if (bytes != null) {
      if (VarWidth.isUtf8(vector)) {
        return bytes;
      }
      int oid = target.oid();
      if (oid == PgTypes.VARBIT.oid() || oid == PgTypes.BIT.oid()) {
        return (out, i) -> {
              int n = bytes.load(i); // load first: it may grow the scratch array
              BitString.writeText(out, bytes.scratch(), n);
            };
      }
      if (oid == PgTypes.UUID.oid() && vector instanceof FixedSizeBinaryVector) {
        return (out, i) -> {
              int n = bytes.load(i); // load first: it may grow the scratch array
              writeUuid(out, bytes.scratch(), n);
            };
      }
      return (out, i) -> {
              int n = bytes.load(i); // load first: it may grow the scratch array
              writeBytea(out, bytes.scratch(), n);
            };
    }
    return null;
  }

  /** int2out, int4out, int8out; numeric_out for UBIGINT. */
  private static ValueWriter integers(IntegerReader integers) {
    AsciiBuffer text = new AsciiBuffer();
    if (integers.unsigned64()) {
      return (ComposedText)
          i -> {
            text.clear().putUnsignedLong(integers.get(i));
            return text;
          };
    }
    return (ComposedText)
        i -> {
          text.clear().putLong(integers.get(i));
          return text;
        };
  }

  static boolean bit(RawBuffer data, int index) {
    return data.bit(index);
  }

  static boolean isTime(FieldVector vector) {
    return vector instanceof TimeMicroVector
        || vector instanceof TimeNanoVector
        || vector instanceof TimeMilliVector
        || vector instanceof TimeSecVector;
  }

  /** DuckDB stores date infinity as ±Integer.MAX_VALUE days. */
  static int day(RawBuffer data, int index) {
    return data.getInt((long) index * 4);
  }

  private static int days(long epochMillis) {
    return (int) Math.floorDiv(epochMillis, 86_400_000L);
  }

  static ValueWriter timestamp(TimestampReader stamps, boolean json) {
    DateTimeFormat format = new DateTimeFormat();
    return (ComposedText) i -> format.composeTimestamp(stamps.micros(i), json);
  }

  static ValueWriter timestampTz(TimestampReader stamps, EncodingContext ctx, boolean json) {
    ZoneOffsetCache zone = new ZoneOffsetCache(ctx.timeZone());
    DateTimeFormat format = new DateTimeFormat();
    return (ComposedText) i -> format.composeTimestampTz(stamps.micros(i), zone, json);
  }

  static ValueWriter interval(RawBuffer data, EncodingContext ctx) {
    IntervalStyle style = ctx.intervalStyle();
    if (!style.isSupported()) {
      throw new PgException(
          SqlState.FEATURE_NOT_SUPPORTED,
          "IntervalStyle " + style.settingValue() + " is not supported");
    }
    boolean iso = style == IntervalStyle.ISO_8601;
    DateTimeFormat format = new DateTimeFormat();
    return (ComposedText)
        i -> {
          long at = (long) i * 16;
          int months = data.getInt(at);
          int days = data.getInt(at + 4);
          long micros = data.getLong(at + 8) / 1000;
          return iso
              ? format.composeIntervalIso(months, days, micros)
              : format.composeIntervalPostgres(months, days, micros);
        };
  }

  /** byteaout with bytea_output = hex: "\x" and two lowercase hex digits per byte. */
  static void writeBytea(MessageBuffer out, byte[] bytes, int length) {
    out.ensureWritable(2 + 2 * length);
    out.writeByte('\\');
    out.writeByte('x');
    for (int k = 0; k < length; k++) {
      out.writeByte(Text.HEX[(bytes[k] >> 4) & 0xF]);
      out.writeByte(Text.HEX[bytes[k] & 0xF]);
    }
  }

  /** uuid_out: 8-4-4-4-12 lowercase hex digits. */
  static void writeUuid(MessageBuffer out, byte[] bytes, int length) {
    for (int k = 0; k < length; k++) {
      if (k == 4 || k == 6 || k == 8 || k == 10) {
        out.writeByte('-');
      }
      out.writeByte(Text.HEX[(bytes[k] >> 4) & 0xF]);
      out.writeByte(Text.HEX[bytes[k] & 0xF]);
    }
  }

  static String utf8(byte[] bytes, int length) {
    return new String(bytes, 0, length, UTF_8);
  }
}
