package dev.mallard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.wire.error.PgException;
import org.junit.jupiter.api.Test;

/** Time values and zone names as PostgreSQL 15 reads and prints them. */
class KnownSettingsTest {

  @Test
  void durationMillisUnits() {
    assertEquals(250, KnownSettings.durationMillis("250"));
    assertEquals(100, KnownSettings.durationMillis("100ms"));
    assertEquals(5_000, KnownSettings.durationMillis("5s"));
    assertEquals(5_000, KnownSettings.durationMillis(" 5 s "));
    assertEquals(60_000, KnownSettings.durationMillis("1min"));
    assertEquals(7_200_000, KnownSettings.durationMillis("2h"));
    assertEquals(86_400_000, KnownSettings.durationMillis("1d"));
    assertEquals(5_000, KnownSettings.durationMillis("5S"));
    assertEquals(0, KnownSettings.durationMillis("0"));
  }

  @Test
  void durationMillisFractionsRoundLikePostgres() {
    assertEquals(1_500, KnownSettings.durationMillis("1.5s"));
    assertEquals(2, KnownSettings.durationMillis("1500us"));
    assertEquals(90_000, KnownSettings.durationMillis("1.5min"));
    assertEquals(3, KnownSettings.durationMillis("2.7"));
  }

  @Test
  void durationMillisRejectsGarbage() {
    for (String v : new String[] {"", "abc", "5 parsecs", "5sec", "ms", "1.2.3s", "--1"}) {
      PgException e = assertThrows(PgException.class, () -> KnownSettings.durationMillis(v), v);
      assertEquals("22023", e.sqlState(), v);
    }
  }

  @Test
  void formatMillisUsesTheLargestExactUnit() {
    assertEquals("5s", KnownSettings.formatMillis(5_000));
    assertEquals("90s", KnownSettings.formatMillis(90_000));
    assertEquals("1min", KnownSettings.formatMillis(60_000));
    assertEquals("1001ms", KnownSettings.formatMillis(1_001));
    assertEquals("1h", KnownSettings.formatMillis(3_600_000));
    assertEquals("2d", KnownSettings.formatMillis(172_800_000));
    assertEquals("0", KnownSettings.formatMillis(0));
  }

  @Test
  void timeZoneNames() {
    assertEquals("Europe/Paris", KnownSettings.timeZone("Europe/Paris"));
    assertEquals("Europe/Paris", KnownSettings.timeZone("europe/paris"));
    assertEquals("America/New_York", KnownSettings.timeZone(" AMERICA/NEW_YORK "));
    assertEquals("UTC", KnownSettings.timeZone("utc"));
    assertEquals("UTC", KnownSettings.timeZone("Zulu"));
    assertEquals("GMT", KnownSettings.timeZone("gmt"));
    PgException e = assertThrows(PgException.class, () -> KnownSettings.timeZone("Nowhere/Land"));
    assertEquals("22023", e.sqlState());
  }

  @Test
  void lookupIsCaseInsensitive() {
    assertNotNull(KnownSettings.find("TIMEZONE"));
    assertEquals("TimeZone", KnownSettings.find("timezone").name());
    assertEquals("DateStyle", KnownSettings.find("DATESTYLE").name());
    assertNull(KnownSettings.find("no_such_setting"));
  }

  @Test
  void unsupportedOutputStylesAreRefused() {
    // Mallard writes ISO dates and postgres or iso_8601 intervals only; PostgreSQL would accept these.
    assertEquals("0A000", assertThrows(PgException.class,
        () -> KnownSettings.find("DateStyle").validate("German")).sqlState());
    assertEquals("0A000", assertThrows(PgException.class,
        () -> KnownSettings.find("IntervalStyle").validate("sql_standard")).sqlState());
    assertEquals("22023", assertThrows(PgException.class,
        () -> KnownSettings.find("IntervalStyle").validate("nonsense")).sqlState());
    assertEquals("iso_8601", KnownSettings.find("IntervalStyle").validate("ISO_8601"));
    assertEquals("0A000", assertThrows(PgException.class,
        () -> KnownSettings.find("client_encoding").validate("LATIN1")).sqlState());
    assertEquals("0A000", assertThrows(PgException.class,
        () -> KnownSettings.find("standard_conforming_strings").validate("off")).sqlState());
    assertEquals("ISO, YMD", KnownSettings.find("DateStyle").validate("ymd"));
    assertEquals("SQL_ASCII", KnownSettings.find("client_encoding").validate("sql_ascii"));
    // asyncpg sends the name quoted; PostgreSQL ignores all but letters and digits.
    assertEquals("UTF8", KnownSettings.find("client_encoding").validate("'utf-8'"));
  }
}
