package dev.mallard.wire.types;

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
 *
 * <p>An instance belongs to one column writer: it composes each value in its own scratch array and
 * copies it out once. Dates and timestamps start with the date, so when a value falls on the same
 * day as the one before (long runs are usual in a column), the date text still at the start of
 * the array is reused instead of recomputed. Not thread-safe.
 */
final class DateTimeFormat {
  /** Days from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for binary dates and timestamps. */
  static final int PG_EPOCH_DAYS = 10_957;

  static final long PG_EPOCH_MICROS = PG_EPOCH_DAYS * 86_400_000_000L;
  static final long MICROS_PER_DAY = 86_400_000_000L;
  static final long MICROS_PER_SECOND = 1_000_000L;

  private static final long NO_DAY = Long.MIN_VALUE;

  private final AsciiBuffer text = new AsciiBuffer();

  /** The day whose YYYY-MM-DD is at the start of {@link #text}, where it ends, and its era. */
  private long dayInText = NO_DAY;

  private int dateEnd;
  private boolean bc;

  /**
   * A date (days since 1970-01-01), with " BC" for years before 1 AD; DuckDB's ±Integer.MAX_VALUE
   * are infinity.
   */
  AsciiBuffer composeDate(int epochDay) {
    if (epochDay == Integer.MAX_VALUE) {
      return word(Text.DATE_INFINITY);
    }
    if (epochDay <= -Integer.MAX_VALUE) {
      return word(Text.DATE_MINUS_INFINITY);
    }
    if (putDate(epochDay)) {
      text.put(Text.BC);
    }
    return text;
  }

  /** time (HH:MM:SS[.ffffff]), and "+00" after it for timetz. */
  AsciiBuffer composeTime(long microsOfDay, boolean utcOffset) {
    clearWithoutDate();
    putTime(text, microsOfDay);
    if (utcOffset) {
      text.put(Text.UTC_OFFSET);
    }
    return text;
  }

  /**
   * A timestamp (without time zone) from microseconds since 1970-01-01 00:00:00, or infinity
   * (Long.MAX_VALUE / MIN_VALUE, as {@link TimestampReader} gives them).
   */
  AsciiBuffer composeTimestamp(long epochMicros, boolean json) {
    if (isInfinite(epochMicros)) {
      return infinity(epochMicros);
    }
    long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    boolean bc = putDate(day);
    text.put(json ? 'T' : ' ');
    putTime(text, epochMicros - day * MICROS_PER_DAY);
    if (bc) {
      text.put(Text.BC);
    }
    return text;
  }

  /** A timestamptz shown in a zone: local date and time, then the zone's offset at that instant. */
  AsciiBuffer composeTimestampTz(long epochMicros, ZoneOffsetCache zone, boolean json) {
    if (isInfinite(epochMicros)) {
      return infinity(epochMicros);
    }
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
    boolean bc = putDate(day);
    text.put(json ? 'T' : ' ');
    putTime(text, time);
    putOffset(text, offset, json);
    if (bc) {
      text.put(Text.BC);
    }
    return text;
  }

  private static boolean isInfinite(long epochMicros) {
    return epochMicros == Long.MAX_VALUE || epochMicros == Long.MIN_VALUE;
  }

  private AsciiBuffer infinity(long epochMicros) {
    return word(epochMicros == Long.MAX_VALUE ? Text.DATE_INFINITY : Text.DATE_MINUS_INFINITY);
  }

  private AsciiBuffer word(byte[] word) {
    clearWithoutDate();
    text.put(word);
    return text;
  }

  /**
   * Starts a value with YYYY-MM-DD for a day count from 1970-01-01, taking back the text still in
   * place when it is the previous value's day. Years before 1 AD are written the way PostgreSQL
   * counts them (0 is 1 BC); returns true when " BC" must follow the rest of the value.
   */
  private boolean putDate(long epochDay) {
    if (epochDay != dayInText) {
      text.clear();
      bc = putCivilDate(text, epochDay);
      dateEnd = text.mark();
      dayInText = epochDay;
    }
    text.truncate(dateEnd);
    return bc;
  }

  /** Starts a value that does not begin with a date, which overwrites the one kept in place. */
  private void clearWithoutDate() {
    text.clear();
    dayInText = NO_DAY;
  }

  /** YYYY-MM-DD computed from the day count; true for a BC year. */
  private static boolean putCivilDate(AsciiBuffer text, long epochDay) {
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
    text.putPadded(bc ? 1 - year : year, 4);
    text.put('-');
    text.put2((int) month);
    text.put('-');
    text.put2((int) day);
    return bc;
  }

