package dev.mallard.wire.types;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * JSON text for values PostgreSQL has no type for: DuckDB STRUCT (an object), MAP (an object whose
 * keys are the keys' text), UNION (the value of its current member) and lists of nested values
 * (arrays). Members follow PostgreSQL's to_json: numbers and booleans bare (NaN and the infinities
 * as strings), dates and timestamps in ISO 8601 ("2024-01-02T03:04:05", timestamptz with "+01:00"),
 * everything else as the JSON string of its text form, escaped like escape_json ({@code \" \\ \b \f
 * \n \r \t}, other control characters as {@code \\u00XX}). Compact, without spaces, like to_json.
 * The writers handle NULL members themselves (writing null).
 */
final class JsonWriters {
  private JsonWriters() {}

  static ValueWriter forVector(
      FieldVector vector, EncodingContext ctx, DictionaryProvider dictionaries) {
    ValueWriter value = valueWriter(vector, ctx, dictionaries);
    if (vector instanceof UnionVector) {
      return value; // nulls are decided by the member
    }
    return (out, i) -> {
      if (vector.isNull(i)) {
        out.writeBytes(Text.JSON_NULL);
      } else {
        value.write(out, i);
      }
    };
  }

  private static ValueWriter valueWriter(
      FieldVector vector, EncodingContext ctx, DictionaryProvider dictionaries) {
    if (vector.getField().getDictionary() != null) {
      DictionaryLabels labels = DictionaryLabels.of(vector, dictionaries);
      return (out, i) -> {
        byte[] label = labels.label(i);
        writeString(out, label, label.length);
      };
    }
    if (vector instanceof NullVector) {
      return (out, i) -> out.writeBytes(Text.JSON_NULL);
    }
    if (vector instanceof BitVector) {
      RawBuffer data = new RawBuffer(vector.getDataBuffer());
      return (out, i) ->
          out.writeBytes(TextWriters.bit(data, i) ? Text.JSON_TRUE : Text.JSON_FALSE);
    }
    if (IntegerReader.of(vector) != null || vector instanceof DecimalVector) {
      return TextWriters.scalar(vector, PgTypes.NUMERIC, ctx);
    }
    if (vector instanceof Float4Vector || vector instanceof Float8Vector) {
      return floats(vector, ctx);
    }
    if (vector instanceof DateDayVector || vector instanceof DateMilliVector) {
      return quoted(TextWriters.scalar(vector, PgTypes.DATE, ctx));
    }
    if (vector instanceof TimeStampVector stamps) {
      TimestampReader reader = new TimestampReader(stamps);
      return quoted(
          reader.hasZone()
              ? TextWriters.timestampTz(reader, ctx, true)
              : TextWriters.timestamp(reader, true));
    }
    if (vector instanceof MapVector map) {
      return map(map, ctx, dictionaries);
    }
    if (vector instanceof ListVector || vector instanceof FixedSizeListVector) {
      return list(vector, ctx, dictionaries);
    }
    if (vector instanceof StructVector struct) {
      return struct(struct, ctx, dictionaries);
    }
    if (vector instanceof UnionVector union) {
      return union(union, ctx, dictionaries);
    }
    VarWidth bytes = VarWidth.of(vector);
    if (bytes != null && VarWidth.isUtf8(vector)) {
      return (out, i) -> {
              int n = bytes.load(i); // load first: it may grow the scratch array
              writeString(out, bytes.scratch(), n);
            };
    }
    ValueWriter text = TextWriters.scalar(vector, PgTypes.TEXT, ctx);
    if (text != null) {
      return escaped(text);
    }
    return (out, i) -> {
      byte[] s = String.valueOf(vector.getObject(i)).getBytes(StandardCharsets.UTF_8);
      writeString(out, s, s.length);
    };
  }

  /** Finite floats bare; NaN and the infinities as strings, as to_json does. */
  private static ValueWriter floats(FieldVector vector, EncodingContext ctx) {
    ValueWriter text = TextWriters.scalar(vector, PgTypes.FLOAT8, ctx);
    RawBuffer data = new RawBuffer(vector.getDataBuffer());
    boolean single = vector instanceof Float4Vector;
    return (out, i) -> {
      double v = single ? data.getFloat((long) i * 4) : data.getDouble((long) i * 8);
      boolean finite = !Double.isNaN(v) && !Double.isInfinite(v);
      if (!finite) {
        out.writeByte('"');
      }
      text.write(out, i);
      if (!finite) {
        out.writeByte('"');
      }
    };
  }

  /** For text forms that never need escaping (dates, timestamps). */
  private static ValueWriter quoted(ValueWriter text) {
    return (out, i) -> {
      out.writeByte('"');
      text.write(out, i);
      out.writeByte('"');
    };
  }

  private static ValueWriter escaped(ValueWriter text) {
    MessageBuffer scratch = new MessageBuffer(64);
    return (out, i) -> {
      scratch.clear();
      text.write(scratch, i);
      writeString(out, scratch.array(), 0, scratch.readableBytes());
    };
  }

