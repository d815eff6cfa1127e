package dev.mallard.wire.types;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The session settings that change how values are written, mirroring PostgreSQL's GUCs of the same
 * names. DateStyle is always ISO (the only output style Mallard writes; its MDY/DMY part only
 * affects input).
 *
 * @param timeZone TimeZone: the zone timestamptz text is shown in (binary is always UTC)
 * @param extraFloatDigits extra_float_digits: above 0, float4/float8 text is the shortest string
 *     that reads back exactly (PostgreSQL 12+); at or below 0, it is rounded to 6 / 15 plus this
 *     many significant digits
 * @param intervalStyle IntervalStyle for interval text
 */
public record EncodingContext(ZoneId timeZone, int extraFloatDigits, IntervalStyle intervalStyle) {

  /** PostgreSQL's defaults with TimeZone UTC. */
  public static final EncodingContext DEFAULT =
      new EncodingContext(ZoneOffset.UTC, 1, IntervalStyle.POSTGRES);

  public EncodingContext {
    if (timeZone == null || intervalStyle == null) {
      throw new NullPointerException("timeZone and intervalStyle are required");
    }
    if (extraFloatDigits < -15 || extraFloatDigits > 3) {
      throw new IllegalArgumentException("extra_float_digits must be between -15 and 3");
    }
  }
}