  /** HH:MM:SS[.ffffff], fraction without trailing zeros; 24:00:00 stays as is. */
  private static void putTime(AsciiBuffer text, long microsOfDay) {
    int seconds = (int) (microsOfDay / MICROS_PER_SECOND);
    int hours = seconds / 3600;
    if (hours < 100) {
      text.put2(hours);
    } else {
      text.putPadded(hours, 2); // not a time of day, but written as before rather than refused
    }
    text.put(':');
    text.put2(seconds / 60 % 60);
    text.put(':');
    text.put2(seconds % 60);
    putFraction(text, (int) (microsOfDay - seconds * MICROS_PER_SECOND));
  }

  /** '.' and up to six digits without trailing zeros, or nothing for 0 (AppendSeconds). */
  private static void putFraction(AsciiBuffer text, int micros) {
    if (micros == 0) {
      return;
    }
    text.put('.');
    text.putDigits(micros, 6);
    text.trimZeros();
  }

  /**
   * A UTC offset as EncodeTimezone writes it: +HH, +HH:MM when there are minutes, +HH:MM:SS when
   * there are seconds; the JSON (XSD) form always has minutes.
   */
  private static void putOffset(AsciiBuffer text, int offsetSeconds, boolean alwaysMinutes) {
    text.put(offsetSeconds < 0 ? '-' : '+');
    int abs = Math.abs(offsetSeconds);
    text.putPadded(abs / 3600, 2);
    int minutes = abs / 60 % 60;
    int seconds = abs % 60;
    if (minutes != 0 || seconds != 0 || alwaysMinutes) {
      text.put(':');
      text.put2(minutes);
    }
    if (seconds != 0) {
      text.put(':');
      text.put2(seconds);
    }
  }

  /**
   * IntervalStyle postgres: "1 year 2 mons 3 days 04:05:06.7", "-1 days +02:00:00", "00:00:00". As
   * in EncodeInterval, a field after a negative one gets an explicit '+' when positive.
   */
  AsciiBuffer composeIntervalPostgres(int months, int days, long micros) {
    clearWithoutDate();
    boolean zero = true;
    boolean before = false;
    for (int field = 0; field < 3; field++) {
      long value = field == 0 ? months / 12 : field == 1 ? months % 12 : days;
      if (value == 0) {
        continue;
      }
      if (!zero) {
        text.put(' ');
      }
      if (before && value > 0) {
        text.put('+');
      }
      text.putLong(value);
      text.put(field == 0 ? YEAR : field == 1 ? MON : DAY);
      if (value != 1) {
        text.put('s');
      }
      before = value < 0;
      zero = false;
    }
    if (zero || micros != 0) {
      if (!zero) {
        text.put(' ');
      }
      if (micros < 0) {
        text.put('-');
      } else if (before) {
        text.put('+');
      }
      long abs = Math.abs(micros); // |Long.MIN_VALUE| cannot come from DuckDB's interval range
      long seconds = abs / MICROS_PER_SECOND;
      text.putPadded(seconds / 3600, 2);
      text.put(':');
      text.put2((int) (seconds / 60 % 60));
      text.put(':');
      text.put2((int) (seconds % 60));
      putFraction(text, (int) (abs % MICROS_PER_SECOND));
    }
    return text;
  }

  private static final byte[] YEAR = Text.ascii(" year");
  private static final byte[] MON = Text.ascii(" mon");
  private static final byte[] DAY = Text.ascii(" day");
  private static final byte[] ISO_ZERO = Text.ascii("PT0S");

  /** IntervalStyle iso_8601: "P1Y2M3DT4H5M6.7S", "P-1DT2H", "PT0S". */
  AsciiBuffer composeIntervalIso(int months, int days, long micros) {
    if (months == 0 && days == 0 && micros == 0) {
      return word(ISO_ZERO);
    }
    clearWithoutDate();
    text.put('P');
    isoPart(months / 12, 'Y');
    isoPart(months % 12, 'M');
    isoPart(days, 'D');
    if (micros != 0) {
      text.put('T');
      long hours = micros / (3600 * MICROS_PER_SECOND);
      long rest = micros - hours * 3600 * MICROS_PER_SECOND;
      long minutes = rest / (60 * MICROS_PER_SECOND);
      rest -= minutes * 60 * MICROS_PER_SECOND;
      isoPart(hours, 'H');
      isoPart(minutes, 'M');
      if (rest != 0) {
        if (rest < 0) {
          text.put('-');
        }
        long abs = Math.abs(rest);
        text.putLong(abs / MICROS_PER_SECOND);
        putFraction(text, (int) (abs % MICROS_PER_SECOND));
        text.put('S');
      }
    }
    return text;
  }

  private void isoPart(long value, char unit) {
    if (value != 0) {
      text.putLong(value);
      text.put(unit);
    }
  }
}
