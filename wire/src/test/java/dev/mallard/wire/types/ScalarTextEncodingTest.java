package dev.mallard.wire.types;

import static dev.mallard.wire.types.TestSupport.ALLOCATOR;
import static dev.mallard.wire.types.TestSupport.text;
import static dev.mallard.wire.types.Vectors.day;
import static dev.mallard.wire.types.Vectors.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TimeStampSecVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.junit.jupiter.api.Test;

/** Text forms, each expected string taken from PostgreSQL 15's output for the same value. */
class ScalarTextEncodingTest {

  private static List<String> list(String... values) {
    return Arrays.asList(values);
  }

  @Test
  void booleans() {
    assertEquals(list("t", "f", null), text(Vectors.bools(true, false, null), PgTypes.BOOL));
  }

  @Test
  void signedIntegers() {
    TinyIntVector tiny = new TinyIntVector("t", ALLOCATOR);
    tiny.setSafe(0, -128);
    tiny.setSafe(1, 127);
    tiny.setNull(2);
    assertEquals(list("-128", "127", null), text(Vectors.done(tiny, 3), PgTypes.INT2));
    SmallIntVector small = new SmallIntVector("s", ALLOCATOR);
    small.setSafe(0, Short.MIN_VALUE);
    small.setSafe(1, 0);
    assertEquals(list("-32768", "0"), text(Vectors.done(small, 2), PgTypes.INT2));
    assertEquals(
        list("-2147483648", "2147483647", "-7", null),
        text(Vectors.ints(Integer.MIN_VALUE, Integer.MAX_VALUE, -7, null), PgTypes.INT4));
    assertEquals(
        list("-9223372036854775808", "9223372036854775807", "10"),
        text(Vectors.longs(Long.MIN_VALUE, Long.MAX_VALUE, 10L), PgTypes.INT8));
  }

  @Test
  void unsignedIntegersWiden() {
    UInt1Vector u1 = new UInt1Vector("u", ALLOCATOR);
    u1.setSafe(0, 255);
    assertEquals(list("255"), text(Vectors.done(u1, 1), PgTypes.INT2));
    UInt2Vector u2 = new UInt2Vector("u", ALLOCATOR);
    u2.setSafe(0, 65535);
    assertEquals(list("65535"), text(Vectors.done(u2, 1), PgTypes.INT4));
    UInt4Vector u4 = new UInt4Vector("u", ALLOCATOR);
    u4.setSafe(0, -1);
    assertEquals(list("4294967295"), text(Vectors.done(u4, 1), PgTypes.INT8));
    UInt8Vector u8 = new UInt8Vector("u", ALLOCATOR);
    u8.setSafe(0, -1L);
    u8.setSafe(1, Long.MIN_VALUE);
    u8.setSafe(2, 42L);
    assertEquals(
        list("18446744073709551615", "9223372036854775808", "42"),
        text(Vectors.done(u8, 3), PgTypes.NUMERIC));
  }

  @Test
  void float8ShortestRoundTrip() {
    Double[] values = {
      1e15,
      1e14,
      1234567890123456.0,
      0.0001,
      0.00001,
      1e100,
      1.2345678901234567e-05,
      -0.0,
      0.0,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      1.5,
      0.1,
      5e-324,
      0.30000000000000004,
      1e-7,
      -1.5e300,
      123456789012345.0,
      null
    };
    assertEquals(
        list(
            "1e+15",
            "100000000000000",
            "1.234567890123456e+15",
            "0.0001",
            "1e-05",
            "1e+100",
            "1.2345678901234568e-05",
            "-0",
            "0",
            "NaN",
            "Infinity",
            "-Infinity",
            "1.5",
            "0.1",
            "5e-324",
            "0.30000000000000004",
            "1e-07",
            "-1.5e+300",
            "123456789012345",
            null),
        text(Vectors.doubles(values), PgTypes.FLOAT8));
  }

  @Test
  void float4ShortestRoundTrip() {
    Float[] values = {
      1e6f, 123456f, 1234567f, 999999f, 1e-45f, 3.4028235e38f, 12345678f, 16777216f, 0.1f, -0f
    };
    assertEquals(
        list(
            "1e+06",
            "123456",
            "1.234567e+06",
            "999999",
            "1e-45",
            "3.4028235e+38",
            "1.2345678e+07",
            "1.6777216e+07",
            "0.1",
            "-0"),
        text(Vectors.floats(values), PgTypes.FLOAT4));
  }

