package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
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
      ByteBuf a = Unpooled.buffer();
      ByteBuf b = Unpooled.buffer();
      fast.writeText128(a, value, hi, scale);
      general.load128(value, hi);
      general.writeText(b, scale);
      String text = a.toString(StandardCharsets.US_ASCII);
      assertEquals(b.toString(StandardCharsets.US_ASCII), text);
      assertEquals(new BigDecimal(BigInteger.valueOf(value), scale).toPlainString(), text);
      a.clear();
      b.clear();
      fast.writeBinary128(a, value, hi, scale);
      general.load128(value, hi);
      general.writeBinary(b, scale);
      assertEquals(ByteBufUtil.hexDump(b), ByteBufUtil.hexDump(a), text);
      assertEquals(
          new BigDecimal(BigInteger.valueOf(value), scale),
          decoder.decode(PgTypes.NUMERIC, (short) 1, ByteBufUtil.getBytes(a)));
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
      ByteBuf text = Unpooled.buffer();
      numeric.composeTextUnconstrained(lo, hi, 10).writeTo(text);
      assertEquals(texts[i], text.toString(StandardCharsets.US_ASCII));
      ByteBuf binary = Unpooled.buffer();
      numeric.writeBinaryUnconstrained(binary, lo, hi, 10, false);
      // dscale (the fourth Int16) is the printed scale, so clients show the same digits
      assertEquals(Math.max(0, new BigDecimal(texts[i]).scale()), binary.getShort(6));
      assertEquals(new BigDecimal(texts[i]),
          decoder.decode(PgTypes.NUMERIC, (short) 1, ByteBufUtil.getBytes(binary)));
    }
  }
}
