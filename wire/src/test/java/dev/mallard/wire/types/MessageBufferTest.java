package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** MessageBuffer writes the same big-endian bytes as a Netty ByteBuf, and grows as needed. */
class MessageBufferTest {

  @Test
  void writesTheBytesAByteBufWould() {
    MessageBuffer ours = new MessageBuffer(1); // grows at nearly every write
    ByteBuf netty = Unpooled.buffer();
    ours.writeByte('D').writeShort(-2).writeInt(0x01020304).writeLong(Long.MIN_VALUE + 5);
    netty.writeByte('D').writeShort(-2).writeInt(0x01020304).writeLong(Long.MIN_VALUE + 5);
    ours.writeBytes(new byte[] {9, 8, 7}, 1, 2).writeUtf8("é€");
    netty.writeBytes(new byte[] {9, 8, 7}, 1, 2).writeBytes("é€".getBytes(StandardCharsets.UTF_8));
    ours.writeBytes(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    netty.writeBytes(new byte[] {1, 2, 3});
    ours.writeLengthAndLong(-1L);
    netty.writeInt(8).writeLong(-1L);
    ours.setInt(1, 77);
    netty.setInt(1, 77);
    assertEquals(ByteBufUtil.hexDump(netty), HexFormat.of().formatHex(ours.toByteArray()));
    assertEquals(77, ours.getInt(1));
    assertEquals(netty.readableBytes(), ours.writerIndex());
  }

  @Test
  void reservedBytesAreFilledInPlace() {
    MessageBuffer out = new MessageBuffer(2);
    out.writeByte(1);
    int at = out.reserve(15);
    out.putByte(at, 'x');
    out.putShort(at + 1, 0x0203);
    out.putInt(at + 3, 0x04050607);
    out.putLong(at + 7, 0x08090a0b0c0d0e0fL);
    assertEquals(
        "0178020304050607" + "08090a0b0c0d0e0f", HexFormat.of().formatHex(out.toByteArray()));
  }

  @Test
  void patchesAndReadsOnlyWrittenBytes() {
    MessageBuffer out = new MessageBuffer();
    out.writeInt(1).writeByte(2);
    assertThrows(IndexOutOfBoundsException.class, () -> out.setInt(2, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> out.getInt(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> out.truncate(6));
    assertThrows(IndexOutOfBoundsException.class, () -> out.writeBytes(out, 3, 3));
    out.truncate(4);
    assertEquals(4, out.readableBytes());
  }

  @Test
  void moveToCopiesOnceAndEmpties() {
    MessageBuffer out = new MessageBuffer(4);
    byte[] big = new byte[3 << 20];
    big[big.length - 1] = 42;
    out.writeBytes(big);
    ByteBuf target = Unpooled.buffer();
    out.moveTo(target);
    assertEquals(0, out.writerIndex());
    assertEquals(big.length, target.readableBytes());
    assertEquals(42, target.getByte(big.length - 1));
    // A huge value does not pin a huge array once the buffer is emptied.
    assertEquals(4, out.array().length);
  }

  @Test
  void rawBufferReadsArrowMemoryWithinItsCapacity() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowBuf buf = allocator.buffer(16)) {
      buf.setLong(0, 0x0102030405060708L);
      buf.setInt(8, -7);
      buf.setByte(12, 0b0000_0100);
      RawBuffer raw = new RawBuffer(buf);
      long capacity = buf.capacity();
      assertEquals(buf.getLong(0), raw.getLong(0));
      assertEquals(-7, raw.getInt(8));
      assertEquals(buf.getShort(0), raw.getShort(0));
      assertEquals(true, raw.bit(12 * 8 + 2));
      assertEquals(false, raw.bit(12 * 8 + 1));
      assertThrows(IndexOutOfBoundsException.class, () -> raw.getLong(capacity - 7));
      assertThrows(IndexOutOfBoundsException.class, () -> raw.getInt(-1));
      byte[] copy = new byte[4];
      raw.copyTo(8, copy, 0, 4);
      byte[] expected = new byte[4];
      buf.getBytes(8, expected);
      assertArrayEquals(expected, copy);
      assertThrows(IndexOutOfBoundsException.class, () -> raw.copyTo(capacity - 2, copy, 0, 4));
      MessageBuffer out = new MessageBuffer(1);
      out.writeBytes(raw, 0, 8);
      assertEquals("0807060504030201", HexFormat.of().formatHex(out.toByteArray()));
    }
  }
}
