package dev.mallard.wire.types;

import io.netty.buffer.ByteBuf;

/**
 * Date/time text as PostgreSQL writes it with DateStyle ISO (EncodeDateOnly, EncodeTimeOnly,
 * EncodeDateTime, EncodeInterval), computed from epoch counts without java.time objects:
 *
 * <pre>
 * date         2024-01-02          0044-03-15 BC       infinity
 * time         12:34:56.789        (fraction trimmed of trailing zeros, absent when zero)
 * timestamp    2024-01-02 03:04:05.123456
 * timestamptz  2024-01-02 04:04:05.123456+01   (+HH, +HH:MM or +HH:MM:SS as needed)
 * json forms   2024-01-02T03:04:05.5   2024-01-02T04:04:05+01:00   (JsonEncodeDateTime)
 * </pre>
 *
 * Calendar arithmetic is the proleptic Gregorian calendar, as PostgreSQL's date2j/j2date use.
 */
final class DateTimeFormat {
  private DateTimeFormat() {}

  /** Days from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for binary dates and timestamps. */
  static final int PG_EPOCH_DAYS = 10_957;

  static final long PG_EPOCH_MICROS = PG_EPOCH_DAYS * 86_400_000_000L;
  static final long MICROS_PER_DAY = 86_400_000_000L;
  static final long MICROS_PER_SECOND = 1_000_000L;

  /**
   * Writes YYYY-MM-DD for a day count from 1970-01-01. Years before 1 AD are written the way
   * PostgreSQL counts them (0 is 1 BC); returns true when the caller must append " BC" after the
   * rest of the value.
   */
  static boolean writeDate(ByteBuf out, long epochDay) {
    // Howard Hinnant's civil_from_days.
    long z = epochDay + 719_468;
    long era = (z >= 0 ? z : z - 146_096) / 146_097;
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    boolean bc = year <= 0;
    Digits.writePadded(out, bc ? 1 - year : year, 4);
    out.writeByte('-');
    Digits.writePadded(out, month, 2);
    out.writeByte('-');
    Digits.writePadded(out, day, 2);
    return bc;
  }

  /** HH:MM:SS[.ffffff], fraction without trailing zeros; 24:00:00 stays as is. */
  static void writeTime(ByteBuf out, long microsOfDay) {
    long seconds = microsOfDay / MICROS_PER_SECOND;
    Digits.writePadded(out, seconds / 3600, 2);
    out.writeByte(':');
    Digits.writePadded(out, seconds / 60 % 60, 2);
    out.writeByte(':');
    Digits.writePadded(out, seconds % 60, 2);
    writeFraction(out, microsOfDay % MICROS_PER_SECOND);
  }

  /** '.' and up to six digits without trailing zeros, or nothing for 0 (AppendSeconds). */
  static void writeFraction(ByteBuf out, long micros) {
    if (micros == 0) {
      return;
    }
    int digits = 6;
    while (micros % 10 == 0) {
      micros /= 10;
      digits--;
    }
    out.writeByte('.');
    Digits.writePadded(out, micros, digits);
  }

  /** A timestamp (without time zone) from microseconds since 1970-01-01 00:00:00. */
  static void writeTimestamp(ByteBuf out, long epochMicros, boolean json) {
    long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    boolean bc = writeDate(out, day);
    out.writeByte(json ? 'T' : ' ');
    writeTime(out, epochMicros - day * MICROS_PER_DAY);
    if (bc) {
      out.writeBytes(Text.BC);
    }
  }

  /** A timestamptz shown in a zone: local date and time, then the zone's offset at that instant. */
  static void writeTimestampTz(ByteBuf out, long epochMicros, ZoneOffsetCache zone, boolean json) {
    int offset = zone.offsetSeconds(Math.floorDiv(epochMicros, MICROS_PER_SECOND));
    // Shift day and time separately: adding the offset to the micros could overflow at DuckDB's
    // largest timestamps.
    long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    long time = Math.floorMod(epochMicros, MICROS_PER_DAY) + offset * MICROS_PER_SECOND;
    if (time >= MICROS_PER_DAY) {
      day++;
      time -= MICROS_PER_DAY;
    } else if (time < 0) {
      day--;
      time += MICROS_PER_DAY;
    }
    boolean bc = writeDate(out, day);
    out.writeByte(json ? 'T' : ' ');
    writeTime(out, time);
    writeOffset(out, offset, json);
    if (bc) {
      out.writeBytes(Text.BC);
    }
  }

