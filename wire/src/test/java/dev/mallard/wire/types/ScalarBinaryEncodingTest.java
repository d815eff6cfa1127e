package dev.mallard.wire.types;

import static dev.mallard.wire.types.TestSupport.ALLOCATOR;
import static dev.mallard.wire.types.TestSupport.binary;
import static dev.mallard.wire.types.Vectors.day;
import static dev.mallard.wire.types.Vectors.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.junit.jupiter.api.Test;

/** Binary forms; expected bytes come from PostgreSQL 15's *_send functions. */
class ScalarBinaryEncodingTest {

  private static List<String> list(String... values) {
    return Arrays.asList(values);
  }

  @Test
  void booleansAndIntegers() {
    assertEquals(list("01", "00", null), binary(Vectors.bools(true, false, null), PgTypes.BOOL));
    SmallIntVector small = new SmallIntVector("s", ALLOCATOR);
    small.setSafe(0, -2);
    assertEquals(list("fffe"), binary(Vectors.done(small, 1), PgTypes.INT2));
    assertEquals(list("0001e240", null), binary(Vectors.ints(123_456, null), PgTypes.INT4));
    assertEquals(
        list("fffffee08e04fb35"), binary(Vectors.longs(-1_234_567_890_123L), PgTypes.INT8));
  }

  @Test
  void unsignedIntegersWidenToTheirPostgresType() {
    UInt2Vector u2 = new UInt2Vector("u", ALLOCATOR);
    u2.setSafe(0, 65535);
    assertEquals(list("0000ffff"), binary(Vectors.done(u2, 1), PgTypes.INT4));
    UInt4Vector u4 = new UInt4Vector("u", ALLOCATOR);
    u4.setSafe(0, -1);
    assertEquals(list("00000000ffffffff"), binary(Vectors.done(u4, 1), PgTypes.INT8));
    // oid_send: the pg_catalog emulation's OID columns are UINTEGER.
    assertEquals(list("ffffffff"), binary(Vectors.done(u4, 1), PgTypes.OID));
    UInt8Vector u8 = new UInt8Vector("u", ALLOCATOR);
    u8.setSafe(0, -1L);
    // numeric_send(18446744073709551615)
    assertEquals(
        list("000500040000000007341a5802e103bb064f"), binary(Vectors.done(u8, 1), PgTypes.NUMERIC));
    // An int4 column cannot carry UINTEGER values.
    assertThrows(IllegalArgumentException.class, () -> binary(Vectors.done(u4, 1), PgTypes.INT4));
  }

  @Test
  void floats() {
    assertEquals(list("3fc00000"), binary(Vectors.floats(1.5f), PgTypes.FLOAT4));
    assertEquals(list("bfb999999999999a"), binary(Vectors.doubles(-0.1), PgTypes.FLOAT8));
  }

  @Test
  void numeric() {
    assertEquals(
        list(
            "000200000000000300011388", // 1.500
            "000200004000000100011388", // -1.5 at scale 1
            "0000000000000002", // 0.00
            "0003000140000003000109291a7c", // -12345.678
            "000400020000000404d2162e23340d80", // 123456789012.3456
            "0001ffff000000040001", // 0.0001
            "0001fffe000000080001", // 0.00000001
            "000a0009000000000063270f270f270f270f270f270f270f270f270f"), // 38 nines
        List.of(
            binary(Vectors.decimals(10, 3, "1.500"), PgTypes.NUMERIC).get(0),
            binary(Vectors.decimals(10, 1, "-1.5"), PgTypes.NUMERIC).get(0),
            binary(Vectors.decimals(5, 2, "0"), PgTypes.NUMERIC).get(0),
            binary(Vectors.decimals(10, 3, "-12345.678"), PgTypes.NUMERIC).get(0),
            binary(Vectors.decimals(20, 4, "123456789012.3456"), PgTypes.NUMERIC).get(0),
            binary(Vectors.decimals(10, 4, "0.0001"), PgTypes.NUMERIC).get(0),
            binary(Vectors.decimals(10, 8, "0.00000001"), PgTypes.NUMERIC).get(0),
            binary(
                    Vectors.decimals(38, 0, "99999999999999999999999999999999999999"),
                    PgTypes.NUMERIC)
                .get(0)));
    // numeric_send(-170141183460469231731687303715884105728), HUGEINT's minimum.
    assertEquals(
        list("000a00094000000000aa0583209a01d5090d0c601c871bf620da1660"),
        binary(Vectors.rawDecimal(0L, Long.MIN_VALUE), PgTypes.NUMERIC));
    // numeric_send(-9223372036854775808) from a BIGINT column sent as numeric.
    assertEquals(
        list("0005000440000000039a0d2c0170156516b0"),
        binary(Vectors.longs(Long.MIN_VALUE), PgTypes.NUMERIC));
    assertEquals(list("00010001000000000001"), binary(Vectors.ints(10_000), PgTypes.NUMERIC));
  }

