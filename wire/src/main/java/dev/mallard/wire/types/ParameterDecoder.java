package dev.mallard.wire.types;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Turns Bind parameter values into objects DuckDB's JDBC {@code PreparedStatement.setObject} binds:
 * Boolean, Short, Integer, Long, Float, Double, BigDecimal, String, byte[], UUID, LocalDate,
 * LocalTime, LocalDateTime, OffsetDateTime.
 *
 * <p>Where DuckDB's driver has no matching Java type or mishandles one, the value is text that
 * DuckDB casts to the parameter's type: interval (PostgreSQL's interval text, without the '+' signs
 * DuckDB rejects, or "N months N days N microseconds" from binary), timetz ("12:00:00+05:30"), bit
 * strings ("0101"), infinite dates and timestamps ("infinity"), time 24:00:00, and dates and
 * timestamps before 1 AD ("-0043-03-15"; DuckDB's driver turns a BC LocalDate into an AD one).
 * numeric NaN and ±Infinity become Double. oid (and xid, cid) become Long.
 *
 * <p>Arrays become Object[] of decoded elements (nested Object[] for more dimensions), because
 * DuckDB's driver only binds lists built by {@code Connection.createArrayOf(elementTypeName,
 * elements)}: the caller does that with {@link DuckDbTypeMapping#duckDbTypeFor} of the element
 * type.
 *
 * <p>Text-format values of types without special handling (text, varchar, json, xml, unknown, ...)
 * are returned as String. Malformed input raises PgException with PostgreSQL's SQLSTATE and
 * message. Immutable; it holds the session's TimeZone, which reads timestamptz and timetz text
 * given without an offset (make a new decoder when the setting changes).
 */
public final class ParameterDecoder {
  private final ZoneId timeZone;

  public ParameterDecoder(ZoneId timeZone) {
    this.timeZone = timeZone;
  }

  /** Decodes a parameter; {@code value == null} is SQL NULL. */
  public Object decode(PgType type, short format, byte[] value) {
    return decode(0, type, format, value);
  }

  /**
   * Decodes a parameter; {@code parameterNumber} (1-based, 0 if unknown) only appears in the
   * "incorrect binary data format in bind parameter N" error.
   */
  public Object decode(int parameterNumber, PgType type, short format, byte[] value) {
    if (value == null) {
      return null;
    }
    if (format == 0) {
      return decodeText(type, new String(value, StandardCharsets.UTF_8));
    }
    if (format != 1) {
      throw new PgException(SqlState.PROTOCOL_VIOLATION, "unsupported format code: " + format);
    }
    ByteBuffer in = ByteBuffer.wrap(value);
    Object result;
    try {
      result = decodeBinary(type, in);
    } catch (BufferUnderflowException e) {
      throw badBinary(parameterNumber);
    }
    if (in.hasRemaining()) {
      throw badBinary(parameterNumber);
    }
    return result;
  }

  private static PgException badBinary(int parameterNumber) {
    return new PgException(
        SqlState.INVALID_BINARY_REPRESENTATION,
        parameterNumber > 0
            ? "incorrect binary data format in bind parameter " + parameterNumber
            : "incorrect binary data format");
  }

  private Object decodeText(PgType type, String text) {
    if (type.isArray()) {
      PgType element = type.elementType();
      return ArrayLiteral.parse(text, item -> decodeText(element, item));
    }
    switch (type.name()) {
      case "bool":
        return TextParameters.bool(text);
      case "int2":
        return (short) TextParameters.integer(text, "smallint", Short.MIN_VALUE, Short.MAX_VALUE);
      case "int4":
        return (int) TextParameters.integer(text, "integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "int8":
        return TextParameters.integer(text, "bigint", Long.MIN_VALUE, Long.MAX_VALUE);
      case "oid", "xid", "cid":
        return TextParameters.integer(text, type.name(), 0, 0xFFFF_FFFFL);
      case "float4":
        return (float) TextParameters.floating(text, "real", true);
      case "float8":
        return TextParameters.floating(text, "double precision", false);
      case "numeric":
        return TextParameters.numeric(text);
      case "bytea":
        return TextParameters.bytea(text);
      case "uuid":
        return TextParameters.uuid(text);
      case "bit", "varbit":
        return TextParameters.bits(text);
      case "interval":
        return TextParameters.interval(text);
      case "date":
        return date(DateTimeParser.parseTimestamp(text, "date"));
      case "timestamp":
        return timestamp(DateTimeParser.parseTimestamp(text, "timestamp"));
      case "timestamptz":
        return timestampTz(DateTimeParser.parseTimestamp(text, "timestamp with time zone"));
      case "time":
        return time(DateTimeParser.parseTime(text, "time").microsOfDay);
      case "timetz":
        DateTimeParser.Parsed t = DateTimeParser.parseTime(text, "time with time zone");
        return timeTz(t.microsOfDay, t.hasOffset ? t.offsetSeconds : currentOffset());
      default:
        return text;
    }
  }

  private Object decodeBinary(PgType type, ByteBuffer in) {
    if (type.isArray()) {
      PgType element = type.elementType();
      return BinaryParameters.array(in, element, item -> decodeElement(element, item));
    }
    switch (type.name()) {
      case "bool":
        return in.get() != 0;
      case "int2":
        return in.getShort();
      case "int4":
        return in.getInt();
      case "int8":
        return in.getLong();
      case "oid",
      "xid",
      "cid",
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
        return in.getInt() & 0xFFFF_FFFFL;
      case "float4":
        return in.getFloat();
      case "float8":
        return in.getDouble();
      case "numeric":
        return BinaryParameters.numeric(in);
      case "bytea":
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return bytes;
      case "uuid":
        return new UUID(in.getLong(), in.getLong());
      case "bit", "varbit":
        return BinaryParameters.bits(in);
      case "date":
        return binaryDate(in.getInt());
      case "time":
        return time(in.getLong());
      case "timetz":
        long micros = in.getLong();
        return timeTz(micros, -in.getInt());
      case "timestamp":
        return binaryTimestamp(in.getLong(), false);
      case "timestamptz":
        return binaryTimestamp(in.getLong(), true);
      case "interval":
        long time = in.getLong();
        int days = in.getInt();
        int months = in.getInt();
        return months + " months " + days + " days " + time + " microseconds";
      case "jsonb":
        if (in.get() != 1) {
          throw BinaryParameters.invalid("unsupported jsonb version number");
        }
        return utf8(in);
      case "text", "varchar", "bpchar", "name", "char", "json", "xml", "unknown":
        return utf8(in);
      default:
        throw new PgException(
            SqlState.UNDEFINED_FUNCTION,
            "no binary input function available for type " + type.name());
    }
  }

  private Object decodeElement(PgType element, ByteBuffer bytes) {
    Object value = decodeBinary(element, bytes);
    if (bytes.hasRemaining()) {
      throw BinaryParameters.invalid("improper binary format in array element");
    }
    return value;
  }

  private static String utf8(ByteBuffer in) {
    String s =
        new String(
            in.array(), in.arrayOffset() + in.position(), in.remaining(), StandardCharsets.UTF_8);
    in.position(in.limit());
    return s;
  }

  private static Object date(DateTimeParser.Parsed p) {
    if (p.infinity != 0) {
      return p.infinity > 0 ? "infinity" : "-infinity";
    }
    LocalDate date = LocalDate.ofEpochDay(p.epochDay);
    return date.getYear() >= 1 ? date : date.toString();
  }

  private static Object binaryDate(int pgDays) {
    if (pgDays == Integer.MAX_VALUE || pgDays == Integer.MIN_VALUE) {
      return pgDays > 0 ? "infinity" : "-infinity";
    }
    LocalDate date = LocalDate.ofEpochDay((long) pgDays + DateTimeFormat.PG_EPOCH_DAYS);
    return date.getYear() >= 1 ? date : date.toString();
  }

  private static Object timestamp(DateTimeParser.Parsed p) {
    if (p.infinity != 0) {
      return p.infinity > 0 ? "infinity" : "-infinity";
    }
    return localDateTime(p.epochDay * DateTimeFormat.MICROS_PER_DAY + p.microsOfDay);
  }

  private Object timestampTz(DateTimeParser.Parsed p) {
    if (p.infinity != 0) {
      return p.infinity > 0 ? "infinity" : "-infinity";
    }
    LocalDateTime local = toLocal(p.epochDay * DateTimeFormat.MICROS_PER_DAY + p.microsOfDay);
    if (p.hasOffset) {
      return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(p.offsetSeconds));
    }
    ZoneId zone = p.zone != null ? p.zone : timeZone;
    return ZonedDateTime.ofLocal(local, zone, null).toOffsetDateTime();
  }

  private static Object binaryTimestamp(long pgMicros, boolean withZone) {
    if (pgMicros == Long.MAX_VALUE || pgMicros == Long.MIN_VALUE) {
      return pgMicros > 0 ? "infinity" : "-infinity";
    }
    long epochMicros = pgMicros + DateTimeFormat.PG_EPOCH_MICROS;
    return withZone ? toLocal(epochMicros).atOffset(ZoneOffset.UTC) : localDateTime(epochMicros);
  }

  /** A LocalDateTime, or ISO text with a signed year for BC (see the class comment). */
  private static Object localDateTime(long epochMicros) {
    LocalDateTime local = toLocal(epochMicros);
    if (local.getYear() >= 1) {
      return local;
    }
    return local.toLocalDate() + " " + timeText(local.toLocalTime());
  }

  private static LocalDateTime toLocal(long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, DateTimeFormat.MICROS_PER_SECOND);
    int nanos = (int) Math.floorMod(epochMicros, DateTimeFormat.MICROS_PER_SECOND) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  private static Object time(long micros) {
    if (micros == DateTimeFormat.MICROS_PER_DAY) {
      return "24:00:00";
    }
    if (micros < 0 || micros > DateTimeFormat.MICROS_PER_DAY) {
      throw BinaryParameters.invalid("time out of range");
    }
    return LocalTime.ofNanoOfDay(micros * 1000);
  }

  private static String timeTz(long micros, int offsetSeconds) {
    StringBuilder s = new StringBuilder();
    s.append(
        micros == DateTimeFormat.MICROS_PER_DAY
            ? "24:00:00"
            : timeText(LocalTime.ofNanoOfDay(micros * 1000)));
    int abs = Math.abs(offsetSeconds);
    s.append(offsetSeconds < 0 ? '-' : '+');
    s.append(String.format("%02d:%02d:%02d", abs / 3600, abs / 60 % 60, abs % 60));
    return s.toString();
  }

  private static String timeText(LocalTime time) {
    return String.format(
        "%02d:%02d:%02d.%06d",
        time.getHour(), time.getMinute(), time.getSecond(), time.getNano() / 1000);
  }

  private int currentOffset() {
    return timeZone.getRules().getOffset(Instant.now()).getTotalSeconds();
  }
}
