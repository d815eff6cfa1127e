package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.vector.DecimalVector;
import org.junit.jupiter.api.Test;

/** The long fast paths agree with the general 128-bit path and with BigDecimal. */
class NumericFormatTest {

  @Test
  void fastAndGeneralPathsAgree() {
    SplittableRandom random = new SplittableRandom(3);
    NumericFormat fast = new NumericFormat();
    NumericFormat general = new NumericFormat();
    ParameterDecoder decoder = new ParameterDecoder(java.time.ZoneOffset.UTC);
    for (int i = 0; i < 100_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      long hi = value >> 63;
      int scale = random.nextInt(19);
      MessageBuffer a = new MessageBuffer();
      MessageBuffer b = new MessageBuffer();
      fast.writeText128(a, value, hi, scale);
      general.load128(value, hi);
      general.writeText(b, scale);
      String text = ascii(a);
      assertEquals(ascii(b), text);
      assertEquals(new BigDecimal(BigInteger.valueOf(value), scale).toPlainString(), text);
      a.clear();
      b.clear();
      fast.writeBinary128(a, value, hi, scale);
      general.load128(value, hi);
      general.writeBinary(b, scale);
      assertEquals(hex(b), hex(a), text);
      assertEquals(
          new BigDecimal(BigInteger.valueOf(value), scale),
          decoder.decode(PgTypes.NUMERIC, (short) 1, a.toByteArray()));
    }
  }

  /**
   * Edge cases of the small-value path (zero, sign, scale beyond the digits, zero digit groups at
   * the end, the 10^8 and 10^15 boundaries) and of the 128-bit path (precision 38), against the
   * bytes of PostgreSQL 15's {@code numeric_send} for the same value cast to the same type.
   */
  @Test
  void binaryMatchesPostgresNumericSend() {
    String[][] cases = { // precision, scale, value, encode(numeric_send(value::numeric(p, s)), 'hex')
      {"12", "2", "0.00", "0000000000000002"},
      {"12", "2", "-0.01", "0001ffff400000020064"},
      {"12", "2", "9999.99", "0002000000000002270f26ac"},
      {"18", "18", "0.000000000000000001", "0001fffb000000120064"},
      {"18", "6", "-123456789012.345678", "000500024000000604d2162e23340d801e78"},
      {"16", "8", "99999999.99999999", "0004000100000008270f270f270f270f"},
      {"15", "0", "100000000", "00010002000000000001"},
      {"18", "4", "1000000000000.0000", "00010003000000040001"},
      {"15", "0", "999999999999999", "000400030000000003e7270f270f270f"},
      {"16", "0", "1000000000000000", "000100030000000003e8"},
      {"19", "3", "-9223372036854775.808", "000500034000000324070e880e6512a71f90"},
      {"38", "0", "99999999999999999999999999999999999999",
          "000a0009000000000063270f270f270f270f270f270f270f270f270f"},
      {"38", "38", "-0.00000000000000000000000000000000000001", "0001fff6400000260064"},
      {"38", "8", "12345678.90123456", "000400010000000804d2162e23340d80"},
      {"3", "1", "0.5", "0001ffff000000011388"},
      {"20", "7", "10000.0000000", "00010001000000070001"},
    };
    for (String[] c : cases) {
      DecimalVector vector =
          Vectors.decimals(Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2]);
      assertEquals(List.of(c[3]), TestSupport.binary(vector, PgTypes.NUMERIC),
          c[2]);
    }
    // numeric_send(-9223372036854775808): a Decimal128 whose low half is Long.MIN_VALUE, whose
    // magnitude does not fit a long.
    assertEquals(List.of("0005000440000000039a0d2c0170156516b0"),
        TestSupport.binary(Vectors.rawDecimal(Long.MIN_VALUE, -1L), PgTypes.NUMERIC));
  }

  @Test
  void unconstrainedNumericDropsTrailingFractionZeros() {
    NumericFormat numeric = new NumericFormat();
    ParameterDecoder decoder = new ParameterDecoder(java.time.ZoneOffset.UTC);
    String[] texts = {"12345.6789", "-1.5", "0", "1", "0.0000000001", "-0.0000000007",
        "123456789012.3456", "-9999999999999999999999999999.9999999999", "1000000000000000000000"};
    for (int i = 0; i < texts.length; i++) {
      BigInteger unscaled = new BigDecimal(texts[i]).setScale(10).unscaledValue();
      long lo = unscaled.longValue();
      long hi = unscaled.shiftRight(64).longValue();
      MessageBuffer text = new MessageBuffer();
      numeric.composeTextUnconstrained(lo, hi, 10).writeTo(text);
      assertEquals(texts[i], ascii(text));
      MessageBuffer binary = new MessageBuffer();
      numeric.writeBinaryUnconstrained(binary, lo, hi, 10, false);
      // dscale (the fourth Int16) is the printed scale, so clients show the same digits
      assertEquals(Math.max(0, new BigDecimal(texts[i]).scale()), TestSupport.wrap(binary).getShort(6));
      assertEquals(new BigDecimal(texts[i]),
          decoder.decode(PgTypes.NUMERIC, (short) 1, binary.toByteArray()));
    }
  }

  private static String ascii(MessageBuffer buffer) {
    return new String(buffer.toByteArray(), StandardCharsets.US_ASCII);
  }

  private static String hex(MessageBuffer buffer) {
    return java.util.HexFormat.of().formatHex(buffer.toByteArray());
  }
}
