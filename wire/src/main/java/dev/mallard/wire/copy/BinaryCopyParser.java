package dev.mallard.wire.copy;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.nio.ByteBuffer;

/**
 * Parses PostgreSQL's binary COPY format (COPY "Binary Format"): the 11-byte signature
 * {@code PGCOPY\n\377\r\n\0}, int32 flags, int32 header-extension length and extension, then
 * tuples of int16 field count followed by int32 length (-1 = NULL) and bytes per field, ended by a
 * field count of -1.
 */
public final class BinaryCopyParser {
  static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

  private final int columnCount;
  private final CopyRowConsumer consumer;
  private byte[] pending = new byte[0];
  private int length;
  private boolean headerDone;
  private boolean ended;
  private long rows;

  public BinaryCopyParser(int columnCount, CopyRowConsumer consumer) {
    this.columnCount = columnCount;
    this.consumer = consumer;
  }

  public void feed(byte[] data) {
    if (ended) {
      return;
    }
    if (pending.length < length + data.length) {
      byte[] bigger = new byte[Math.max(length + data.length, pending.length * 2 + 1024)];
      System.arraycopy(pending, 0, bigger, 0, length);
      pending = bigger;
    }
    System.arraycopy(data, 0, pending, length, data.length);
    length += data.length;
    int consumed = parse();
    System.arraycopy(pending, consumed, pending, 0, length - consumed);
    length -= consumed;
  }

  /** Called at CopyDone: the data must have ended with the trailer or a whole tuple. */
  public void finish() {
    if (!headerDone || length > 0) {
      throw bad(headerDone ? "unexpected EOF in COPY data" : "COPY file signature not recognized");
    }
  }

  public long rows() {
    return rows;
  }

  /** Parses as many whole tuples as are buffered; returns the bytes consumed. */
  private int parse() {
    ByteBuffer buf = ByteBuffer.wrap(pending, 0, length);
    if (!headerDone) {
      if (length < SIGNATURE.length + 8) {
        return 0;
      }
      for (int i = 0; i < SIGNATURE.length; i++) {
        if (pending[i] != SIGNATURE[i]) {
          throw bad("COPY file signature not recognized");
        }
      }
      buf.position(SIGNATURE.length);
      int flags = buf.getInt();
      if ((flags & 0x10000) != 0) {
        throw bad("invalid COPY file header (WITH OIDS)");
      }
      int extension = buf.getInt();
      if (extension < 0 || buf.remaining() < extension) {
        if (extension < 0) {
          throw bad("invalid COPY file header (missing length)");
        }
        return 0;
      }
      buf.position(buf.position() + extension);
      headerDone = true;
    }
    int consumed = buf.position();
    while (buf.remaining() >= 2) {
      short fields = buf.getShort();
      if (fields == -1) {
        ended = true;
        return length;
      }
      if (fields != columnCount) {
        rows++;
        throw bad("row field count is " + fields + ", expected " + columnCount);
      }
      byte[][] values = new byte[columnCount][];
      boolean complete = true;
      for (int i = 0; i < columnCount; i++) {
        if (buf.remaining() < 4) {
          complete = false;
          break;
        }
        int len = buf.getInt();
        if (len < -1) {
          throw bad("invalid field size");
        }
        if (len == -1) {
          continue;
        }
        if (buf.remaining() < len) {
          complete = false;
          break;
        }
        values[i] = new byte[len];
        buf.get(values[i]);
      }
      if (!complete) {
        break;
      }
      rows++;
      consumer.row(rows, values);
      consumed = buf.position();
    }
    return consumed;
  }

  private static PgException bad(String message) {
    return new PgException(SqlState.BAD_COPY_FILE_FORMAT, message);
  }
}