  private static ValueWriter list(
      FieldVector list, EncodingContext ctx, DictionaryProvider dictionaries) {
    FieldVector child = ArrayWriters.child(list);
    ValueWriter element = forVector(child, ctx, dictionaries);
    ArrowBuf offsets = list instanceof ListVector ? list.getOffsetBuffer() : null;
    int size = list instanceof FixedSizeListVector f ? f.getListSize() : 0;
    return (out, row) -> {
      int start = offsets == null ? row * size : offsets.getInt((long) row * 4);
      int end = offsets == null ? start + size : offsets.getInt((long) (row + 1) * 4);
      out.writeByte('[');
      for (int j = start; j < end; j++) {
        if (j > start) {
          out.writeByte(',');
        }
        element.write(out, j);
      }
      out.writeByte(']');
    };
  }

  private static ValueWriter struct(
      StructVector struct, EncodingContext ctx, DictionaryProvider dictionaries) {
    List<FieldVector> children = struct.getChildrenFromFields();
    ValueWriter[] members = new ValueWriter[children.size()];
    MessageBuffer names = new MessageBuffer();
    int[] nameEnds = new int[children.size()];
    for (int k = 0; k < members.length; k++) {
      FieldVector child = children.get(k);
      members[k] = forVector(child, ctx, dictionaries);
      byte[] name = child.getName().getBytes(StandardCharsets.UTF_8);
      writeString(names, name, name.length);
      names.writeByte(':');
      nameEnds[k] = names.writerIndex();
    }
    return (out, i) -> {
      out.writeByte('{');
      for (int k = 0; k < members.length; k++) {
        if (k > 0) {
          out.writeByte(',');
        }
        int from = k == 0 ? 0 : nameEnds[k - 1];
        out.writeBytes(names, from, nameEnds[k] - from);
        members[k].write(out, i);
      }
      out.writeByte('}');
    };
  }

  private static ValueWriter map(
      MapVector map, EncodingContext ctx, DictionaryProvider dictionaries) {
    StructVector entries = (StructVector) map.getDataVector();
    FieldVector keys = entries.getChildrenFromFields().get(0);
    FieldVector values = entries.getChildrenFromFields().get(1);
    ValueWriter key = forVector(keys, ctx, dictionaries);
    ValueWriter value = forVector(values, ctx, dictionaries);
    ArrowBuf offsets = map.getOffsetBuffer();
    MessageBuffer scratch = new MessageBuffer(64);
    return (out, row) -> {
      int start = offsets.getInt((long) row * 4);
      int end = offsets.getInt((long) (row + 1) * 4);
      out.writeByte('{');
      for (int j = start; j < end; j++) {
        if (j > start) {
          out.writeByte(',');
        }
        scratch.clear();
        key.write(scratch, j);
        if (scratch.getByte(0) == '"') {
          out.writeBytes(scratch);
        } else {
          writeString(out, scratch.array(), 0, scratch.readableBytes());
        }
        out.writeByte(':');
        value.write(out, j);
      }
      out.writeByte('}');
    };
  }

  private static ValueWriter union(
      UnionVector union, EncodingContext ctx, DictionaryProvider dictionaries) {
    UnionMembers members = new UnionMembers(union);
    List<FieldVector> children = union.getChildrenFromFields();
    ValueWriter[] writers = new ValueWriter[children.size()];
    for (int k = 0; k < writers.length; k++) {
      writers[k] = forVector(children.get(k), ctx, dictionaries);
    }
    return (out, i) -> {
      int member = members.member(i);
      if (member < 0) {
        out.writeBytes(Text.JSON_NULL);
      } else {
        writers[member].write(out, i);
      }
    };
  }

  static void writeString(MessageBuffer out, byte[] utf8, int length) {
    writeString(out, utf8, 0, length);
  }

  /** A JSON string literal of UTF-8 bytes, escaped as PostgreSQL's escape_json does. */
  static void writeString(MessageBuffer out, byte[] utf8, int offset, int length) {
    out.ensureWritable(length + 2);
    out.writeByte('"');
    for (int k = offset, end = offset + length; k < end; k++) {
      byte c = utf8[k];
      switch (c) {
        case '"' -> out.writeByte('\\').writeByte('"');
        case '\\' -> out.writeByte('\\').writeByte('\\');
        case '\b' -> out.writeByte('\\').writeByte('b');
        case '\f' -> out.writeByte('\\').writeByte('f');
        case '\n' -> out.writeByte('\\').writeByte('n');
        case '\r' -> out.writeByte('\\').writeByte('r');
        case '\t' -> out.writeByte('\\').writeByte('t');
        default -> {
          if (c >= 0 && c < ' ') {
            out.writeByte('\\').writeByte('u').writeByte('0').writeByte('0');
            out.writeByte(Text.HEX[c >> 4]).writeByte(Text.HEX[c & 0xF]);
          } else {
            out.writeByte(c);
          }
        }
      }
    }
    out.writeByte('"');
  }
}
