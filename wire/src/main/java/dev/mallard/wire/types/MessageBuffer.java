package dev.mallard.wire.types;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable heap array that DataRow (and CopyData) messages are encoded into before they are
 * copied to a Netty buffer in one piece. Every value written to a {@link ByteBuf} pays a bounds
 * check, a reference-count check and, when the buffer is a leak-detection wrapper, a virtual call;
 * at a dozen writes per row those checks were the largest item of the streaming profile after
 * numeric. Here a write is one capacity comparison and a plain (big-endian) array store.
 *
 * <p>Method names follow ByteBuf's so that encoders read the same; writes return {@code this} for
 * chaining. The readable bytes are always {@code [0, writerIndex())}. Not thread-safe.
 */
public final class MessageBuffer {
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final int initialCapacity;
  private byte[] bytes;
  private int end;

  public MessageBuffer(int initialCapacity) {
    this.initialCapacity = initialCapacity;
    this.bytes = new byte[initialCapacity];
  }

  public MessageBuffer() {
    this(256);
  }

  /** Number of bytes written so far: where the next write goes. */
  public int writerIndex() {
    return end;
  }

  /** Same as {@link #writerIndex()}: everything written is readable. */
  public int readableBytes() {
    return end;
  }

  /** Forgets the contents; an array grown far beyond the initial size by a huge value is let go. */
  public MessageBuffer clear() {
    end = 0;
    if (bytes.length > Math.max(16 * initialCapacity, 1 << 20)) {
      bytes = new byte[initialCapacity];
    }
    return this;
  }

  /** The backing array; bytes [0, writerIndex()) are the contents. Valid until the next write. */
  public byte[] array() {
    return bytes;
  }

  public byte getByte(int index) {
    return bytes[index];
  }

  public int getInt(int index) {
    if (index < 0 || index > end - 4) {
      throw new IndexOutOfBoundsException("getInt at " + index + " of " + end);
    }
    return (int) INT.get(bytes, index);
  }

  /** Drops everything from {@code index} on (a message left incomplete by an error). */
  public void truncate(int index) {
    if (index < 0 || index > end) {
      throw new IndexOutOfBoundsException("truncate at " + index + " of " + end);
    }
    end = index;
  }

  /** Makes room for {@code count} more bytes. */
  public MessageBuffer ensureWritable(int count) {
    if (count > bytes.length - end) {
      grow(count);
    }
    return this;
  }

  private void grow(int count) {
    long needed = (long) end + count;
    if (needed > Integer.MAX_VALUE - 16) {
      throw new OutOfMemoryError("message buffer over 2 GiB");
    }
    int capacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * bytes.length));
    bytes = Arrays.copyOf(bytes, capacity);
  }

  public MessageBuffer writeByte(int value) {
    ensureWritable(1);
    bytes[end++] = (byte) value;
    return this;
  }

  public MessageBuffer writeShort(int value) {
    ensureWritable(2);
    SHORT.set(bytes, end, (short) value);
    end += 2;
    return this;
  }

  public MessageBuffer writeInt(int value) {
    ensureWritable(4);
    INT.set(bytes, end, value);
    end += 4;
    return this;
  }

  public MessageBuffer writeLong(long value) {
    ensureWritable(8);
    LONG.set(bytes, end, value);
    end += 8;
    return this;
  }

  /** Int32 8, then an Int64: a DataRow column holding an 8-byte binary value. */
  public MessageBuffer writeLengthAndLong(long value) {
    ensureWritable(12);
    INT.set(bytes, end, 8);
    LONG.set(bytes, end + 4, value);
    end += 12;
    return this;
  }

  /**
   * Makes room for {@code count} bytes and returns where they start, for a writer that knows its
   * size up front and fills them with the put methods: one capacity check for several values.
   */
  int reserve(int count) {
    ensureWritable(count);
    int at = end;
    end += count;
    return at;
  }

  void putByte(int at, int value) {
    bytes[at] = (byte) value;
  }

  void putShort(int at, int value) {
    SHORT.set(bytes, at, (short) value);
  }

  void putInt(int at, int value) {
    INT.set(bytes, at, value);
  }

  void putLong(int at, long value) {
    LONG.set(bytes, at, value);
  }

  /** Overwrites four bytes already written (a length patched in after its message or value). */
  public MessageBuffer setInt(int index, int value) {
    if (index < 0 || index > end - 4) {
      throw new IndexOutOfBoundsException("setInt at " + index + " of " + end);
    }
    INT.set(bytes, index, value);
    return this;
  }

  public MessageBuffer writeBytes(byte[] src) {
    return writeBytes(src, 0, src.length);
  }

  public MessageBuffer writeBytes(byte[] src, int from, int count) {
    ensureWritable(count);
    System.arraycopy(src, from, bytes, end, count);
    end += count;
    return this;
  }

  /** All of another buffer's contents. */
  public MessageBuffer writeBytes(MessageBuffer src) {
    return writeBytes(src.bytes, 0, src.end);
  }

  public MessageBuffer writeBytes(MessageBuffer src, int from, int count) {
    if (from < 0 || count < 0 || from > src.end - count) {
      throw new IndexOutOfBoundsException(from + "+" + count + " of " + src.end);
    }
    return writeBytes(src.bytes, from, count);
  }

  /** {@code count} bytes of Arrow memory starting at {@code from}: one memory copy. */
  MessageBuffer writeBytes(RawBuffer src, long from, int count) {
    ensureWritable(count);
    src.copyTo(from, bytes, end, count);
    end += count;
    return this;
  }

  /** The remaining bytes of {@code src}, which is left at its limit. */
  public MessageBuffer writeBytes(ByteBuffer src) {
    int count = src.remaining();
    ensureWritable(count);
    src.get(bytes, end, count);
    end += count;
    return this;
  }

  /** A string as UTF-8 (PostgreSQL's client_encoding here is always UTF8). */
  public MessageBuffer writeUtf8(String text) {
    return writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends the contents to {@code out} (one copy) and empties this buffer. */
  public void moveTo(ByteBuf out) {
    out.writeBytes(bytes, 0, end);
    clear();
  }

  /** The contents as a new array (tests, rare paths). */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, end);
  }
}
