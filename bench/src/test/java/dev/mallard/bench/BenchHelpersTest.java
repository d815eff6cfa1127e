package dev.mallard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The benchmark's own arithmetic: options, checksums and medians (the measuring is not tested). */
class BenchHelpersTest {
  @Test
  void defaultsComeFromTheReferenceServerEnvironment() {
    BenchOptions o = BenchOptions.parse(
        new String[0], Map.of("PGREF_PORT", "6000", "PGREF_PASSWORD", "secret"));
    assertEquals(10_000_000, o.rows());
    assertEquals(3, o.passes());
    assertEquals(10_000, o.fetchSize());
    assertEquals(6000, o.pgPort());
    assertEquals("secret", o.pgPassword());
    assertEquals("127.0.0.1", o.pgHost());
    assertEquals(List.of(PgjdbcReader.Mode.TEXT, PgjdbcReader.Mode.BINARY), o.modes());
    assertNull(o.mallardJar()); // Mallard in the benchmark's JVM
  }

  @Test
  void flagsOverrideDefaults() {
    BenchOptions o = BenchOptions.parse(
        new String[] {"--rows", "1_000_000", "--passes", "5", "--modes", "binary",
            "--no-postgres", "--pg-port", "5433", "--mallard-jar", "/tmp/mallard.jar"},
        Map.of());
    assertEquals(1_000_000, o.rows());
    assertEquals(5, o.passes());
    assertEquals(List.of(PgjdbcReader.Mode.BINARY), o.modes());
    assertFalse(o.postgres());
    assertTrue(o.duckdb());
    assertEquals(5433, o.pgPort());
    assertEquals("/tmp/mallard.jar", o.mallardJar());
  }

  @Test
  void badFlagsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(new String[] {"--rowz", "1"}, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(new String[] {"--rows"}, Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> BenchOptions.parse(new String[] {"--rows", "0"}, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(
        new String[] {"--mallard-jar", "m.jar", "--mallard-in-jvm"}, Map.of()));
  }

  @Test
  void timestampsAndAmountsReduceToTheirRawValues() {
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    try {
      LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0, 5, 123_456_000);
      long expected = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + 123_456;
      assertEquals(expected, Checksum.micros(Timestamp.valueOf(t)));
      LocalDateTime before1970 = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000);
      assertEquals(-500_000, Checksum.micros(Timestamp.valueOf(before1970)));
    } finally {
      TimeZone.setDefault(saved);
    }
    assertEquals(12_345, Checksum.cents(new BigDecimal("123.45")));
    assertEquals(12_300, Checksum.cents(new BigDecimal("123")));
  }

  @Test
  void checksumsIgnoreRowOrder() {
    Checksum a = new Checksum();
    a.add(1, 0.5, "a".hashCode(), 10, 100);
    a.add(2, 1.5, "b".hashCode(), 20, 200);
    Checksum b = new Checksum();
    b.add(2, 1.5, "b".hashCode(), 20, 200);
    b.add(1, 0.5, "a".hashCode(), 10, 100);
    assertEquals(a.digest(), b.digest());
    Checksum c = new Checksum();
    c.add(1, 0.5, "a".hashCode(), 10, 100);
    c.add(2, 1.5, "c".hashCode(), 20, 200);
    assertTrue(a.digest() != c.digest());
  }

  @Test
  void medianOfPasses() {
    Measurement m = new Measurement("Mallard", "pgjdbc text");
    m.passes.add(new Pass(100, 1_000_000_000L, new Checksum()));
    m.passes.add(new Pass(100, 4_000_000_000L, new Checksum()));
    m.passes.add(new Pass(100, 2_000_000_000L, new Checksum()));
    assertEquals(50.0, m.medianRowsPerSecond(), 1e-9);
    assertTrue(Double.isNaN(m.medianServerMicrosPerRow()));
    m.passes.add(new Pass(100, 500_000_000L, new Checksum()));
    assertEquals(75.0, m.medianRowsPerSecond(), 1e-9);
  }
}
