package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
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
