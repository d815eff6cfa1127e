package dev.mallard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * The ceiling: DuckDB's own in-process Arrow export of {@link BenchTable#QUERY}, the same call
 * Mallard's engine makes ({@code arrowExportStream}) on the same database file, with a reader that
 * touches every value. Fixed-width values are read as primitives (what Mallard's encoders read);
 * labels become Strings, as a JDBC client's getString would make them.
 */
final class DuckDbArrowReader implements AutoCloseable {
  private final Connection connection;
  private final BufferAllocator allocator = new RootAllocator();
  private final int batchRows;

  DuckDbArrowReader(Path databaseFile, int batchRows) throws SQLException {
    Properties props = new Properties();
    // As Mallard opens tenants: results stream chunk by chunk instead of being materialized first.
    props.setProperty("jdbc_stream_results", "true");
    this.connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile, props);
    this.batchRows = batchRows;
  }

  String version() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT library_version FROM pragma_version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  Pass read() throws SQLException, IOException {
    Checksum sum = new Checksum();
    long start = System.nanoTime();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(BenchTable.QUERY);
        ArrowReader reader =
            (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, batchRows)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        readBatch(root, sum);
      }
    }
    long nanos = System.nanoTime() - start;
    return new Pass(sum.rows(), nanos, sum);
  }

  private static void readBatch(VectorSchemaRoot root, Checksum sum) {
    BigIntVector id = vector(root, 0, BigIntVector.class);
    Float8Vector x = vector(root, 1, Float8Vector.class);
    VarCharVector label = vector(root, 2, VarCharVector.class);
    TimeStampMicroVector ts = vector(root, 3, TimeStampMicroVector.class);
    DecimalVector amount = vector(root, 4, DecimalVector.class);
    int n = root.getRowCount();
    for (int i = 0; i < n; i++) {
      String text = new String(label.get(i), StandardCharsets.UTF_8);
      // The values are below 2^63 cents, so the low half of the little-endian decimal128 is it.
      long cents = amount.getDataBuffer().getLong((long) i * DecimalVector.TYPE_WIDTH);
      sum.add(id.get(i), x.get(i), text.hashCode(), ts.get(i), cents);
    }
  }

  private static <V extends FieldVector> V vector(VectorSchemaRoot root, int i, Class<V> type) {
    FieldVector v = root.getVector(i);
    if (!type.isInstance(v)) {
      throw new IllegalStateException(
          "column " + v.getName() + ": DuckDB exported " + v.getClass().getSimpleName()
              + ", the benchmark expects " + type.getSimpleName());
    }
    return type.cast(v);
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.close();
    } finally {
      allocator.close();
    }
  }
}
