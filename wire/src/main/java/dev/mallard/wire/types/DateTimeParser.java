package dev.mallard.wire.types;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Reads the ISO date/time text clients send ("2024-01-02", "2024-01-02 03:04:05.123+02",
 * "2024-01-02T03:04:05Z", "12:34:56.5", "0044-03-15 BC", "infinity"). Fractions beyond microseconds
 * are rounded, as PostgreSQL does. Syntax errors raise INVALID_DATETIME_FORMAT and impossible
 * fields DATETIME_FIELD_OVERFLOW with PostgreSQL's messages. PostgreSQL's other input styles (month
 * names, "today", Julian days) are not accepted.
 */
final class DateTimeParser {
  /** What was read; fields not present in the input keep their defaults. */
  static final class Parsed {
    /** 1 for "infinity", -1 for "-infinity", else 0. */
    int infinity;

    long epochDay;
    long microsOfDay;
    boolean hasOffset;

    /** Seconds east of UTC. */
    int offsetSeconds;

    /** A zone name given instead of an offset ("America/New_York"), or null. */
    ZoneId zone;
  }

  private final String input;
  private final String text;
  private final String typeName;
  private int pos;

  private DateTimeParser(String input, String typeName) {
    this.input = input;
    this.text = input.trim().toLowerCase(Locale.ROOT);
    this.typeName = typeName;
  }

  /**
   * A timestamp, or a date: date, optional time, offset or zone, and era. For a date the time and
   * offset are read and ignored, as date_in does.
   */
  static Parsed parseTimestamp(String input, String typeName) {
    DateTimeParser p = new DateTimeParser(input, typeName);
    Parsed result = new Parsed();
    if (p.special(result)) {
      return result;
    }
    int year = p.number(1, 9);
    p.expect('-');
    int month = p.number(1, 2);
    p.expect('-');
    int day = p.number(1, 2);
    if ((p.peek() == ' ' || p.peek() == 't') && p.digitAt(p.pos + 1)) {
      p.pos++;
      result.microsOfDay = p.time();
      p.offset(result);
    }
    boolean bc = p.era();
    p.end();
    if (year == 0 || month < 1 || month > 12 || day < 1) {
      throw p.outOfRange();
    }
    try {
      result.epochDay = LocalDate.of(bc ? 1 - year : year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      throw p.outOfRange();
    }
    return result;
  }

  /** A time of day with an optional offset ("time", "time with time zone"). */
  static Parsed parseTime(String input, String typeName) {
    DateTimeParser p = new DateTimeParser(input, typeName);
    Parsed result = new Parsed();
    result.microsOfDay = p.time();
    p.offset(result);
    p.end();
    return result;
  }

  /** For timetz that reaches the encoder as text: {micros of day, offset seconds east}. */
  static long[] parseTimeTz(String input) {
    Parsed parsed = parseTime(input, "time with time zone");
    return new long[] {parsed.microsOfDay, parsed.offsetSeconds};
  }

  private boolean special(Parsed result) {
    switch (text) {
      case "infinity", "+infinity" -> result.infinity = 1;
      case "-infinity" -> result.infinity = -1;
      case "epoch" -> result.hasOffset = true;
      default -> {
        return false;
      }
    }
    return true;
  }

  /** H[H]:MM[:SS[.fraction]] as microseconds; 24:00:00 is allowed, as in PostgreSQL. */
  private long time() {
    int hour = number(1, 2);
    expect(':');
    int minute = number(2, 2);
    int second = 0;
    long micros = 0;
    if (peek() == ':') {
      pos++;
      second = number(2, 2);
      if (peek() == '.') {
        pos++;
        micros = fraction();
      }
    }
    if (hour > 24
        || minute > 59
        || second > 59
        || hour == 24 && (minute != 0 || second != 0 || micros != 0)) {
      throw outOfRange();
    }
    return ((hour * 60L + minute) * 60 + second) * 1_000_000 + micros;
  }

  /** Fraction digits as microseconds, rounded half up at the seventh digit. */
  private long fraction() {
    int start = pos;
    long micros = 0;
    int digits = 0;
    boolean roundUp = false;
    while (digitAt(pos)) {
      int d = text.charAt(pos++) - '0';
      if (digits < 6) {
        micros = micros * 10 + d;
      } else if (digits == 6) {
        roundUp = d >= 5;
      }
      digits++;
    }
    if (pos == start) {
      throw syntax();
    }
    for (int k = digits; k < 6; k++) {
      micros *= 10;
    }
    return micros + (roundUp ? 1 : 0);
  }

  /** Z, UTC, GMT, ±HH, ±HH:MM[:SS], ±HHMM, or a zone name, after optional spaces. */
  private void offset(Parsed result) {
    int save = pos;
    while (peek() == ' ') {
      pos++;
    }
    char c = peek();
    if (c == '+' || c == '-') {
      pos++;
      int start = pos;
      int hours = number(1, 4);
      int minutes = 0;
      int seconds = 0;
      if (pos - start > 2) {
        minutes = hours % 100;
        hours /= 100;
      } else if (peek() == ':') {
        pos++;
        minutes = number(2, 2);
        if (peek() == ':') {
          pos++;
          seconds = number(2, 2);
        }
      }
      if (hours > 15 || minutes > 59 || seconds > 59) {
        throw syntax();
      }
      result.hasOffset = true;
      result.offsetSeconds = (c == '-' ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds);
    } else if (text.startsWith("z", pos)
        || text.startsWith("utc", pos)
        || text.startsWith("gmt", pos)) {
      pos += c == 'z' ? 1 : 3;
      result.hasOffset = true;
    } else if (Character.isLetter(c)
        && !text.startsWith("bc", pos)
        && !text.startsWith("ad", pos)) {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != ' ') {
        pos++;
      }
      try {
        result.zone = zoneNamed(text.substring(start, pos));
      } catch (DateTimeException e) {
        throw syntax();
      }
    } else {
      pos = save;
    }
  }

  private ZoneId zoneNamed(String lowerCaseName) {
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (id.equalsIgnoreCase(lowerCaseName)) {
        return ZoneId.of(id);
      }
    }
    throw new DateTimeException(lowerCaseName);
  }

  /** An optional " BC" / " AD"; true for BC. */
  private boolean era() {
    int save = pos;
    while (peek() == ' ') {
      pos++;
    }
    if (text.startsWith("bc", pos) || text.startsWith("ad", pos)) {
      boolean bc = text.charAt(pos) == 'b';
      pos += 2;
      return bc;
    }
    pos = save;
    return false;
  }

  private int number(int minDigits, int maxDigits) {
    int start = pos;
    int value = 0;
    while (pos - start < maxDigits && digitAt(pos)) {
      value = value * 10 + (text.charAt(pos++) - '0');
    }
    if (pos - start < minDigits || pos - start == maxDigits && digitAt(pos)) {
      throw syntax();
    }
    return value;
  }

  private boolean digitAt(int index) {
    return index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9';
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw syntax();
    }
    pos++;
  }

  private void end() {
    if (pos != text.length()) {
      throw syntax();
    }
  }

  private PgException syntax() {
    return new PgException(
        SqlState.INVALID_DATETIME_FORMAT,
        "invalid input syntax for type " + typeName + ": \"" + input + "\"");
  }

  private PgException outOfRange() {
    return new PgException(
        SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + input + "\"");
  }
}