  @Test
  void floatsWithNonPositiveExtraFloatDigits() {
    EncodingContext zero = new EncodingContext(ZoneId.of("UTC"), 0, IntervalStyle.POSTGRES);
    assertEquals(
        list("1.23456789012346e+15", "4.94065645841247e-324", "0.3", "100", "1e+21"),
        text(
            Vectors.doubles(1234567890123456.0, 5e-324, 0.30000000000000004, 100.0, 1e21),
            PgTypes.FLOAT8,
            zero));
    assertEquals(
        list("1.23457e+06", "1.4013e-45", "3.40282e+38"),
        text(Vectors.floats(1234567f, 1e-45f, 3.4028235e38f), PgTypes.FLOAT4, zero));
    EncodingContext minus3 = new EncodingContext(ZoneId.of("UTC"), -3, IntervalStyle.POSTGRES);
    assertEquals(
        list("1.23456789012e+14", "1e+14"),
        text(Vectors.doubles(123456789012345.0, 1e14), PgTypes.FLOAT8, minus3));
    assertEquals(
        list("1.23e+05", "1e+06"), text(Vectors.floats(123456f, 999999f), PgTypes.FLOAT4, minus3));
  }

  @Test
  void numericKeepsTheColumnScale() {
    assertEquals(
        list("1.50", "-1.50", "0.00", "0.05", "-0.05", "999.99", null),
        text(
            Vectors.decimals(5, 2, "1.5", "-1.5", "0", "0.05", "-0.05", "999.99", null),
            PgTypes.NUMERIC));
    assertEquals(
        list("-1.500000000", "123456789012.345600000"),
        text(Vectors.decimals(38, 9, "-1.5", "123456789012.3456"), PgTypes.NUMERIC));
    // DECIMAL(38,10) stands for numeric without a scale (DuckDbTypeMapping): no trailing zeros
    assertEquals(
        list("-1.5", "123456789012.3456", "-9999999999999999999999999999", "0"),
        text(Vectors.decimals(38, 10, "-1.5", "123456789012.3456",
            "-9999999999999999999999999999.0000000000", "0"), PgTypes.NUMERIC));
    assertEquals(
        list("99999999999999999999999999999999999999", "-1", "0"),
        text(
            Vectors.decimals(38, 0, "99999999999999999999999999999999999999", "-1", "0"),
            PgTypes.NUMERIC));
    // HUGEINT's extremes do not fit 38 digits: -2^127 and 2^127 - 1.
    assertEquals(
        list("-170141183460469231731687303715884105728"),
        text(Vectors.rawDecimal(0L, Long.MIN_VALUE), PgTypes.NUMERIC));
    assertEquals(
        list("170141183460469231731687303715884105727"),
        text(Vectors.rawDecimal(-1L, Long.MAX_VALUE), PgTypes.NUMERIC));
  }

  @Test
  void stringsAreCopiedAsIs() {
    assertEquals(
        list("héllo", "", null, "{\"a\":1}"),
        text(Vectors.strings("héllo", "", null, "{\"a\":1}"), PgTypes.TEXT));
    assertEquals(
        list("12345678-1234-5678-1234-567812345678"),
        text(Vectors.strings("12345678-1234-5678-1234-567812345678"), PgTypes.UUID));
  }

  @Test
  void byteaIsHex() {
    assertEquals(
        list("\\x0102ff", "\\x", null),
        text(Vectors.blobs(new byte[] {1, 2, -1}, new byte[0], null), PgTypes.BYTEA));
  }

  @Test
  void longValuesAfterShortOnesUseTheGrownScratchBuffer() {
    byte[] big = new byte[300];
    java.util.Arrays.fill(big, (byte) 0xab);
    String hex = "\\x" + "ab".repeat(300);
    assertEquals(list("\\x01", hex, hex),
        text(Vectors.blobs(new byte[] {1}, big, big), PgTypes.BYTEA));
    String longText = "x".repeat(5000);
    assertEquals(list("short", longText), text(Vectors.strings("short", longText), PgTypes.TEXT));
  }

