package dev.mallard.wire.types;

import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Microseconds since 1970-01-01 00:00:00 (UTC for zoned vectors) from any Arrow Timestamp vector.
 * DuckDB marks infinity as ±Long.MAX_VALUE in the vector's unit; those come back as Long.MAX_VALUE
 * and Long.MIN_VALUE, PostgreSQL's DT_NOEND and DT_NOBEGIN. Nanoseconds are truncated toward zero,
 * as DuckDB's own TIMESTAMP_NS to TIMESTAMP cast does.
 */
final class TimestampReader {
  private final RawBuffer data;
  private final ArrowType.Timestamp type;

  TimestampReader(TimeStampVector vector) {
    this.data = new RawBuffer(vector.getDataBuffer());
    this.type = (ArrowType.Timestamp) vector.getField().getType();
  }

  boolean hasZone() {
    return type.getTimezone() != null;
  }

  long micros(int index) {
    long raw = data.getLong((long) index * 8);
    if (raw == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    if (raw <= -Long.MAX_VALUE) {
      return Long.MIN_VALUE;
    }
    return switch (type.getUnit()) {
      case SECOND -> raw * 1_000_000;
      case MILLISECOND -> raw * 1000;
      case MICROSECOND -> raw;
      case NANOSECOND -> raw / 1000;
    };
  }
}
