package dev.mallard.wire.copy;

/** Receives the rows a COPY FROM parser finds. */
public interface CopyRowConsumer {
  /**
   * One row: {@code fields[i]} is the raw value of column i (text/CSV: UTF-8 after unescaping;
   * binary: the field's bytes), or null for SQL NULL. {@code line} is the 1-based line (text/CSV)
   * or row number (binary) for error messages.
   */
  void row(long line, byte[][] fields);
}