  /**
   * A UTC offset as EncodeTimezone writes it: +HH, +HH:MM when there are minutes, +HH:MM:SS when
   * there are seconds; the JSON (XSD) form always has minutes.
   */
  static void writeOffset(ByteBuf out, int offsetSeconds, boolean alwaysMinutes) {
    out.writeByte(offsetSeconds < 0 ? '-' : '+');
    int abs = Math.abs(offsetSeconds);
    Digits.writePadded(out, abs / 3600, 2);
    int minutes = abs / 60 % 60;
    int seconds = abs % 60;
    if (minutes != 0 || seconds != 0 || alwaysMinutes) {
      out.writeByte(':');
      Digits.writePadded(out, minutes, 2);
    }
    if (seconds != 0) {
      out.writeByte(':');
      Digits.writePadded(out, seconds, 2);
    }
  }

  /**
   * IntervalStyle postgres: "1 year 2 mons 3 days 04:05:06.7", "-1 days +02:00:00", "00:00:00". As
   * in EncodeInterval, a field after a negative one gets an explicit '+' when positive.
   */
  static void writeIntervalPostgres(ByteBuf out, int months, int days, long micros) {
    boolean zero = true;
    boolean before = false;
    for (int field = 0; field < 3; field++) {
      long value = field == 0 ? months / 12 : field == 1 ? months % 12 : days;
      if (value == 0) {
        continue;
      }
      if (!zero) {
        out.writeByte(' ');
      }
      if (before && value > 0) {
        out.writeByte('+');
      }
      Digits.writeLong(out, value);
      Text.writeAscii(out, field == 0 ? " year" : field == 1 ? " mon" : " day");
      if (value != 1) {
        out.writeByte('s');
      }
      before = value < 0;
      zero = false;
    }
    if (zero || micros != 0) {
      if (!zero) {
        out.writeByte(' ');
      }
      if (micros < 0) {
        out.writeByte('-');
      } else if (before) {
        out.writeByte('+');
      }
      long abs = Math.abs(micros); // |Long.MIN_VALUE| cannot come from DuckDB's interval range
      long seconds = abs / MICROS_PER_SECOND;
      Digits.writePadded(out, seconds / 3600, 2);
      out.writeByte(':');
      Digits.writePadded(out, seconds / 60 % 60, 2);
      out.writeByte(':');
      Digits.writePadded(out, seconds % 60, 2);
      writeFraction(out, abs % MICROS_PER_SECOND);
    }
  }

  /** IntervalStyle iso_8601: "P1Y2M3DT4H5M6.7S", "P-1DT2H", "PT0S". */
  static void writeIntervalIso(ByteBuf out, int months, int days, long micros) {
    if (months == 0 && days == 0 && micros == 0) {
      Text.writeAscii(out, "PT0S");
      return;
    }
    out.writeByte('P');
    isoPart(out, months / 12, 'Y');
    isoPart(out, months % 12, 'M');
    isoPart(out, days, 'D');
    if (micros != 0) {
      out.writeByte('T');
      long hours = micros / (3600 * MICROS_PER_SECOND);
      long rest = micros - hours * 3600 * MICROS_PER_SECOND;
      long minutes = rest / (60 * MICROS_PER_SECOND);
      rest -= minutes * 60 * MICROS_PER_SECOND;
      isoPart(out, hours, 'H');
      isoPart(out, minutes, 'M');
      if (rest != 0) {
        if (rest < 0) {
          out.writeByte('-');
        }
        long abs = Math.abs(rest);
        Digits.writeLong(out, abs / MICROS_PER_SECOND);
        writeFraction(out, abs % MICROS_PER_SECOND);
        out.writeByte('S');
      }
    }
  }

  private static void isoPart(ByteBuf out, long value, char unit) {
    if (value != 0) {
      Digits.writeLong(out, value);
      out.writeByte(unit);
    }
  }
}
