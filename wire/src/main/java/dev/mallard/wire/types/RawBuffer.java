package dev.mallard.wire.types;

import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * An Arrow buffer read by address, with one index check per read instead of ArrowBuf's bounds and
 * reference-count checks (which were a seventh of the encoding profile: several per value). Made
 * once per batch from a vector's buffer, like the encoders that hold it, and used only while that
 * batch is the current one, so the memory stays allocated. Values are in Arrow's (native,
 * little-endian) byte order, as ArrowBuf reads them.
 */
final class RawBuffer {
  private final long address;
  private final long capacity;

  RawBuffer(ArrowBuf buffer) {
    this.address = buffer.memoryAddress();
    this.capacity = buffer.capacity();
  }

  /** The byte at byte offset {@code at}. */
  byte getByte(long at) {
    return MemoryUtil.getByte(address + Objects.checkIndex(at, capacity));
  }

  /** The Int16 at byte offset {@code at}. */
  short getShort(long at) {
    return MemoryUtil.getShort(address + Objects.checkIndex(at, capacity - 1));
  }

  /** The Int32 at byte offset {@code at}. */
  int getInt(long at) {
    return MemoryUtil.getInt(address + Objects.checkIndex(at, capacity - 3));
  }

  /** The Int64 at byte offset {@code at}. */
  long getLong(long at) {
    return MemoryUtil.getLong(address + Objects.checkIndex(at, capacity - 7));
  }

  float getFloat(long at) {
    return Float.intBitsToFloat(getInt(at));
  }

  double getDouble(long at) {
    return Double.longBitsToDouble(getLong(at));
  }

  /** Copies {@code length} bytes from byte offset {@code at} into {@code dst} at {@code dstIndex}. */
  void copyTo(long at, byte[] dst, int dstIndex, int length) {
    Objects.checkFromIndexSize(at, length, capacity);
    Objects.checkFromIndexSize(dstIndex, length, dst.length);
    MemoryUtil.copyFromMemory(address + at, dst, dstIndex, length);
  }

  /** Whether bit {@code index} of a validity (or boolean) bitmap is set. */
  boolean bit(int index) {
    return (getByte(index >> 3) >> (index & 7) & 1) != 0;
  }
}
