package dev.mallard.wire.types;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * One-dimensional PostgreSQL arrays from Arrow List and FixedSizeList vectors of scalars.
 *
 * <p>Text (array_out): {@code {1,2,NULL}}; an element is double-quoted when it is empty, equals
 * NULL in any case, or contains {@code " \ { } ,} or white space, with {@code "} and {@code \}
 * backslash-escaped: {@code {"a b","x\"y",NULL,""}}.
 *
 * <p>Binary (array_send): Int32 ndim (0 for an empty array), Int32 has-nulls flag, Int32 element
 * OID, then per dimension Int32 size and Int32 lower bound (1), then each element as Int32 length
 * (-1 for NULL) and its binary form.
 */
final class ArrayWriters {
  private ArrayWriters() {}

  /** Start offset and length of each row's slice of the child vector. */
  private record Slices(ArrowBuf offsets, int fixedSize) {
    static Slices of(FieldVector list) {
      return list instanceof FixedSizeListVector fixed
          ? new Slices(null, fixed.getListSize())
          : new Slices(list.getOffsetBuffer(), 0);
    }

    int start(int row) {
      return offsets == null ? row * fixedSize : offsets.getInt((long) row * 4);
    }

    int end(int row) {
      return offsets == null ? (row + 1) * fixedSize : offsets.getInt((long) (row + 1) * 4);
    }
  }

  static FieldVector child(FieldVector list) {
    return list instanceof ListVector l
        ? l.getDataVector()
        : ((FixedSizeListVector) list).getDataVector();
  }

  static ValueWriter text(
      FieldVector list, PgType elementType, EncodingContext ctx, DictionaryProvider dictionaries) {
    FieldVector child = child(list);
    Slices slices = Slices.of(list);
    ValueWriter element = TextWriters.forVector(child, elementType, ctx, dictionaries);
    boolean plain = neverQuoted(child, elementType);
    MessageBuffer scratch = new MessageBuffer(64);
    return (out, row) -> {
      out.writeByte('{');
      for (int j = slices.start(row), end = slices.end(row), first = j; j < end; j++) {
        if (j > first) {
          out.writeByte(PgType.DELIMITER);
        }
        if (child.isNull(j)) {
          out.writeBytes(Text.NULL);
        } else if (plain) {
          element.write(out, j);
        } else {
          scratch.clear();
          element.write(scratch, j);
          writeQuoted(out, scratch);
        }
      }
      out.writeByte('}');
    };
  }

  /** int2vectorout: the elements separated by spaces, without braces ("1 2"). */
  static ValueWriter vectorText(
      FieldVector list, EncodingContext ctx, DictionaryProvider dictionaries) {
    FieldVector child = child(list);
    Slices slices = Slices.of(list);
    ValueWriter element = TextWriters.forVector(child, PgTypes.INT2, ctx, dictionaries);
    return (out, row) -> {
      for (int j = slices.start(row), end = slices.end(row), first = j; j < end; j++) {
        if (j > first) {
          out.writeByte(' ');
        }
        element.write(out, j);
      }
    };
  }

  /** Numbers, booleans and uuids never contain a character array_out quotes. */
  private static boolean neverQuoted(FieldVector child, PgType elementType) {
    return child.getField().getDictionary() == null
        && (child instanceof BitVector
            || IntegerReader.of(child) != null
            || child instanceof FloatingPointVector
            || child instanceof DecimalVector
            || elementType.oid() == PgTypes.UUID.oid());
  }

  private static void writeQuoted(MessageBuffer out, MessageBuffer element) {
    int from = 0;
    int length = element.readableBytes();
    boolean quote = length == 0 || isNullWord(element, from, length);
    for (int k = 0; k < length && !quote; k++) {
      byte c = element.getByte(from + k);
      quote = c == '"' || c == '\\' || c == '{' || c == '}' || c == PgType.DELIMITER || isSpace(c);
    }
    if (!quote) {
      out.writeBytes(element);
      return;
    }
    out.writeByte('"');
    for (int k = 0; k < length; k++) {
      byte c = element.getByte(from + k);
      if (c == '"' || c == '\\') {
        out.writeByte('\\');
      }
      out.writeByte(c);
    }
    out.writeByte('"');
  }

  private static boolean isNullWord(MessageBuffer element, int from, int length) {
    return length == 4
        && (element.getByte(from) | 0x20) == 'n'
        && (element.getByte(from + 1) | 0x20) == 'u'
        && (element.getByte(from + 2) | 0x20) == 'l'
        && (element.getByte(from + 3) | 0x20) == 'l';
  }

  /** array_isspace: space, \t, \n, \r, \v, \f. */
  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }

  static ValueWriter binary(
      FieldVector list, PgType elementType, EncodingContext ctx, DictionaryProvider dictionaries) {
    FieldVector child = child(list);
    Slices slices = Slices.of(list);
    ValueWriter element = BinaryWriters.forVector(child, elementType, ctx, dictionaries);
    int elementOid = elementType.oid();
    return (out, row) -> {
      int start = slices.start(row);
      int end = slices.end(row);
      if (start == end) {
        out.writeInt(0);
        out.writeInt(0);
        out.writeInt(elementOid);
        return;
      }
      boolean hasNulls = false;
      for (int j = start; j < end && !hasNulls; j++) {
        hasNulls = child.isNull(j);
      }
      out.writeInt(1);
      out.writeInt(hasNulls ? 1 : 0);
      out.writeInt(elementOid);
      out.writeInt(end - start);
      out.writeInt(1);
      for (int j = start; j < end; j++) {
        if (child.isNull(j)) {
          out.writeInt(-1);
        } else {
          int lengthAt = out.writerIndex();
          out.writeInt(0);
          element.write(out, j);
          out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        }
      }
    };
  }
}