  @Test
  void textLikeTypesSendTheirText() {
    assertEquals(list("68c3a96c6c6f", ""), binary(Vectors.strings("héllo", ""), PgTypes.TEXT));
    assertEquals(list("7b2261223a317d"), binary(Vectors.strings("{\"a\":1}"), PgTypes.JSON));
    // jsonb_send: version 1, then the text.
    assertEquals(list("017b2261223a317d"), binary(Vectors.strings("{\"a\":1}"), PgTypes.JSONB));
  }

  @Test
  void byteaUuidAndBits() {
    assertEquals(list("0102ff"), binary(Vectors.blobs(new byte[] {1, 2, -1}), PgTypes.BYTEA));
    assertEquals(
        list("12345678123456781234567812345678"),
        binary(Vectors.strings("12345678-1234-5678-1234-567812345678"), PgTypes.UUID));
    FixedSizeBinaryVector fixed = new FixedSizeBinaryVector("u", ALLOCATOR, 16);
    fixed.setSafe(0, TestSupport.hex("12345678123456781234567812345678"));
    assertEquals(
        list("12345678123456781234567812345678"), binary(Vectors.done(fixed, 1), PgTypes.UUID));
    // varbit_send('0101'), ('111100001'), ('1')
    assertEquals(
        list("0000000450", "00000009f080", "0000000180"),
        binary(
            Vectors.blobs(
                TestSupport.hex("04f5"), TestSupport.hex("07ffe1"), TestSupport.hex("07ff")),
            PgTypes.VARBIT));
    assertEquals(
        list("0000000450", "00000009f080"),
        binary(Vectors.strings("0101", "111100001"), PgTypes.VARBIT));
  }

  @Test
  void datesAndTimes() {
    assertEquals(
        list("0000223f", "ffffffff", "fff49d7b", "7fffffff", "80000000", null),
        binary(
            Vectors.days(
                day(2024, 1, 2),
                day(1999, 12, 31),
                day(-43, 3, 15),
                Integer.MAX_VALUE,
                -Integer.MAX_VALUE,
                null),
            PgTypes.DATE));
    assertEquals(list("0000000a8be62608"), binary(Vectors.times(45_296_789_000L), PgTypes.TIME));
    assertEquals(
        list("0000000a8bda1c0000000000"), binary(Vectors.times(45_296_000_000L), PgTypes.TIMETZ));
    // TIMETZ cast to VARCHAR keeps its offset: timetz_send('12:00:00+05:30')
    assertEquals(
        list("0000000a0eebb000ffffb2a8"),
        binary(Vectors.strings("12:00:00+05:30"), PgTypes.TIMETZ));
  }

  @Test
  void timestamps() {
    assertEquals(
        list("0002b0ec8517d580", "fffca2fec4c82000", "7fffffffffffffff", "8000000000000000"),
        binary(
            Vectors.timestamps(
                micros(2024, 1, 2, 3, 4, 5, 123_456), 0L, Long.MAX_VALUE, -Long.MAX_VALUE),
            PgTypes.TIMESTAMP));
    assertEquals(
        list("0002b0ec8517d580"),
        binary(Vectors.timestampsTz(micros(2024, 1, 2, 3, 4, 5, 123_456)), PgTypes.TIMESTAMPTZ));
  }

  @Test
  void intervals() {
    assertEquals(
        list(
            "000000036c966ee0000000030000000e",
            "00000001ad274800ffffffff00000000",
            "00000000000000000000000000000000"),
        binary(
            Vectors.intervals(
                new long[] {14, 3, 14_706_700_000L},
                new long[] {0, -1, 7_200_000_000L},
                new long[] {0, 0, 0}),
            PgTypes.INTERVAL));
  }

  @Test
  void mismatchesAreRejectedWhenTheEncoderIsMade() {
    assertThrows(IllegalArgumentException.class, () -> binary(Vectors.strings("x"), PgTypes.INT4));
    dev.mallard.wire.error.PgException e =
        assertThrows(
            dev.mallard.wire.error.PgException.class, () -> binary(Vectors.ints(1), PgTypes.INET));
    assertEquals("42883", e.sqlState());
    assertEquals("no binary output function available for type inet", e.getMessage());
  }
}
