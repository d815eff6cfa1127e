package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One formatter writes a whole column, reusing the date text of the value before when the day
 * repeats: runs within a day, day changes, infinities and other kinds of value in between must not
 * leave stale text behind. java.time is the reference for years 1 to 9999.
 */
class DateTimeFormatTest {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final long MICROS_PER_DAY = DateTimeFormat.MICROS_PER_DAY;

  private static String text(AsciiBuffer buffer) {
    MessageBuffer out = new MessageBuffer();
    buffer.writeTo(out);
    return new String(out.toByteArray(), StandardCharsets.US_ASCII);
  }

  private static String expected(long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
    String s = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).format(ISO);
    if (micros != 0) {
      s += ("." + String.format("%06d", micros)).replaceAll("0+$", "");
    }
    return s;
  }

  @Test
  void sameDayRunsDayChangesAndInfinitiesInterleave() {
    SplittableRandom random = new SplittableRandom(9);
    DateTimeFormat format = new DateTimeFormat();
    long min = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    long max = LocalDateTime.of(9999, 12, 31, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    long micros = random.nextLong(min, max);
    for (int i = 0; i < 200_000; i++) {
      switch (random.nextInt(8)) {
        case 0 -> micros = random.nextLong(min, max); // another day
        case 1 -> {
          assertEquals("infinity", text(format.composeTimestamp(Long.MAX_VALUE, false)));
          continue;
        }
        case 2 -> {
          assertEquals("12:00:00.5+00", text(format.composeTime(43_200_500_000L, true)));
          continue;
        }
        case 3 -> {
          int day = (int) Math.floorDiv(micros, MICROS_PER_DAY);
          assertEquals(expected(micros).substring(0, 10), text(format.composeDate(day)));
          continue;
        }
        default -> micros += random.nextLong(1_000_000_000L) * (random.nextBoolean() ? 1 : -1);
      }
      micros = Math.max(min, Math.min(max, micros));
      assertEquals(expected(micros), text(format.composeTimestamp(micros, false)));
    }
  }

  @Test
  void aBcDayRepeatedKeepsItsSuffix() {
    DateTimeFormat format = new DateTimeFormat();
    long day = LocalDateTime.of(-43, 3, 15, 0, 0).toEpochSecond(ZoneOffset.UTC) / 86_400;
    long noon = day * MICROS_PER_DAY + 43_200_000_000L;
    assertEquals("0044-03-15 12:00:00 BC", text(format.composeTimestamp(noon, false)));
    assertEquals("0044-03-15T12:00:01 BC", text(format.composeTimestamp(noon + 1_000_000, true)));
    assertEquals("0044-03-15 BC", text(format.composeDate((int) day)));
    assertEquals(
        "0044-03-16 00:00:00 BC", text(format.composeTimestamp(noon + MICROS_PER_DAY / 2, false)));
  }
}