  @Test
  void duckDbBitStrings() {
    // DuckDB's layout: padding count, then the bits with the padding in front.
    assertEquals(
        list("0101", "1", "111100001", "00000000"),
        text(
            Vectors.blobs(
                TestSupport.hex("04f5"),
                TestSupport.hex("07ff"),
                TestSupport.hex("07ffe1"),
                TestSupport.hex("0000")),
            PgTypes.VARBIT));
  }

  @Test
  void dates() {
    assertEquals(
        list(
            "2024-01-02",
            "0044-03-15 BC",
            "0001-01-01 BC",
            "0001-01-01",
            "10000-01-01",
            "infinity",
            "-infinity",
            "4713-01-01 BC",
            null),
        text(
            Vectors.days(
                day(2024, 1, 2),
                day(-43, 3, 15),
                day(0, 1, 1),
                day(1, 1, 1),
                day(10000, 1, 1),
                Integer.MAX_VALUE,
                -Integer.MAX_VALUE,
                day(-4712, 1, 1),
                null),
            PgTypes.DATE));
  }

  @Test
  void times() {
    assertEquals(
        list("12:34:56.789", "00:00:00", "24:00:00", "23:59:59.999999", "01:02:03.1", null),
        text(
            Vectors.times(
                45_296_789_000L, 0L, 86_400_000_000L, 86_399_999_999L, 3_723_100_000L, null),
            PgTypes.TIME));
    TimeNanoVector nanos = new TimeNanoVector("t", ALLOCATOR);
    nanos.setSafe(0, 43_200_000_001_500L);
    assertEquals(list("12:00:00.000001"), text(Vectors.done(nanos, 1), PgTypes.TIME));
    TimeMilliVector millis = new TimeMilliVector("t", ALLOCATOR);
    millis.setSafe(0, 45_296_789);
    assertEquals(list("12:34:56.789"), text(Vectors.done(millis, 1), PgTypes.TIME));
    TimeSecVector seconds = new TimeSecVector("t", ALLOCATOR);
    seconds.setSafe(0, 45_296);
    assertEquals(list("12:34:56"), text(Vectors.done(seconds, 1), PgTypes.TIME));
  }

  @Test
  void timetzIsSentAsUtc() {
    assertEquals(
        list("12:34:56.789+00", null), text(Vectors.times(45_296_789_000L, null), PgTypes.TIMETZ));
  }

  @Test
  void timestamps() {
    assertEquals(
        list(
            "2024-01-02 03:04:05.123456",
            "2024-01-02 03:04:05.5",
            "0044-03-15 12:00:00 BC",
            "infinity",
            "-infinity",
            "10000-01-01 00:00:00.000001",
            "294247-01-10 04:00:54.775806",
            "1969-12-31 23:59:59.999999",
            null),
        text(
            Vectors.timestamps(
                micros(2024, 1, 2, 3, 4, 5, 123_456),
                micros(2024, 1, 2, 3, 4, 5, 500_000),
                micros(-43, 3, 15, 12, 0, 0, 0),
                Long.MAX_VALUE,
                -Long.MAX_VALUE,
                micros(10000, 1, 1, 0, 0, 0, 1),
                Long.MAX_VALUE - 1,
                -1L,
                null),
            PgTypes.TIMESTAMP));
  }

  @Test
  void timestampUnitsAndInfinities() {
    TimeStampSecVector sec = new TimeStampSecVector("s", ALLOCATOR);
    sec.setSafe(0, 1_704_164_645L);
    sec.setSafe(1, Long.MAX_VALUE);
    assertEquals(
        list("2024-01-02 03:04:05", "infinity"), text(Vectors.done(sec, 2), PgTypes.TIMESTAMP));
    TimeStampMilliVector milli = new TimeStampMilliVector("m", ALLOCATOR);
    milli.setSafe(0, 1_704_164_645_123L);
    milli.setSafe(1, -Long.MAX_VALUE);
    assertEquals(
        list("2024-01-02 03:04:05.123", "-infinity"),
        text(Vectors.done(milli, 2), PgTypes.TIMESTAMP));
    TimeStampNanoVector nano = new TimeStampNanoVector("n", ALLOCATOR);
    nano.setSafe(0, 1_704_164_645_123_456_789L);
    nano.setSafe(1, -500L); // DuckDB's own cast truncates toward zero
    assertEquals(
        list("2024-01-02 03:04:05.123456", "1970-01-01 00:00:00"),
        text(Vectors.done(nano, 2), PgTypes.TIMESTAMP));
  }

