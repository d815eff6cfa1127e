package dev.mallard.wire.types;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A time zone's UTC offset at an instant, remembering the span between the surrounding transitions
 * so that a column of nearby timestamps costs one lookup, not one Instant per value. Not
 * thread-safe; one per encoder.
 */
final class ZoneOffsetCache {
  private final ZoneRules rules;
  private long validFrom = 1;
  private long validUntil = 0;
  private int offset;

  ZoneOffsetCache(ZoneId zone) {
    this.rules = zone.getRules();
    if (rules.isFixedOffset()) {
      offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
      validFrom = Long.MIN_VALUE;
      validUntil = Long.MAX_VALUE;
    }
  }

  /** The offset in seconds east of UTC in effect at {@code epochSecond}. */
  int offsetSeconds(long epochSecond) {
    if (epochSecond >= validFrom && epochSecond < validUntil) {
      return offset;
    }
    Instant instant = Instant.ofEpochSecond(epochSecond);
    offset = rules.getOffset(instant).getTotalSeconds();
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
    ZoneOffsetTransition next = rules.nextTransition(instant);
    validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
    validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    return offset;
  }
}
