package dev.mallard.wire.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A microbenchmark, not a test: CPU per row of encoding the table of bench/README.md's streaming
 * benchmark (int8, float8, text, timestamp, numeric(12,2)) from Arrow batches of 2048 rows into
 * DataRow messages, the way the session's ResultStreamer does (encoders made per batch, rows
 * encoded into a MessageBuffer and copied to a pooled direct buffer every 64 KiB, as the Outbox
 * does). Text mode is all-text; binary
 * mode is what pgjdbc asks for (every column binary except the text one).
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -q -o -pl wire test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/wire-cp.txt
 * java --add-opens=java.base/java.nio=ALL-UNNAMED \
 *     -cp wire/target/test-classes:wire/target/classes:$(cat /tmp/wire-cp.txt) \
 *     dev.mallard.wire.types.EncodingBenchmark [rows] [passes] [text,binary,columns,nulls]
 * </pre>
 */
public final class EncodingBenchmark {
  private static final int BATCH_ROWS = 2048;
  private static final int CHUNK_BYTES = 64 * 1024;
  /** Rows are encoded here and copied to the pooled buffer per chunk, as the session's Outbox does. */
  private static final MessageBuffer ROWS = new MessageBuffer(CHUNK_BYTES + 8 * 1024);
  private static final List<PgColumnType> TYPES =
      List.of(
          PgColumnType.of(PgTypes.INT8),
          PgColumnType.of(PgTypes.FLOAT8),
          PgColumnType.of(PgTypes.TEXT),
          PgColumnType.of(PgTypes.TIMESTAMP),
          PgColumnType.of(PgTypes.NUMERIC));

  private EncodingBenchmark() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    String modes = args.length > 2 ? args[2] : "text,binary";
    try (BufferAllocator allocator = new RootAllocator()) {
      List<VectorSchemaRoot> batches = batches(allocator, rows, modes.contains("nulls"));
      ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(CHUNK_BYTES + 8 * 1024);
      // pgjdbc's two modes: all text, or binary for everything but the text column.
      short[] text = modes.contains("text") ? new short[] {0} : null;
      short[] binary = modes.contains("binary") ? new short[] {1, 1, 0, 1, 1} : null;
      for (int warmup = 0; warmup < 3; warmup++) {
        run(batches, text, out);
        run(batches, binary, out);
      }
      double[] textNs = new double[passes];
      double[] binaryNs = new double[passes];
      for (int p = 0; p < passes; p++) {
        textNs[p] = run(batches, text, out) / rows;
        binaryNs[p] = run(batches, binary, out) / rows;
      }
      report("text", textNs);
      report("binary", binaryNs);
      if (modes.contains("columns")) {
        columns(batches, out, passes, rows);
      }
      out.release();
      batches.forEach(VectorSchemaRoot::close);
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** {@link #run(List, List, short[], ByteBuf)} for all columns; NaN for a mode not selected. */
  private static double run(List<VectorSchemaRoot> batches, short[] formats, ByteBuf out) {
    return formats == null ? Double.NaN : run(batches, TYPES, formats, out);
  }

  /**
   * This thread's CPU nanoseconds to encode every batch: CPU rather than wall time, so that other
   * processes on a shared machine disturb the figure less.
   */
  private static double run(
      List<VectorSchemaRoot> batches, List<PgColumnType> types, short[] formats, ByteBuf out) {
    long bytes = 0;
    long start = THREADS.getCurrentThreadCpuTime();
    for (VectorSchemaRoot batch : batches) {
      ColumnEncoder[] encoders =
          ColumnEncoders.createAll(batch, types, formats, EncodingContext.DEFAULT, null);
      for (int row = 0, n = batch.getRowCount(); row < n; row++) {
        DataRowWriter.write(ROWS, encoders, row);
        if (ROWS.writerIndex() >= CHUNK_BYTES) {
          bytes += ROWS.writerIndex();
          ROWS.moveTo(out);
          out.clear();
        }
      }
    }
    bytes += ROWS.writerIndex();
    ROWS.moveTo(out);
    out.clear();
    double elapsed = THREADS.getCurrentThreadCpuTime() - start;
    if (bytes == 0) {
      throw new AssertionError("nothing written");
    }
    return elapsed;
  }

  /** Each column alone, in text and binary: where the time of a row goes. */
  private static void columns(List<VectorSchemaRoot> batches, ByteBuf out, int passes, int rows) {
    for (int c = 0; c < TYPES.size(); c++) {
      List<VectorSchemaRoot> single = new ArrayList<>();
      for (VectorSchemaRoot batch : batches) {
        single.add(new VectorSchemaRoot(List.of(batch.getVector(c))));
      }
      for (short format = 0; format <= 1; format++) {
        short[] formats = {format};
        List<PgColumnType> type = List.of(TYPES.get(c));
        double[] ns = new double[passes];
        for (int p = -2; p < passes; p++) {
          double elapsed = run(single, type, formats, out) / rows;
          if (p >= 0) {
            ns[p] = elapsed;
          }
        }
        report(type.get(0).type().name() + (format == 0 ? " text" : " binary"), ns);
      }
    }
  }

  /**
   * The bench table's rows 1..n: the same formulas as bench/README.md's INSERT; with {@code nulls},
   * every tenth row is all NULL instead.
   */
  private static List<VectorSchemaRoot> batches(
      BufferAllocator allocator, int rows, boolean nulls) {
    List<VectorSchemaRoot> batches = new ArrayList<>();
    long base = 1_704_067_200_000_000L; // 2024-01-01 00:00:00 in microseconds
    for (int first = 1; first <= rows; first += BATCH_ROWS) {
      int n = Math.min(BATCH_ROWS, rows - first + 1);
      BigIntVector id = new BigIntVector("id", allocator);
      Float8Vector x = new Float8Vector("x", allocator);
      VarCharVector label = new VarCharVector("label", allocator);
      TimeStampMicroVector ts = new TimeStampMicroVector("ts", allocator);
      DecimalVector amount = new DecimalVector("amount", allocator, 12, 2);
      for (int r = 0; r < n; r++) {
        long i = first + r;
        if (nulls && i % 10 == 0) {
          id.setNull(r);
          x.setNull(r);
          label.setNull(r);
          ts.setNull(r);
          amount.setNull(r);
          continue;
        }
        id.setSafe(r, i);
        x.setSafe(r, (double) i / 7);
        label.setSafe(r, ("label-" + i % 1000).getBytes(StandardCharsets.UTF_8));
        ts.setSafe(r, base + i * 1_000_000L);
        amount.setSafe(r, BigDecimal.valueOf((i * 37) % 1_000_000, 2));
      }
      List<FieldVector> vectors = List.of(id, x, label, ts, amount);
      vectors.forEach(v -> v.setValueCount(n));
      batches.add(new VectorSchemaRoot(vectors));
    }
    return batches;
  }

  private static void report(String mode, double[] nsPerRow) {
    if (Double.isNaN(nsPerRow[0])) {
      return;
    }
    double[] sorted = nsPerRow.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-14s CPU ns/row: median %.1f, min %.1f; passes %s%n",
        mode, median(nsPerRow), sorted[0], fmt(nsPerRow));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String fmt(double[] values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(String.format("%.1f ", v));
    }
    return s.toString().trim();
  }
}