  private static EncodingContext zone(String zone) {
    return new EncodingContext(ZoneId.of(zone), 1, IntervalStyle.POSTGRES);
  }

  @Test
  void timestamptzInTheSessionZone() {
    long jan = micros(2024, 1, 2, 3, 4, 5, 123_456);
    long jul = micros(2024, 7, 2, 3, 4, 5, 0);
    long whole = micros(2024, 1, 2, 3, 4, 5, 0);
    assertEquals(
        list("2024-01-02 03:04:05.123456+00", "0044-03-15 12:00:00+00 BC", "infinity", null),
        text(
            Vectors.timestampsTz(jan, micros(-43, 3, 15, 12, 0, 0, 0), Long.MAX_VALUE, null),
            PgTypes.TIMESTAMPTZ));
    assertEquals(
        list("2024-01-02 04:04:05.123456+01", "2024-07-02 05:04:05+02", "2100-07-01 02:00:00+02"),
        text(
            Vectors.timestampsTz(jan, jul, micros(2100, 7, 1, 0, 0, 0, 0)),
            PgTypes.TIMESTAMPTZ,
            zone("Europe/Berlin")));
    assertEquals(
        list("2024-01-02 08:34:05+05:30"),
        text(Vectors.timestampsTz(whole), PgTypes.TIMESTAMPTZ, zone("Asia/Kolkata")));
    assertEquals(
        list("2024-01-01 23:34:05-03:30"),
        text(Vectors.timestampsTz(whole), PgTypes.TIMESTAMPTZ, zone("America/St_Johns")));
  }

  @Test
  void timestamptzAtDuckDbsUpperLimitDoesNotOverflow() {
    assertEquals(
        list("294247-01-10 18:00:54.775806+14"),
        text(
            Vectors.timestampsTz(Long.MAX_VALUE - 1),
            PgTypes.TIMESTAMPTZ,
            zone("Pacific/Kiritimati")));
  }

  @Test
  void intervalsPostgresStyle() {
    assertEquals(
        list(
            "1 year 2 mons 3 days 04:05:06.7",
            "-1 days +02:00:00",
            "00:00:00",
            "1 mon",
            "-1 mons",
            "-1 years -2 mons",
            "1 day -00:00:01",
            "-00:00:01.5",
            "100:00:00",
            "-100:00:00.000001",
            "1 year -1 days",
            "-1 years +1 day",
            "-1 mons +2 days",
            "-1 years -1 mons -1 days -01:00:00",
            "2562047:47:16.854775",
            null),
        text(
            Vectors.intervals(
                new long[] {14, 3, 14_706_700_000L},
                new long[] {0, -1, 7_200_000_000L},
                new long[] {0, 0, 0},
                new long[] {1, 0, 0},
                new long[] {-1, 0, 0},
                new long[] {-14, 0, 0},
                new long[] {0, 1, -1_000_000},
                new long[] {0, 0, -1_500_000},
                new long[] {0, 0, 360_000_000_000L},
                new long[] {0, 0, -360_000_000_001L},
                new long[] {12, -1, 0},
                new long[] {-12, 1, 0},
                new long[] {-1, 2, 0},
                new long[] {-13, -1, -3_600_000_000L},
                new long[] {0, 0, Long.MAX_VALUE / 1000},
                null),
            PgTypes.INTERVAL));
  }

  @Test
  void intervalsIso8601() {
    EncodingContext iso = new EncodingContext(ZoneId.of("UTC"), 1, IntervalStyle.ISO_8601);
    assertEquals(
        list(
            "P1Y2M3DT4H5M6.7S",
            "P-1DT2H",
            "PT0S",
            "P1M",
            "PT-1.5S",
            "PT100H",
            "P1DT-1S",
            "P-1Y1DT0.5S"),
        text(
            Vectors.intervals(
                new long[] {14, 3, 14_706_700_000L},
                new long[] {0, -1, 7_200_000_000L},
                new long[] {0, 0, 0},
                new long[] {1, 0, 0},
                new long[] {0, 0, -1_500_000},
                new long[] {0, 0, 360_000_000_000L},
                new long[] {0, 1, -1_000_000},
                new long[] {-12, 1, 500_000}),
            PgTypes.INTERVAL,
            iso));
  }
}
