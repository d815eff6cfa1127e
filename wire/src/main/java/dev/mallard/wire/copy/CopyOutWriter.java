package dev.mallard.wire.copy;

import dev.mallard.wire.types.ColumnEncoder;
import dev.mallard.wire.types.MessageBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes COPY TO STDOUT data as CopyData messages, one per row as PostgreSQL sends them, in text,
 * CSV or binary format. Values come from the same Arrow column encoders as DataRows: text
 * encoders for text/CSV (then escaped or quoted), binary encoders for binary COPY, whose
 * length-prefixed field layout is exactly a DataRow column's.
 */
public final class CopyOutWriter {
  private final CopyOptions options;
  private final boolean[] forceQuote;
  private final byte[] nullBytes;
  private final MessageBuffer scratch = new MessageBuffer(256);
  /** Binary COPY's header, sent in the same CopyData as the first row, as PostgreSQL does. */
  private boolean binaryHeaderPending;

  public CopyOutWriter(CopyOptions options, List<String> columnNames) {
    this.options = options;
    this.nullBytes = options.nullString().getBytes(StandardCharsets.UTF_8);
    this.forceQuote = new boolean[columnNames.size()];
    for (int i = 0; i < forceQuote.length; i++) {
      forceQuote[i] = options.forceQuoteAll() || options.forceQuote().contains(columnNames.get(i));
    }
  }

  /**
   * The header line, sent before the first row. Binary COPY's signature and header are instead
   * written into the first row's CopyData (or the trailer's): clients such as psycopg expect them
   * there.
   */
  public void writeHeader(MessageBuffer out, List<String> columnNames) {
    if (options.format() == CopyFormat.BINARY) {
      binaryHeaderPending = true;
    } else if (options.header()) {
      int start = begin(out);
      for (int i = 0; i < columnNames.size(); i++) {
        if (i > 0) {
          out.writeByte(options.delimiter());
        }
        byte[] name = columnNames.get(i).getBytes(StandardCharsets.UTF_8);
        if (options.format() == CopyFormat.CSV) {
          writeCsvValue(out, name, 0, name.length, needsCsvQuotes(name, 0, name.length));
        } else {
          writeTextValue(out, name, 0, name.length);
        }
      }
      out.writeByte('\n');
      end(out, start);
    }
  }

  /** One row as a CopyData message. */
  public void writeRow(MessageBuffer out, ColumnEncoder[] encoders, int row) {
    int start = begin(out);
    if (options.format() == CopyFormat.BINARY) {
      writePendingBinaryHeader(out);
      out.writeShort(encoders.length);
      for (ColumnEncoder e : encoders) {
        e.write(out, row);
      }
    } else {
      for (int i = 0; i < encoders.length; i++) {
        if (i > 0) {
          out.writeByte(options.delimiter());
        }
        scratch.clear();
        encoders[i].write(scratch, row);
        int len = scratch.getInt(0);
        if (len < 0) {
          out.writeBytes(nullBytes);
        } else if (options.format() == CopyFormat.CSV) {
          byte[] v = scratch.array();
          int off = 4;
          writeCsvValue(out, v, off, len, forceQuote[i] || needsCsvQuotes(v, off, len));
        } else {
          writeTextValue(out, scratch.array(), 4, len);
        }
      }
      out.writeByte('\n');
    }
    end(out, start);
  }

  /** The binary trailer (a field count of -1); nothing for text and CSV. */
  public void writeTrailer(MessageBuffer out) {
    if (options.format() == CopyFormat.BINARY) {
      int start = begin(out);
      writePendingBinaryHeader(out);
      out.writeShort(-1);
      end(out, start);
    }
  }

  private void writePendingBinaryHeader(MessageBuffer out) {
    if (binaryHeaderPending) {
      binaryHeaderPending = false;
      out.writeBytes(BinaryCopyParser.SIGNATURE).writeInt(0).writeInt(0);
    }
  }

  private static int begin(MessageBuffer out) {
    int start = out.writerIndex();
    out.writeByte('d').writeInt(0);
    return start;
  }

  private static void end(MessageBuffer out, int start) {
    out.setInt(start + 1, out.writerIndex() - start - 1);
  }

  /** Text format: backslash, newline, carriage return, tab and the delimiter are escaped. */
  private void writeTextValue(MessageBuffer out, byte[] v, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte b = v[i];
      switch (b) {
        case '\\': out.writeByte('\\').writeByte('\\'); break;
        case '\n': out.writeByte('\\').writeByte('n'); break;
        case '\r': out.writeByte('\\').writeByte('r'); break;
        case '\t': out.writeByte('\\').writeByte('t'); break;
        case '\b': out.writeByte('\\').writeByte('b'); break;
        case '\f': out.writeByte('\\').writeByte('f'); break;
        case 0x0b: out.writeByte('\\').writeByte('v'); break;
        default:
          if (b == options.delimiter()) {
            out.writeByte('\\');
          }
          out.writeByte(b);
      }
    }
  }

  private boolean needsCsvQuotes(byte[] v, int off, int len) {
    if (len == nullBytes.length) {
      boolean same = true;
      for (int i = 0; i < len && same; i++) {
        same = v[off + i] == nullBytes[i];
      }
      if (same) {
        return true; // would read back as NULL otherwise
      }
    }
    if (len == 2 && v[off] == '\\' && v[off + 1] == '.') {
      return true;
    }
    for (int i = off; i < off + len; i++) {
      byte b = v[i];
      if (b == options.delimiter() || b == options.quote() || b == '\n' || b == '\r') {
        return true;
      }
    }
    return false;
  }

  private void writeCsvValue(MessageBuffer out, byte[] v, int off, int len, boolean quoted) {
    if (!quoted) {
      out.writeBytes(v, off, len);
      return;
    }
    out.writeByte(options.quote());
    for (int i = off; i < off + len; i++) {
      byte b = v[i];
      if (b == options.quote() || b == options.escape()) {
        out.writeByte(options.escape());
      }
      out.writeByte(b);
    }
    out.writeByte(options.quote());
  }
}
