package dev.mallard.wire.types;

import static dev.mallard.wire.types.TestSupport.hex;
import static dev.mallard.wire.types.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.wire.error.PgException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterDecoderTest {

  private final ParameterDecoder decoder = new ParameterDecoder(ZoneId.of("Asia/Kolkata"));

  private Object text(PgType type, String value) {
    return decoder.decode(type, (short) 0, utf8(value));
  }

  private Object binary(PgType type, String hexValue) {
    return decoder.decode(1, type, (short) 1, hex(hexValue));
  }

  private static void assertError(String sqlState, String message, Runnable action) {
    PgException e = assertThrows(PgException.class, action::run);
    assertEquals(sqlState, e.sqlState());
    assertEquals(message, e.getMessage());
  }

  @Test
  void nullIsNull() {
    assertNull(decoder.decode(PgTypes.INT4, (short) 0, null));
    assertNull(decoder.decode(PgTypes.INT4, (short) 1, null));
  }

  @Test
  void booleans() {
    for (String t : new String[] {"t", "true", " TRUE ", "y", "yes", "on", "1", "tr", "ye"}) {
      assertEquals(true, text(PgTypes.BOOL, t), t);
    }
    for (String f : new String[] {"f", "false", "n", "no", "off", "of", "0", "FALSE"}) {
      assertEquals(false, text(PgTypes.BOOL, f), f);
    }
    assertError(
        "22P02", "invalid input syntax for type boolean: \"o\"", () -> text(PgTypes.BOOL, "o"));
    assertError(
        "22P02", "invalid input syntax for type boolean: \"abc\"", () -> text(PgTypes.BOOL, "abc"));
    assertEquals(true, binary(PgTypes.BOOL, "01"));
    assertEquals(false, binary(PgTypes.BOOL, "00"));
  }

  @Test
  void integers() {
    assertEquals((short) -2, text(PgTypes.INT2, "-2"));
    assertEquals(12, text(PgTypes.INT4, " 12 "));
    assertEquals(5, text(PgTypes.INT4, "+5"));
    assertEquals(Long.MIN_VALUE, text(PgTypes.INT8, "-9223372036854775808"));
    assertEquals(4_294_967_295L, text(PgTypes.OID, "4294967295"));
    assertError(
        "22P02", "invalid input syntax for type integer: \"abc\"", () -> text(PgTypes.INT4, "abc"));
    assertError(
        "22P02", "invalid input syntax for type integer: \"1.5\"", () -> text(PgTypes.INT4, "1.5"));
    assertError(
        "22P02", "invalid input syntax for type integer: \"1e5\"", () -> text(PgTypes.INT4, "1e5"));
    assertError(
        "22P02", "invalid input syntax for type smallint: \"\"", () -> text(PgTypes.INT2, ""));
    assertError(
        "22003",
        "value \"99999\" is out of range for type smallint",
        () -> text(PgTypes.INT2, "99999"));
    assertError(
        "22003",
        "value \"9223372036854775808\" is out of range for type bigint",
        () -> text(PgTypes.INT8, "9223372036854775808"));
    assertEquals((short) -2, binary(PgTypes.INT2, "fffe"));
    assertEquals(123_456, binary(PgTypes.INT4, "0001e240"));
    assertEquals(-1_234_567_890_123L, binary(PgTypes.INT8, "fffffee08e04fb35"));
    assertEquals(4_294_967_295L, binary(PgTypes.OID, "ffffffff"));
    assertError(
        "22P03",
        "incorrect binary data format in bind parameter 1",
        () -> binary(PgTypes.INT4, "0001"));
    assertError(
        "22P03",
        "incorrect binary data format in bind parameter 1",
        () -> binary(PgTypes.INT2, "000102"));
  }

  @Test
  void floats() {
    assertEquals(1.5f, text(PgTypes.FLOAT4, "1.5"));
    assertEquals(0.1, text(PgTypes.FLOAT8, " 0.1 "));
    assertEquals(1500.0, text(PgTypes.FLOAT8, "1.5e3"));
    assertEquals(Double.NaN, text(PgTypes.FLOAT8, "NaN"));
    assertEquals(Double.NEGATIVE_INFINITY, text(PgTypes.FLOAT8, "-Infinity"));
    assertEquals(Float.POSITIVE_INFINITY, text(PgTypes.FLOAT4, "inf"));
    assertError(
        "22P02",
        "invalid input syntax for type double precision: \"1d\"",
        () -> text(PgTypes.FLOAT8, "1d"));
    assertError(
        "22P02", "invalid input syntax for type real: \"abc\"", () -> text(PgTypes.FLOAT4, "abc"));
    assertError(
        "22003",
        "\"1e400\" is out of range for type double precision",
        () -> text(PgTypes.FLOAT8, "1e400"));
    assertError(
        "22003", "\"1e40\" is out of range for type real", () -> text(PgTypes.FLOAT4, "1e40"));
    assertEquals(1.5f, binary(PgTypes.FLOAT4, "3fc00000"));
    assertEquals(-0.1, binary(PgTypes.FLOAT8, "bfb999999999999a"));
  }

  @Test
  void numerics() {
    assertEquals(new BigDecimal("1.500"), text(PgTypes.NUMERIC, "1.500"));
    assertEquals(new BigDecimal("0.5"), text(PgTypes.NUMERIC, ".5"));
    assertEquals(new BigDecimal("5.0"), text(PgTypes.NUMERIC, "5."));
    assertEquals(new BigDecimal("1.5e3"), text(PgTypes.NUMERIC, " 1.5e3 "));
    assertEquals(Double.NaN, text(PgTypes.NUMERIC, "NaN"));
    assertEquals(Double.POSITIVE_INFINITY, text(PgTypes.NUMERIC, "Infinity"));
    assertError(
        "22P02",
        "invalid input syntax for type numeric: \"abc\"",
        () -> text(PgTypes.NUMERIC, "abc"));
    assertEquals(new BigDecimal("1.500"), binary(PgTypes.NUMERIC, "000200000000000300011388"));
    assertEquals(new BigDecimal("0.00"), binary(PgTypes.NUMERIC, "0000000000000002"));
    assertEquals(
        new BigDecimal("-12345.678"), binary(PgTypes.NUMERIC, "0003000140000003000109291a7c"));
    assertEquals(new BigDecimal("0.0001"), binary(PgTypes.NUMERIC, "0001ffff000000040001"));
    assertEquals(new BigDecimal("10000"), binary(PgTypes.NUMERIC, "00010001000000000001"));
    assertEquals(
        new BigDecimal("-170141183460469231731687303715884105728"),
        binary(PgTypes.NUMERIC, "000a00094000000000aa0583209a01d5090d0c601c871bf620da1660"));
    assertEquals(Double.NaN, binary(PgTypes.NUMERIC, "00000000c0000000"));
    assertError(
        "22P03",
        "invalid sign in external \"numeric\" value",
        () -> binary(PgTypes.NUMERIC, "0000000012340000"));
    assertError(
        "22P03",
        "invalid digit in external \"numeric\" value",
        () -> binary(PgTypes.NUMERIC, "00010000000000002710"));
  }

  @Test
  void stringsAndJson() {
    assertEquals("héllo", text(PgTypes.TEXT, "héllo"));
    assertEquals("{\"a\":1}", text(PgTypes.JSON, "{\"a\":1}"));
    assertEquals("anything", text(PgTypes.UNKNOWN, "anything"));
    assertEquals("héllo", binary(PgTypes.VARCHAR, "68c3a96c6c6f"));
    assertEquals("{\"a\": 1}", binary(PgTypes.JSONB, "017b2261223a20317d"));
    assertEquals("x", binary(PgTypes.UNKNOWN, "78"));
    assertError("22P03", "unsupported jsonb version number", () -> binary(PgTypes.JSONB, "027b7d"));
  }

  @Test
  void bytea() {
    assertArrayEquals(hex("0102ff"), (byte[]) text(PgTypes.BYTEA, "\\x0102FF"));
    assertArrayEquals(hex("0102"), (byte[]) text(PgTypes.BYTEA, "\\x01 02"));
    assertArrayEquals(hex("615c01"), (byte[]) text(PgTypes.BYTEA, "a\\\\\\001"));
    assertArrayEquals(hex("0102ff"), (byte[]) binary(PgTypes.BYTEA, "0102ff"));
    assertError("22023", "invalid hexadecimal digit: \"z\"", () -> text(PgTypes.BYTEA, "\\xzz"));
    assertError(
        "22023",
        "invalid hexadecimal data: odd number of digits",
        () -> text(PgTypes.BYTEA, "\\x1"));
    assertError(
        "22P02", "invalid input syntax for type bytea: \"\\9\"", () -> text(PgTypes.BYTEA, "\\9"));
  }

  @Test
  void uuids() {
    UUID expected = UUID.fromString("12345678-1234-5678-1234-567812345678");
    assertEquals(expected, text(PgTypes.UUID, "12345678-1234-5678-1234-567812345678"));
    assertEquals(expected, text(PgTypes.UUID, "{12345678123456781234567812345678}"));
    assertEquals(expected, text(PgTypes.UUID, "1234-5678-1234-5678-1234-5678-1234-5678"));
    assertEquals(
        expected, text(PgTypes.UUID, "12345678-1234-5678-1234-567812345678".toUpperCase()));
    assertEquals(expected, binary(PgTypes.UUID, "12345678123456781234567812345678"));
    assertError(
        "22P02", "invalid input syntax for type uuid: \"abc\"", () -> text(PgTypes.UUID, "abc"));
  }

  @Test
  void dates() {
    assertEquals(LocalDate.of(2024, 1, 2), text(PgTypes.DATE, "2024-01-02"));
    assertEquals(LocalDate.of(2024, 1, 2), text(PgTypes.DATE, "2024-1-2"));
    assertEquals("-0043-03-15", text(PgTypes.DATE, "0044-03-15 BC"));
    assertEquals("infinity", text(PgTypes.DATE, "infinity"));
    assertEquals("-infinity", text(PgTypes.DATE, "-infinity"));
    assertError(
        "22007", "invalid input syntax for type date: \"abc\"", () -> text(PgTypes.DATE, "abc"));
    assertError(
        "22008",
        "date/time field value out of range: \"2024-02-30\"",
        () -> text(PgTypes.DATE, "2024-02-30"));
    assertError(
        "22008",
        "date/time field value out of range: \"0000-01-01\"",
        () -> text(PgTypes.DATE, "0000-01-01"));
    assertEquals(LocalDate.of(2024, 1, 2), binary(PgTypes.DATE, "0000223f"));
    assertEquals("-0043-03-15", binary(PgTypes.DATE, "fff49d7b"));
    assertEquals("infinity", binary(PgTypes.DATE, "7fffffff"));
    assertEquals("-infinity", binary(PgTypes.DATE, "80000000"));
  }

  @Test
  void times() {
    assertEquals(LocalTime.of(12, 34, 56, 789_000_000), text(PgTypes.TIME, "12:34:56.789"));
    assertEquals(LocalTime.of(3, 4), text(PgTypes.TIME, "3:04"));
    assertEquals(LocalTime.of(12, 0, 0, 123_457_000), text(PgTypes.TIME, "12:00:00.1234567"));
    assertEquals("24:00:00", text(PgTypes.TIME, "24:00:00"));
    assertError(
        "22008",
        "date/time field value out of range: \"25:00\"",
        () -> text(PgTypes.TIME, "25:00"));
    assertError(
        "22007", "invalid input syntax for type time: \"abc\"", () -> text(PgTypes.TIME, "abc"));
    assertEquals(LocalTime.of(12, 34, 56, 789_000_000), binary(PgTypes.TIME, "0000000a8be62608"));
    assertEquals("12:00:00.000000+05:30:00", text(PgTypes.TIMETZ, "12:00:00+05:30"));
    assertEquals("12:00:00.000000+05:30:00", binary(PgTypes.TIMETZ, "0000000a0eebb000ffffb2a8"));
    assertError(
        "22007",
        "invalid input syntax for type time with time zone: \"abc\"",
        () -> text(PgTypes.TIMETZ, "abc"));
  }

  @Test
  void timestamps() {
    LocalDateTime t = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000);
    assertEquals(t, text(PgTypes.TIMESTAMP, "2024-01-02 03:04:05.123"));
    assertEquals(t, text(PgTypes.TIMESTAMP, "2024-01-02T03:04:05.123"));
    // timestamp input ignores an offset, like PostgreSQL
    assertEquals(t, text(PgTypes.TIMESTAMP, "2024-01-02 03:04:05.123+02"));
    assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), text(PgTypes.TIMESTAMP, "2024-01-02"));
    assertEquals(
        LocalDateTime.of(2024, 1, 3, 0, 0), text(PgTypes.TIMESTAMP, "2024-01-02 24:00:00"));
    assertEquals(
        LocalDateTime.of(2024, 1, 2, 3, 4, 6),
        text(PgTypes.TIMESTAMP, "2024-01-02 03:04:05.9999999"));
    assertEquals(
        "-2023-01-02 03:04:05.500000", text(PgTypes.TIMESTAMP, "2024-01-02 03:04:05.5 BC"));
    assertEquals("infinity", text(PgTypes.TIMESTAMP, "infinity"));
    assertError(
        "22007",
        "invalid input syntax for type timestamp: \"abc\"",
        () -> text(PgTypes.TIMESTAMP, "abc"));
    assertEquals(
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
        binary(PgTypes.TIMESTAMP, "0002b0ec8517d580"));
    assertEquals("infinity", binary(PgTypes.TIMESTAMP, "7fffffffffffffff"));
    assertEquals("-infinity", binary(PgTypes.TIMESTAMP, "8000000000000000"));
  }

  @Test
  void timestampsWithTimeZone() {
    assertEquals(
        OffsetDateTime.parse("2024-01-02T03:04:05.123+02:00"),
        text(PgTypes.TIMESTAMPTZ, "2024-01-02 03:04:05.123+02"));
    assertEquals(
        OffsetDateTime.parse("2024-01-02T03:04:05Z"),
        text(PgTypes.TIMESTAMPTZ, "2024-01-02T03:04:05Z"));
    assertEquals(
        OffsetDateTime.parse("2024-01-02T03:04:05+05:30"),
        text(PgTypes.TIMESTAMPTZ, "2024-01-02 03:04:05+0530"));
    // No offset: the session's TimeZone (Asia/Kolkata here).
    assertEquals(
        OffsetDateTime.parse("2024-01-02T03:04:05+05:30"),
        text(PgTypes.TIMESTAMPTZ, "2024-01-02 03:04:05"));
    assertEquals(
        OffsetDateTime.parse("2024-01-02T03:04:05-05:00"),
        text(PgTypes.TIMESTAMPTZ, "2024-01-02 03:04:05 America/New_York"));
    assertEquals(
        OffsetDateTime.parse("2024-01-02T03:04:05.123456Z"),
        binary(PgTypes.TIMESTAMPTZ, "0002b0ec8517d580"));
    assertError(
        "22007",
        "invalid input syntax for type timestamp with time zone: \"abc\"",
        () -> text(PgTypes.TIMESTAMPTZ, "abc"));
  }

  @Test
  void intervalsBecomeTextDuckDbCasts() {
    assertEquals(
        "1 year 2 mons 3 days 04:05:06.7",
        text(PgTypes.INTERVAL, "1 year 2 mons 3 days 04:05:06.7"));
    assertEquals("-1 days 02:00:00", text(PgTypes.INTERVAL, "-1 days +02:00:00"));
    assertEquals(
        "1 years 2 months 3 days 4 hours 5 minutes 6.7 seconds",
        text(PgTypes.INTERVAL, "P1Y2M3DT4H5M6.7S"));
    assertEquals(
        "14 months 3 days 14706700000 microseconds",
        binary(PgTypes.INTERVAL, "000000036c966ee0000000030000000e"));
    assertError(
        "22007",
        "invalid input syntax for type interval: \"P1Q\"",
        () -> text(PgTypes.INTERVAL, "P1Q"));
  }

  @Test
  void bitStrings() {
    assertEquals("0101", text(PgTypes.VARBIT, "0101"));
    assertEquals("00011111", text(PgTypes.VARBIT, "x1f"));
    assertError("22P02", "\"2\" is not a valid binary digit", () -> text(PgTypes.VARBIT, "012"));
    assertEquals("0101", binary(PgTypes.VARBIT, "0000000450"));
    assertEquals("111100001", binary(PgTypes.VARBIT, "00000009f080"));
  }

  @Test
  void textArrays() {
    assertArrayEquals(new Object[] {1, 2, null}, (Object[]) text(PgTypes.INT4_ARRAY, "{1,2,NULL}"));
    assertArrayEquals(new Object[0], (Object[]) text(PgTypes.INT4_ARRAY, "{}"));
    assertArrayEquals(
        new Object[] {"a b", "x\"y", null, "", "NULL", "back\\slash", "é"},
        (Object[])
            text(
                PgTypes.TEXT_ARRAY, "{\"a b\",\"x\\\"y\",NULL,\"\",\"NULL\",\"back\\\\slash\",é}"));
    assertArrayEquals(
        new Object[] {" padded", "inner space"},
        (Object[]) text(PgTypes.TEXT_ARRAY, "{\" padded\" ,  inner space  }"));
    assertArrayEquals(
        new Object[] {new Object[] {1, 2}, new Object[] {3, 4}},
        (Object[]) text(PgTypes.INT4_ARRAY, "{{1,2},{3,4}}"));
    assertArrayEquals(
        new Object[] {LocalDate.of(2024, 1, 2), "-0043-03-15"},
        (Object[]) text(PgTypes.DATE_ARRAY, "{2024-01-02,\"0044-03-15 BC\"}"));
    assertError(
        "22P02",
        "invalid input syntax for type integer: \"abc\"",
        () -> text(PgTypes.INT4_ARRAY, "{abc}"));
    PgException e = assertThrows(PgException.class, () -> text(PgTypes.INT4_ARRAY, "{1,2"));
    assertEquals("22P02", e.sqlState());
    assertEquals("malformed array literal: \"{1,2\"", e.getMessage());
    assertEquals("Unexpected end of input.", e.detail());
  }

  @Test
  void binaryArrays() {
    assertArrayEquals(
        new Object[] {1, null},
        (Object[])
            binary(
                PgTypes.INT4_ARRAY,
                "00000001000000010000001700000002000000010000000400000001ffffffff"));
    assertArrayEquals(
        new Object[] {"a b", null, ""},
        (Object[])
            binary(
                PgTypes.TEXT_ARRAY,
                "000000010000000100000019000000030000000100000003612062ffffffff00000000"));
    assertArrayEquals(
        new Object[0], (Object[]) binary(PgTypes.TEXT_ARRAY, "000000000000000000000019"));
    assertArrayEquals(
        new Object[] {new BigDecimal("1.50"), null},
        (Object[])
            binary(
                PgTypes.NUMERIC_ARRAY,
                "0000000100000001000006a400000002000000010000000c"
                    + "000200000000000200011388ffffffff"));
    // array_send('{{1,2},{3,4}}'::int4[])
    assertArrayEquals(
        new Object[] {new Object[] {1, 2}, new Object[] {3, 4}},
        (Object[])
            binary(
                PgTypes.INT4_ARRAY,
                "000000020000000000000017000000020000000100000002000000010000000400000001"
                    + "000000040000000200000004000000030000000400000004"));
    PgException e =
        assertThrows(
            PgException.class,
            () ->
                binary(
                    PgTypes.INT8_ARRAY,
                    "000000010000000000000017000000010000000100000004" + "00000001"));
    assertEquals("42804", e.sqlState());
  }

  @Test
  void typesWithoutBinaryInputAreRefused() {
    assertError(
        "42883",
        "no binary input function available for type inet",
        () -> binary(PgTypes.INET, "00"));
  }
}
