package dev.mallard.wire.types;


/**
 * Writes DataRow messages straight from column encoders. The layout (protocol "Message Formats"):
 * Byte1('D'), Int32 length of the message contents including itself, Int16 number of column values,
 * then each column as Int32 length (-1 for NULL) and bytes. The length is patched in after the
 * columns are written, so nothing is buffered per row.
 */
public final class DataRowWriter {
  private DataRowWriter() {}

  /** Writes the DataRow for {@code row} of the current batch. */
  public static void write(MessageBuffer out, ColumnEncoder[] encoders, int row) {
    int at = out.reserve(7);
    out.putByte(at, 'D');
    int lengthAt = at + 1; // patched in below
    out.putShort(at + 5, encoders.length);
    for (ColumnEncoder encoder : encoders) {
      encoder.write(out, row);
    }
    out.setInt(lengthAt, out.writerIndex() - lengthAt);
  }

  /** Writes DataRows for rows {@code from} (inclusive) to {@code to} (exclusive). */
  public static void writeRows(MessageBuffer out, ColumnEncoder[] encoders, int from, int to) {
    for (int row = from; row < to; row++) {
      write(out, encoders, row);
    }
  }
}
