package dev.mallard.engine.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's interval input (DecodeInterval, ISO 8601 "P..T.."), read into months, days and
 * microseconds: "1 year 2 months 3 days 04:05:06.789", "-1 year -2 mons +3 days", "1 month - 1
 * day", "1.5 days", "90 min", "1:30", "2 hours ago", "P1Y2M3DT4H". Fractions spill down as in
 * PostgreSQL (a month is 30 days, a day 24 hours). Text it cannot read gives null.
 */
final class PgIntervalText {
  private static final long US_PER_DAY = 86_400_000_000L;
  private static final Pattern NUMBER_UNIT = Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))([a-z]*)");
  private static final Pattern TIME = Pattern.compile("([+-]?)(\\d+):(\\d+)(?::(\\d+(?:\\.\\d*)?))?");
  private static final Pattern ISO = Pattern.compile("(\\d+(?:\\.\\d+)?)([YMWDHS])");
  /** Unit → {months, days, microseconds} per one. */
  private static final Map<String, long[]> UNITS = new java.util.HashMap<>();

  static {
    units(new long[] {0, 0, 1}, "microsecond", "microseconds", "usec", "usecs", "us");
    units(new long[] {0, 0, 1000}, "millisecond", "milliseconds", "msec", "msecs", "ms");
    units(new long[] {0, 0, 1_000_000}, "second", "seconds", "sec", "secs", "s");
    units(new long[] {0, 0, 60_000_000}, "minute", "minutes", "min", "mins", "m");
    units(new long[] {0, 0, 3_600_000_000L}, "hour", "hours", "hr", "hrs", "h");
    units(new long[] {0, 1, 0}, "day", "days", "d");
    units(new long[] {0, 7, 0}, "week", "weeks", "w");
    units(new long[] {1, 0, 0}, "month", "months", "mon", "mons");
    units(new long[] {12, 0, 0}, "year", "years", "yr", "yrs", "y");
    units(new long[] {120, 0, 0}, "decade", "decades", "dec", "decs");
    units(new long[] {1200, 0, 0}, "century", "centuries", "cent");
    units(new long[] {12000, 0, 0}, "millennium", "millennia", "mil", "mils");
  }

  private PgIntervalText() {}

  private static void units(long[] value, String... names) {
    for (String name : names) {
      UNITS.put(name, value);
    }
  }

  /**
   * A word of the text that names no unit PostgreSQL's interval input knows ("1 fortnight"), or
   * null. ISO 8601 text (P..) is not looked at.
   */
  static String unknownUnit(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("p") || lower.startsWith("-p") || lower.startsWith("+p")) {
      return null;
    }
    Matcher words = Pattern.compile("[a-z]+").matcher(lower);
    while (words.find()) {
      if (!UNITS.containsKey(words.group()) && !words.group().equals("ago")) {
        return words.group();
      }
    }
    return null;
  }

  /** {months, days, microseconds}, or null when PostgreSQL's rules are not met. */
  static long[] parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return s.startsWith("p") ? iso(s.substring(1)) : postgres(s);
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private static long[] postgres(String s) {
    List<String> words = new ArrayList<>(List.of(s.split("\\s+")));
    long[] total = new long[3];
    boolean ago = false;
    String pendingSign = "";
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("@")) {
        continue;
      }
      if (w.equals("ago") && i == words.size() - 1) {
        ago = true;
        continue;
      }
      if (w.equals("-") || w.equals("+")) {
        pendingSign = w;
        continue;
      }
      w = pendingSign.equals("-") ? (w.startsWith("-") ? w.substring(1) : "-" + w) : w;
      pendingSign = "";
      Matcher time = TIME.matcher(w);
      if (time.matches()) {
        BigDecimal seconds = time.group(4) == null ? BigDecimal.ZERO : new BigDecimal(time.group(4));
        long us = Long.parseLong(time.group(2)) * 3_600_000_000L + Long.parseLong(time.group(3))
            * 60_000_000L + seconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        total[2] = Math.addExact(total[2], time.group(1).equals("-") ? -us : us);
        continue;
      }
      Matcher m = NUMBER_UNIT.matcher(w);
      if (!m.matches()) {
        return null;
      }
      String unit = m.group(2);
      if (unit.isEmpty() && i + 1 < words.size() && UNITS.containsKey(words.get(i + 1))) {
        unit = words.get(++i);
      }
      long[] per = unit.isEmpty() && i == words.size() - 1 ? UNITS.get("second") : UNITS.get(unit);
      if (per == null) {
        return null;
      }
      add(total, new BigDecimal(m.group(1)), per);
    }
    if (!pendingSign.isEmpty()) {
      return null;
    }
    return ago ? new long[] {-total[0], -total[1], -total[2]} : total;
  }

  /** ISO 8601 with designators: P[nY][nM][nW][nD][T[nH][nM][nS]]. */
  private static long[] iso(String s) {
    long[] total = new long[3];
    boolean time = false;
    int at = 0;
    while (at < s.length()) {
      if (s.charAt(at) == 't' && !time) {
        time = true;
        at++;
        continue;
      }
      Matcher m = ISO.matcher(s.toUpperCase(Locale.ROOT)).region(at, s.length());
      if (!m.lookingAt()) {
        return null;
      }
      String unit = switch (m.group(2)) {
        case "Y" -> time ? null : "year";
        case "M" -> time ? "minute" : "month";
        case "W" -> time ? null : "week";
        case "D" -> time ? null : "day";
        case "H" -> time ? "hour" : null;
        default -> time ? "second" : null;
      };
      if (unit == null) {
        return null;
      }
      add(total, new BigDecimal(m.group(1)), UNITS.get(unit));
      at = m.end();
    }
    return at > 0 ? total : null;
  }

  /** Adds value units of {@code per}, a fraction of a month going to days and of a day to time. */
  private static void add(long[] total, BigDecimal value, long[] per) {
    BigDecimal months = value.multiply(BigDecimal.valueOf(per[0]));
    BigDecimal wholeMonths = months.setScale(0, RoundingMode.DOWN);
    BigDecimal days = value.multiply(BigDecimal.valueOf(per[1]))
        .add(months.subtract(wholeMonths).multiply(BigDecimal.valueOf(30)));
    BigDecimal wholeDays = days.setScale(0, RoundingMode.DOWN);
    BigDecimal micros = value.multiply(BigDecimal.valueOf(per[2]))
        .add(days.subtract(wholeDays).multiply(BigDecimal.valueOf(US_PER_DAY)));
    total[0] = Math.addExact(total[0], wholeMonths.longValueExact());
    total[1] = Math.addExact(total[1], wholeDays.longValueExact());
    total[2] = Math.addExact(total[2], micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
  }
}
