package dev.mallard.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;

/**
 * An order-independent checksum of the rows a reader saw, so that every measured pass proves it
 * read the whole table and the same values (and the JIT cannot drop the reads). Each column is
 * reduced to a canonical long and summed with wrapping addition: rows may arrive in any order.
 */
final class Checksum {
  private long rows;
  private long ids;
  private long xs;
  private long labels;
  private long timestamps;
  private long amounts;

  /**
   * @param x compared bit for bit, which also checks that text results round-trip float8 exactly
   * @param labelHash {@link String#hashCode()} of the label
   * @param tsMicros microseconds since 1970-01-01 00:00 of the timestamp read as UTC
   * @param amountCents the numeric(12,2) value times 100
   */
  void add(long id, double x, int labelHash, long tsMicros, long amountCents) {
    rows++;
    ids += id;
    xs += Double.doubleToRawLongBits(x);
    labels += labelHash;
    timestamps += tsMicros;
    amounts += amountCents;
  }

  /** Microseconds since the epoch; the JVM's zone must be UTC (set by the benchmark's main). */
  static long micros(Timestamp ts) {
    return Math.floorDiv(ts.getTime(), 1000L) * 1_000_000L + ts.getNanos() / 1000;
  }

  static long cents(BigDecimal amount) {
    BigDecimal scaled = amount.scale() == 2 ? amount : amount.setScale(2);
    return scaled.unscaledValue().longValue();
  }

  long rows() {
    return rows;
  }

  /** One number for the report. */
  long digest() {
    long h = rows;
    for (long v : new long[] {ids, xs, labels, timestamps, amounts}) {
      h = h * 0x9E3779B97F4A7C15L + v;
    }
    return h;
  }

  @Override
  public String toString() {
    return String.format(
        "rows=%d ids=%d xs=%x labels=%x ts=%d amounts=%d",
        rows, ids, xs, labels, timestamps, amounts);
  }
}
