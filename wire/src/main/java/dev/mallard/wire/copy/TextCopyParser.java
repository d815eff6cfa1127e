package dev.mallard.wire.copy;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parses COPY FROM data in PostgreSQL's text or CSV format, fed in arbitrary chunks as CopyData
 * messages arrive. Rows go to a {@link CopyRowConsumer}; a malformed row raises 22P04 with the
 * line number, as PostgreSQL reports it.
 */
public final class TextCopyParser {
  private final CopyOptions options;
  private final List<String> columns;
  private final CopyRowConsumer consumer;
  private final boolean csv;
  private final byte delimiter;
  private final byte quote;
  private final byte escape;
  private final byte[] nullBytes;
  private final boolean[] forceNotNull;
  private final boolean[] forceNull;
  private byte[] pending = new byte[0];
  private int pendingLength;
  private long line;
  private boolean ended;

  public TextCopyParser(CopyOptions options, List<String> columns, CopyRowConsumer consumer) {
    this.options = options;
    this.columns = columns;
    this.consumer = consumer;
    this.csv = options.format() == CopyFormat.CSV;
    this.delimiter = (byte) options.delimiter();
    this.quote = (byte) options.quote();
    this.escape = (byte) options.escape();
    this.nullBytes = options.nullString().getBytes(StandardCharsets.UTF_8);
    this.forceNotNull = flags(options.forceNotNull());
    this.forceNull = flags(options.forceNull());
  }

