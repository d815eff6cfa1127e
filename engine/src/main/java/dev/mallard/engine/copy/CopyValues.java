package dev.mallard.engine.copy;

import dev.mallard.wire.types.ParameterDecoder;
import dev.mallard.wire.types.PgType;
import dev.mallard.wire.types.PgTypes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Turns one COPY field into what the staging table holds: text DuckDB's casts understand, or
 * bytes for bytea. Most PostgreSQL text forms cast as they are; booleans, intervals, bytea and
 * arrays are decoded first because DuckDB spells them differently ({@code {1,2}} is {@code [1,2]}).
 */
final class CopyValues {
  private final PgType type;
  private final boolean binary;
  private final boolean needsDecoding;
  private final ParameterDecoder decoder;

  CopyValues(PgType type, boolean binary, ParameterDecoder decoder) {
    this.type = type;
    this.binary = binary;
    this.decoder = decoder;
    this.needsDecoding = binary || type.isArray() || type.equals(PgTypes.BOOL)
        || type.equals(PgTypes.BYTEA) || type.equals(PgTypes.INTERVAL);
  }

  /** The value to append: a String, or byte[] for bytea columns; null for NULL. */
  Object convert(byte[] field) {
    if (field == null) {
      return null;
    }
    if (!needsDecoding) {
      return new String(field, StandardCharsets.UTF_8);
    }
    Object decoded = decoder.decode(type, (short) (binary ? 1 : 0), field);
    if (decoded instanceof byte[] bytes) {
      return bytes;
    }
    return literal(decoded);
  }

  static String literal(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Object[] array) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < array.length; i++) {
        if (i > 0) {
          out.append(", ");
        }
        Object e = array[i];
        if (e == null) {
          out.append("NULL");
        } else if (e instanceof Object[]) {
          out.append(literal(e));
        } else {
          String s = literal(e);
          out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
      }
      return out.append(']').toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof byte[] bytes) {
      StringBuilder hex = new StringBuilder();
      for (byte b : bytes) {
        hex.append(String.format("\\x%02X", b));
      }
      return hex.toString();
    }
    if (value instanceof TemporalAccessor t && !(value instanceof java.time.LocalDate)) {
      return temporal(t);
    }
    return value.toString();
  }

  // java.time's toString() drops zero seconds ("07:09Z"), which DuckDB's casts reject: always
  // write seconds and microseconds.
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

  private static String temporal(TemporalAccessor t) {
    if (t instanceof LocalDateTime v) {
      return TIMESTAMP.format(v);
    }
    if (t instanceof OffsetDateTime v) {
      return TIMESTAMP.format(v) + OFFSET.format(v);
    }
    if (t instanceof LocalTime v) {
      return TIME.format(v);
    }
    if (t instanceof OffsetTime v) {
      return TIME.format(v) + OFFSET.format(v);
    }
    return t.toString();
  }
}
