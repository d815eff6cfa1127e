package dev.mallard.wire.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/** Runs encoders over every row of a vector and reads the DataRow column values back. */
final class TestSupport {
  private TestSupport() {}

  static final BufferAllocator ALLOCATOR = new RootAllocator();

  static List<String> text(FieldVector vector, PgType type) {
    return text(vector, PgColumnType.of(type), EncodingContext.DEFAULT, null);
  }

  static List<String> text(FieldVector vector, PgType type, EncodingContext ctx) {
    return text(vector, PgColumnType.of(type), ctx, null);
  }

  static List<String> text(
      FieldVector vector, PgColumnType type, EncodingContext ctx, DictionaryProvider dict) {
    List<String> values = new ArrayList<>();
    for (byte[] bytes : encode(vector, type, ColumnEncoders.TEXT, ctx, dict)) {
      values.add(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
    }
    return values;
  }

  /** Each row's binary value as lowercase hex, null for NULL. */
  static List<String> binary(FieldVector vector, PgType type) {
    return binary(vector, type, null);
  }

  static List<String> binary(FieldVector vector, PgType type, DictionaryProvider dict) {
    List<String> values = new ArrayList<>();
    for (byte[] bytes :
        encode(
            vector, PgColumnType.of(type), ColumnEncoders.BINARY, EncodingContext.DEFAULT, dict)) {
      values.add(bytes == null ? null : HexFormat.of().formatHex(bytes));
    }
    return values;
  }

  static List<byte[]> encode(
      FieldVector vector,
      PgColumnType type,
      short format,
      EncodingContext ctx,
      DictionaryProvider dict) {
    ColumnEncoder encoder = ColumnEncoders.create(vector, type, format, ctx, dict);
    MessageBuffer large = new MessageBuffer(64 * 1024);
    for (int row = 0; row < vector.getValueCount(); row++) {
      encoder.write(large, row);
    }
    // Also into a buffer that must grow at almost every value.
    MessageBuffer small = new MessageBuffer(1);
    ColumnEncoder again = ColumnEncoders.create(vector, type, format, ctx, dict);
    for (int row = 0; row < vector.getValueCount(); row++) {
      again.write(small, row);
    }
    if (!Arrays.equals(large.toByteArray(), small.toByteArray())) {
      throw new AssertionError("output differs with the buffer's initial size");
    }
    ByteBuf out = wrap(large);
    List<byte[]> values = new ArrayList<>();
    while (out.isReadable()) {
      int length = out.readInt();
      if (length == -1) {
        values.add(null);
      } else {
        byte[] bytes = new byte[length];
        out.readBytes(bytes);
        values.add(bytes);
      }
    }
    return values;
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A buffer's contents as a ByteBuf, for reading back with ByteBuf's methods. */
  static ByteBuf wrap(MessageBuffer buffer) {
    return Unpooled.wrappedBuffer(buffer.toByteArray());
  }
}
