package dev.mallard.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Properties;
import org.postgresql.PGResultSetMetaData;

/**
 * A pgjdbc client reading every value of {@link BenchTable#QUERY} the way an application streams a
 * large result: autocommit off (so pgjdbc keeps a portal open and fetches in chunks) and a fetch
 * size, typed getters for each column.
 */
final class PgjdbcReader implements AutoCloseable {
  /** How pgjdbc is asked to receive results. */
  enum Mode {
    /**
     * pgjdbc's defaults (binaryTransfer=true, prepareThreshold=5). A plain Statement is always a
     * one-shot, unnamed statement, so every column comes back in text format.
     */
    TEXT("text", ""),
    /**
     * prepareThreshold=-1 makes pgjdbc describe the statement first and ask for binary results for
     * each column type it can decode in binary (here: all five).
     */
    BINARY("binary", "prepareThreshold=-1&binaryTransfer=true");

    final String label;
    final String urlParameters;

    Mode(String label, String urlParameters) {
      this.label = label;
      this.urlParameters = urlParameters;
    }
  }

  private final Connection connection;
  private final int fetchSize;
  private String formats = "?";

  PgjdbcReader(
      String host, int port, String database, String user, String password, Mode mode,
      int fetchSize) throws SQLException {
    String url = "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=disable"
        + (mode.urlParameters.isEmpty() ? "" : "&" + mode.urlParameters);
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("ApplicationName", "mallard-bench");
    this.connection = DriverManager.getConnection(url, p);
    this.fetchSize = fetchSize;
  }

  Connection connection() {
    return connection;
  }

  /** Reads the whole result once; the time covers execution, every fetch and every getter. */
  Pass read() throws SQLException {
    connection.setAutoCommit(false);
    Checksum sum = new Checksum();
    long start = System.nanoTime();
    try (Statement st = connection.createStatement()) {
      st.setFetchSize(fetchSize);
      try (ResultSet rs = st.executeQuery(BenchTable.QUERY)) {
        while (rs.next()) {
          long id = rs.getLong(1);
          double x = rs.getDouble(2);
          String label = rs.getString(3);
          Timestamp ts = rs.getTimestamp(4);
          BigDecimal amount = rs.getBigDecimal(5);
          sum.add(id, x, label.hashCode(), Checksum.micros(ts), Checksum.cents(amount));
        }
        formats = describeFormats(rs.getMetaData());
      }
    }
    connection.commit();
    long nanos = System.nanoTime() - start;
    return new Pass(sum.rows(), nanos, sum);
  }

  /** The format pgjdbc actually received for each column, e.g. "id:B x:B label:T ...". */
  String formats() {
    return formats;
  }

  private static String describeFormats(ResultSetMetaData md) throws SQLException {
    PGResultSetMetaData pg = md.unwrap(PGResultSetMetaData.class);
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      if (i > 1) {
        b.append(' ');
      }
      b.append(md.getColumnName(i)).append(':').append(pg.getFormat(i) == 1 ? "binary" : "text");
    }
    return b.toString();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