  private boolean[] flags(List<String> names) {
    boolean[] f = new boolean[columns.size()];
    for (String n : names) {
      int i = columns.indexOf(n);
      if (i < 0) {
        throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
            "column \"" + n + "\" is not referenced by COPY");
      }
      f[i] = true;
    }
    return f;
  }

  /** Feeds one chunk of COPY data. */
  public void feed(byte[] data) {
    if (ended) {
      return;
    }
    ensureCapacity(pendingLength + data.length);
    System.arraycopy(data, 0, pending, pendingLength, data.length);
    pendingLength += data.length;
    int start = 0;
    int end;
    while (!ended && (end = lineEnd(start)) >= 0) {
      processLine(start, end);
      start = end + 1;
    }
    System.arraycopy(pending, start, pending, 0, pendingLength - start);
    pendingLength -= start;
  }

  /** Called at CopyDone: a last line without a newline still counts. */
  public void finish() {
    if (!ended && pendingLength > 0) {
      if (csv && insideQuotes(0, pendingLength)) {
        line++;
        throw bad("unterminated CSV quoted field");
      }
      processLine(0, pendingLength);
    }
    pendingLength = 0;
  }

  public long lines() {
    return line;
  }

  private void ensureCapacity(int n) {
    if (pending.length < n) {
      byte[] bigger = new byte[Math.max(n, pending.length * 2 + 1024)];
      System.arraycopy(pending, 0, bigger, 0, pendingLength);
      pending = bigger;
    }
  }

  /** Index of the newline ending the record that starts at {@code start}, or -1 if incomplete. */
  private int lineEnd(int start) {
    boolean inQuotes = false;
    for (int i = start; i < pendingLength; i++) {
      byte b = pending[i];
      if (csv) {
        if (inQuotes && b == escape && escape != quote && i + 1 < pendingLength) {
          i++;
        } else if (b == quote) {
          inQuotes = !inQuotes;
        } else if (b == '\n' && !inQuotes) {
          return i;
        }
      } else if (b == '\\') {
        i++; // an escaped character, including an escaped newline, stays in the record
      } else if (b == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean insideQuotes(int start, int end) {
    boolean inQuotes = false;
    for (int i = start; i < end; i++) {
      if (inQuotes && pending[i] == escape && escape != quote && i + 1 < end) {
        i++;
      } else if (pending[i] == quote) {
        inQuotes = !inQuotes;
      }
    }
    return inQuotes;
  }

  private void processLine(int start, int end) {
    line++;
    if (end > start && pending[end - 1] == '\r') {
      end--;
    }
    if (end - start == 2 && pending[start] == '\\' && pending[start + 1] == '.') {
      ended = true; // end-of-data marker
      return;
    }
    if (csv && options.header() && line == 1) {
      return;
    }
    byte[][] fields = csv ? splitCsv(start, end) : splitText(start, end);
    consumer.row(line, fields);
  }

  private byte[][] splitText(int start, int end) {
    byte[][] fields = new byte[columns.size()][];
    int column = 0;
    int fieldStart = start;
    for (int i = start; i <= end; i++) {
      if (i < end && pending[i] == '\\') {
        i++;
        continue;
      }
      if (i == end || pending[i] == delimiter) {
        if (column >= fields.length) {
          throw bad("extra data after last expected column");
        }
        fields[column++] = isNull(fieldStart, i) ? null : unescape(fieldStart, i);
        fieldStart = i + 1;
      }
    }
    if (column < fields.length) {
      throw bad("missing data for column \"" + columns.get(column) + "\"");
    }
    return fields;
  }

  private boolean isNull(int from, int to) {
    if (to - from != nullBytes.length) {
      return false;
    }
    for (int i = 0; i < nullBytes.length; i++) {
      if (pending[from + i] != nullBytes[i]) {
        return false;
      }
    }
    return true;
  }

  /** Text-format escapes: \b \f \n \r \t \v, octal \ooo, hex \xhh, and \c for any other c. */
  private byte[] unescape(int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = pending[i];
      if (b != '\\' || i + 1 >= to) {
        out.write(b);
        continue;
      }
      byte c = pending[++i];
      switch (c) {
        case 'b': out.write('\b'); break;
        case 'f': out.write('\f'); break;
        case 'n': out.write('\n'); break;
        case 'r': out.write('\r'); break;
        case 't': out.write('\t'); break;
        case 'v': out.write(0x0b); break;
        case 'x': {
          int value = 0;
          int digits = 0;
          while (digits < 2 && i + 1 < to && Character.digit(pending[i + 1], 16) >= 0) {
            value = value * 16 + Character.digit(pending[++i], 16);
            digits++;
          }
          if (digits == 0) {
            out.write('x');
          } else {
            out.write(value);
          }
          break;
        }
        default:
          if (c >= '0' && c <= '7') {
            int value = c - '0';
            for (int d = 0; d < 2 && i + 1 < to && pending[i + 1] >= '0' && pending[i + 1] <= '7'; d++) {
              value = value * 8 + (pending[++i] - '0');
            }
            out.write(value & 0xff);
          } else {
            out.write(c);
          }
      }
    }
    return out.toByteArray();
  }

  private byte[][] splitCsv(int start, int end) {
    byte[][] fields = new byte[columns.size()][];
    int column = 0;
    int i = start;
    while (true) {
      ByteArrayOutputStream value = new ByteArrayOutputStream();
      boolean quoted = false;
      int rawStart = i;
      while (i < end && pending[i] != delimiter) {
        if (pending[i] == quote) {
          quoted = true;
          i++;
          while (true) {
            if (i >= end) {
              throw bad("unterminated CSV quoted field");
            }
            byte b = pending[i];
            if (b == escape && i + 1 < end && (pending[i + 1] == quote || pending[i + 1] == escape)
                && (escape != quote || pending[i + 1] == quote)) {
              value.write(pending[i + 1]);
              i += 2;
            } else if (b == quote) {
              i++;
              break;
            } else {
              value.write(b);
              i++;
            }
          }
        } else {
          value.write(pending[i++]);
        }
      }
      if (column >= fields.length) {
        throw bad("extra data after last expected column");
      }
      boolean matchesNull = !quoted && isNull(rawStart, i);
      if (quoted && forceNull[column] && value.size() == nullBytes.length
          && new String(value.toByteArray(), StandardCharsets.UTF_8).equals(options.nullString())) {
        matchesNull = true;
      }
      fields[column] = matchesNull && !forceNotNull[column] ? null : value.toByteArray();
      column++;
      if (i >= end) {
        break;
      }
      i++; // delimiter
    }
    if (column < fields.length) {
      throw bad("missing data for column \"" + columns.get(column) + "\"");
    }
    return fields;
  }

  private PgException bad(String message) {
    return new PgException(SqlState.BAD_COPY_FILE_FORMAT, message);
  }
}
