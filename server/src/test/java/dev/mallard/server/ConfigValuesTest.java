package dev.mallard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {
  @Test
  void durations() {
    assertEquals(Duration.ZERO, ConfigValues.parseDuration("0"));
    assertEquals(Duration.ofMillis(250), ConfigValues.parseDuration("250ms"));
    assertEquals(Duration.ofSeconds(30), ConfigValues.parseDuration("30s"));
    assertEquals(Duration.ofMinutes(5), ConfigValues.parseDuration("5min"));
    assertEquals(Duration.ofMinutes(5), ConfigValues.parseDuration("5m"));
    assertEquals(Duration.ofHours(2), ConfigValues.parseDuration("2h"));
    assertEquals(Duration.ofDays(1), ConfigValues.parseDuration("1d"));
    assertEquals(Duration.ofSeconds(90), ConfigValues.parseDuration("PT1M30S"));
    assertThrows(IllegalArgumentException.class, () -> ConfigValues.parseDuration("30"));
  }

  @Test
  void byteSizes() {
    assertEquals(1234, ConfigValues.parseBytes("1234"));
    assertEquals(64L << 20, ConfigValues.parseBytes("64MiB"));
    assertEquals(64L << 20, ConfigValues.parseBytes("64M"));
    assertEquals(4L << 30, ConfigValues.parseBytes("4 GiB"));
    assertEquals(2_000_000_000L, ConfigValues.parseBytes("2GB"));
    assertEquals(8L << 10, ConfigValues.parseBytes("8kib"));
    assertThrows(IllegalArgumentException.class, () -> ConfigValues.parseBytes("-1"));
    assertThrows(IllegalArgumentException.class, () -> ConfigValues.parseBytes("1 PB"));
  }
}
