package dev.mallard.engine;

import dev.mallard.wire.types.PgType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A value of each parameter type, bound only to learn a statement's result types. */
final class SampleValues {
  private SampleValues() {}

  static Object of(PgType type) {
    switch (type.name()) {
      case "bool": return Boolean.FALSE;
      case "int2": return (short) 0;
      case "int4": return 0;
      case "int8": case "oid": return 0L;
      case "float4": return 0f;
      case "float8": return 0d;
      case "numeric": return BigDecimal.ZERO;
      case "bytea": return new byte[0];
      case "date": return LocalDate.of(2000, 1, 1);
      case "time": return LocalTime.MIDNIGHT;
      case "timestamp": return LocalDateTime.of(2000, 1, 1, 0, 0);
      case "timestamptz": return OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
      case "uuid": return new UUID(0, 0);
      default: return "";
    }
  }
}
