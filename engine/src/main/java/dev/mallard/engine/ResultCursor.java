package dev.mallard.engine;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * An open query result read from DuckDB as Arrow record batches. It remembers how far into the
 * current batch the consumer got, so a portal executed with a row limit can stop mid-batch and
 * resume there. Closing it releases the Arrow buffers and DuckDB's result.
 */
public final class ResultCursor implements AutoCloseable {
  private final List<Column> columns;
  private final ArrowReader reader;
  private final ResultSet resultSet;
  private final Runnable onClose;
  private int rowInBatch;
  private int batchRows;
  private boolean exhausted;
  private long batchNumber;
  private boolean closed;

  ResultCursor(List<Column> columns, ArrowReader reader, ResultSet resultSet, Runnable onClose) {
    this.columns = columns;
    this.reader = reader;
    this.resultSet = resultSet;
    this.onClose = onClose;
  }

  public List<Column> columns() {
    return columns;
  }

  /**
   * Makes a batch with unread rows current. Returns false once the result is exhausted. DuckDB
   * errors raised while producing a batch surface here.
   */
  public boolean advance() throws SQLException {
    if (exhausted) {
      return false;
    }
    while (rowInBatch >= batchRows) {
      try {
        if (!reader.loadNextBatch()) {
          exhausted = true;
          return false;
        }
      } catch (IOException e) {
        throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
      }
      rowInBatch = 0;
      batchNumber++;
      batchRows = batch().getRowCount();
    }
    return true;
  }

  public VectorSchemaRoot batch() {
    try {
      return reader.getVectorSchemaRoot();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public DictionaryProvider dictionaries() {
    return reader;
  }

  /** Increases each time a new batch is loaded; encoders must be rebuilt for a new batch. */
  public long batchNumber() {
    return batchNumber;
  }

  /** Index in the current batch of the next unread row. */
  public int rowInBatch() {
    return rowInBatch;
  }

  /** Rows of the current batch not yet consumed. */
  public int remainingInBatch() {
    return batchRows - rowInBatch;
  }

  public void consume(int rows) {
    rowInBatch += rows;
  }

  public boolean isExhausted() {
    return exhausted;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      reader.close();
    } catch (IOException e) {
      // the buffers are released regardless; nothing useful to report to the client
    }
    try {
      resultSet.close();
    } catch (SQLException e) {
      // DuckDB already dropped the result
    }
    onClose.run();
  }
}
