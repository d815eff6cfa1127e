package dev.mallard.wire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.message.FrontendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FrontendDecoder against bytes laid out as a real client (libpq, pgjdbc) sends them, following
 * the protocol's "Message Formats" section.
 */
class FrontendDecoderTest {
  private static final int MAX_MESSAGE = 1 << 20;

  // ---- startup phase ------------------------------------------------------------------------

  @Test
  void sslRequest() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Wire.untyped(80877103, new byte[0]));
    assertInstanceOf(FrontendMessage.SslRequest.class, ch.readInbound());
    assertNull(ch.readInbound());
  }

  @Test
  void gssEncRequest() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Wire.untyped(80877104, new byte[0]));
    assertInstanceOf(FrontendMessage.GssEncRequest.class, ch.readInbound());
  }

  @Test
  void cancelRequest() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Wire.untyped(80877102, Wire.ints(4242, -123456789)));
    FrontendMessage.CancelRequest c = ch.readInbound();
    assertEquals(4242, c.processId());
    assertEquals(-123456789, c.secretKey());
  }

  @Test
  void cancelRequestWithoutSecretKeyIsRejected() {
    EmbeddedChannel ch = channel();
    PgException e = expectFailure(ch, Wire.untyped(80877102, Wire.ints(4242)));
    assertEquals("08P01", e.sqlState());
  }

  @Test
  void startupMessageWithParameters() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Wire.startup(196608, "user", "alice", "database", "db1",
        "application_name", "psql", "options", "-c search_path=a,b", "client_encoding", "UTF8"));
    FrontendMessage.Startup s = ch.readInbound();
    assertEquals(196608, s.protocolVersion());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("user", "alice");
    expected.put("database", "db1");
    expected.put("application_name", "psql");
    expected.put("options", "-c search_path=a,b");
    expected.put("client_encoding", "UTF8");
    assertEquals(expected, s.parameters());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(s.parameters().keySet()));
  }

  @Test
  void startupParametersAreUtf8() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Wire.startup(196608, "user", "jos\u00e9", "application_name", "\u9d28"));
    FrontendMessage.Startup s = ch.readInbound();
    assertEquals("jos\u00e9", s.parameters().get("user"));
    assertEquals("\u9d28", s.parameters().get("application_name"));
  }

  @Test
  void sslRequestThenStartupInOneBuffer() {
    EmbeddedChannel ch = channel();
    ByteBuf both = Unpooled.buffer();
    both.writeBytes(Wire.untyped(80877103, new byte[0]));
    both.writeBytes(Wire.startup(196608, "user", "bob"));
    ch.writeInbound(both);
    assertInstanceOf(FrontendMessage.SslRequest.class, ch.readInbound());
    FrontendMessage.Startup s = ch.readInbound();
    assertEquals(Map.of("user", "bob"), s.parameters());
  }

  @Test
  void startupFollowedByTypedMessagesInOneBuffer() {
    EmbeddedChannel ch = channel();
    ByteBuf buf = Unpooled.buffer();
    buf.writeBytes(Wire.startup(196608, "user", "bob"));
    buf.writeBytes(Wire.typed('p', Wire.cstr("secret")));
    buf.writeBytes(Wire.typed('Q', Wire.cstr("SELECT 1")));
    ch.writeInbound(buf);
    assertInstanceOf(FrontendMessage.Startup.class, ch.readInbound());
    FrontendMessage.PasswordMessage p = ch.readInbound();
    assertArrayEquals(Wire.cstr("secret"), p.body());
    assertEquals(new FrontendMessage.Query("SELECT 1"), ch.readInbound());
  }

  @Test
  void startupSplitByteByByte() {
    EmbeddedChannel ch = channel();
    byte[] bytes = bytes(Wire.startup(196608, "user", "alice", "database", "db1"));
    for (int i = 0; i < bytes.length - 1; i++) {
      ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {bytes[i]}));
      assertNull(ch.readInbound(), "nothing before the last byte, got one at " + i);
    }
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {bytes[bytes.length - 1]}));
    FrontendMessage.Startup s = ch.readInbound();
    assertEquals(Map.of("user", "alice", "database", "db1"), s.parameters());
  }

  @Test
  void protocolVersionTwoIsRejectedAsUnsupported() {
    PgException e = expectFailure(channel(), Wire.startup(0x00020000, "user", "old"));
    assertEquals("0A000", e.sqlState());
    assertEquals(PgException.Severity.FATAL, e.severity());
    assertEquals("unsupported frontend protocol 2.0: server supports 3.0 to 3.0", e.getMessage());
  }

  @Test
  void protocolVersionFourIsRejectedAsUnsupported() {
    PgException e = expectFailure(channel(), Wire.startup(0x00040000, "user", "future"));
    assertEquals("0A000", e.sqlState());
    assertEquals(PgException.Severity.FATAL, e.severity());
    assertTrue(e.getMessage().startsWith("unsupported frontend protocol 4.0"), e.getMessage());
  }

  @Test
  void minorVersionOfProtocolThreeIsPassedOnForNegotiation() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Wire.startup(0x00030002, "user", "bob"));
    FrontendMessage.Startup s = ch.readInbound();
    assertEquals(0x00030002, s.protocolVersion());
  }

  @Test
  void startupPacketLargerThan10000BytesIsRejectedFromItsHeader() {
    EmbeddedChannel ch = channel();
    // Only the length word is sent: the decoder must not wait for 20000 bytes to arrive.
    PgException e = expectFailure(ch, Unpooled.buffer().writeInt(20_000));
    assertEquals("08P01", e.sqlState());
    assertEquals("invalid length of startup packet", e.getMessage());
  }

  @Test
  void startupPacketClaimingTwoGigabytesIsRejected() {
    PgException e = expectFailure(channel(), Unpooled.buffer().writeInt(0x7fffffff).writeInt(196608));
    assertEquals("08P01", e.sqlState());
  }

  @Test
  void startupPacketShorterThanItsHeaderIsRejected() {
    PgException e = expectFailure(channel(), Unpooled.buffer().writeInt(4).writeInt(196608));
    assertEquals("08P01", e.sqlState());
    PgException negative = expectFailure(channel(), Unpooled.buffer().writeInt(-8).writeInt(196608));
    assertEquals("08P01", negative.sqlState());
  }

  @Test
  void startupPacketJustUnderTheCapIsAccepted() {
    EmbeddedChannel ch = channel();
    String big = "x".repeat(9_000);
    ch.writeInbound(Wire.startup(196608, "user", "bob", "options", big));
    FrontendMessage.Startup s = ch.readInbound();
    assertEquals(big, s.parameters().get("options"));
  }

  @Test
  void startupParameterWithoutTerminatorIsRejected() {
    ByteBuf body = Unpooled.buffer().writeBytes("user\0bob".getBytes(StandardCharsets.UTF_8));
    PgException e = expectFailure(channel(), Wire.untyped(196608, bytes(body)));
    assertEquals("08P01", e.sqlState());
  }

  @Test
  void garbageBeforeStartupIsAProtocolViolation() {
    // An HTTP request sent to the PostgreSQL port: "GET " read as a length is about 1.2 billion.
    ByteBuf http = Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: x\r\n\r\n", StandardCharsets.US_ASCII);
    PgException e = expectFailure(channel(), http);
    assertEquals("08P01", e.sqlState());
  }

  // ---- every typed frontend message -----------------------------------------------------------

  @Test
  void query() {
    assertEquals(new FrontendMessage.Query("SELECT 'h\u00e9'; SELECT 2"),
        decodeOne(Wire.typed('Q', Wire.cstr("SELECT 'h\u00e9'; SELECT 2"))));
  }

  @Test
  void emptyQuery() {
    assertEquals(new FrontendMessage.Query(""), decodeOne(Wire.typed('Q', Wire.cstr(""))));
  }

  @Test
  void passwordMessageKeepsTheRawBody() {
    // SASLInitialResponse: mechanism, int32 length, client-first-message.
    byte[] clientFirst = "n,,n=,r=abc".getBytes(StandardCharsets.UTF_8);
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("SCRAM-SHA-256"))
        .writeInt(clientFirst.length).writeBytes(clientFirst);
    byte[] expected = bytes(body.copy());
    FrontendMessage.PasswordMessage p = decodeOne(Wire.typed('p', expected));
    assertArrayEquals(expected, p.body());
  }

  @Test
  void parseWithParameterTypes() {
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("s1"))
        .writeBytes(Wire.cstr("SELECT $1::int + $2"))
        .writeShort(2).writeInt(23).writeInt(0);
    FrontendMessage.Parse p = decodeOne(Wire.typed('P', bytes(body)));
    assertEquals("s1", p.statementName());
    assertEquals("SELECT $1::int + $2", p.sql());
    assertArrayEquals(new int[] {23, 0}, p.parameterTypes());
  }

  @Test
  void parseUnnamedWithoutTypes() {
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("")).writeBytes(Wire.cstr("SELECT 1"))
        .writeShort(0);
    FrontendMessage.Parse p = decodeOne(Wire.typed('P', bytes(body)));
    assertEquals("", p.statementName());
    assertEquals(0, p.parameterTypes().length);
  }

  @Test
  void bindWithNullAndFormats() {
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("portal1")).writeBytes(Wire.cstr("s1"))
        .writeShort(2).writeShort(0).writeShort(1) // parameter formats
        .writeShort(3)
        .writeInt(2).writeBytes("42".getBytes(StandardCharsets.UTF_8))
        .writeInt(-1)
        .writeInt(0)
        .writeShort(1).writeShort(1); // result formats
    FrontendMessage.Bind b = decodeOne(Wire.typed('B', bytes(body)));
    assertEquals("portal1", b.portalName());
    assertEquals("s1", b.statementName());
    assertArrayEquals(new short[] {0, 1}, b.parameterFormats());
    assertEquals(3, b.parameterValues().size());
    assertArrayEquals("42".getBytes(StandardCharsets.UTF_8), b.parameterValues().get(0));
    assertNull(b.parameterValues().get(1));
    assertArrayEquals(new byte[0], b.parameterValues().get(2));
    assertArrayEquals(new short[] {1}, b.resultFormats());
  }

  @Test
  void describeStatementAndPortal() {
    ByteBuf s = Unpooled.buffer().writeByte('S').writeBytes(Wire.cstr("s1"));
    assertEquals(new FrontendMessage.Describe('S', "s1"), decodeOne(Wire.typed('D', bytes(s))));
    ByteBuf p = Unpooled.buffer().writeByte('P').writeBytes(Wire.cstr(""));
    assertEquals(new FrontendMessage.Describe('P', ""), decodeOne(Wire.typed('D', bytes(p))));
  }

  @Test
  void execute() {
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("portal1")).writeInt(50);
    assertEquals(new FrontendMessage.Execute("portal1", 50), decodeOne(Wire.typed('E', bytes(body))));
  }

  @Test
  void close() {
    ByteBuf body = Unpooled.buffer().writeByte('P').writeBytes(Wire.cstr("c1"));
    assertEquals(new FrontendMessage.Close('P', "c1"), decodeOne(Wire.typed('C', bytes(body))));
    ByteBuf stmt = Unpooled.buffer().writeByte('S').writeBytes(Wire.cstr("s9"));
    assertEquals(new FrontendMessage.Close('S', "s9"), decodeOne(Wire.typed('C', bytes(stmt))));
  }

  @Test
  void messagesWithEmptyBodies() {
    assertEquals(new FrontendMessage.Sync(), decodeOne(Wire.typed('S', new byte[0])));
    assertEquals(new FrontendMessage.Flush(), decodeOne(Wire.typed('H', new byte[0])));
    assertEquals(new FrontendMessage.Terminate(), decodeOne(Wire.typed('X', new byte[0])));
    assertEquals(new FrontendMessage.CopyDone(), decodeOne(Wire.typed('c', new byte[0])));
  }

  @Test
  void copyData() {
    byte[] data = "1\tone\n2\ttwo\n".getBytes(StandardCharsets.UTF_8);
    FrontendMessage.CopyData d = decodeOne(Wire.typed('d', data));
    assertArrayEquals(data, d.data());
  }

  @Test
  void copyFail() {
    assertEquals(new FrontendMessage.CopyFail("aborted by user"),
        decodeOne(Wire.typed('f', Wire.cstr("aborted by user"))));
  }

  @Test
  void functionCall() {
    // Int32 oid, Int16 arg formats (1: text), Int16 args (1: "7"), Int16 result format.
    ByteBuf body = Unpooled.buffer().writeInt(1598).writeShort(1).writeShort(0)
        .writeShort(1).writeInt(1).writeByte('7').writeShort(0);
    assertEquals(new FrontendMessage.FunctionCall(1598), decodeOne(Wire.typed('F', bytes(body))));
  }

  // ---- framing ------------------------------------------------------------------------------

  @Test
  void extendedQueryBatchInOneBuffer() {
    EmbeddedChannel ch = started();
    ByteBuf buf = Unpooled.buffer();
    buf.writeBytes(Wire.typed('P', bytes(Unpooled.buffer().writeBytes(Wire.cstr(""))
        .writeBytes(Wire.cstr("SELECT $1")).writeShort(0))));
    buf.writeBytes(Wire.typed('B', bytes(Unpooled.buffer().writeBytes(Wire.cstr(""))
        .writeBytes(Wire.cstr("")).writeShort(0).writeShort(1).writeInt(1).writeByte('9')
        .writeShort(0))));
    buf.writeBytes(Wire.typed('D', bytes(Unpooled.buffer().writeByte('P').writeBytes(Wire.cstr("")))));
    buf.writeBytes(Wire.typed('E', bytes(Unpooled.buffer().writeBytes(Wire.cstr("")).writeInt(0))));
    buf.writeBytes(Wire.typed('S', new byte[0]));
    ch.writeInbound(buf);
    List<FrontendMessage> got = drain(ch);
    assertEquals(5, got.size(), got.toString());
    assertInstanceOf(FrontendMessage.Parse.class, got.get(0));
    FrontendMessage.Bind bind = (FrontendMessage.Bind) got.get(1);
    assertArrayEquals(new byte[] {'9'}, bind.parameterValues().get(0));
    assertEquals(new FrontendMessage.Describe('P', ""), got.get(2));
    assertEquals(new FrontendMessage.Execute("", 0), got.get(3));
    assertEquals(new FrontendMessage.Sync(), got.get(4));
  }

  @Test
  void messagesSplitByteByByte() {
    EmbeddedChannel ch = started();
    ByteBuf all = Unpooled.buffer();
    all.writeBytes(Wire.typed('Q', Wire.cstr("SELECT 1")));
    all.writeBytes(Wire.typed('S', new byte[0]));
    all.writeBytes(Wire.typed('X', new byte[0]));
    byte[] bytes = bytes(all);
    List<FrontendMessage> got = new ArrayList<>();
    for (byte b : bytes) {
      ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
      got.addAll(drain(ch));
    }
    assertEquals(List.of(new FrontendMessage.Query("SELECT 1"), new FrontendMessage.Sync(),
        new FrontendMessage.Terminate()), got);
  }

  @Test
  void messageSplitAcrossUnevenReads() {
    EmbeddedChannel ch = started();
    byte[] bytes = bytes(Wire.typed('Q', Wire.cstr("SELECT 'a long enough statement'")));
    ch.writeInbound(Unpooled.wrappedBuffer(bytes, 0, 3));
    assertNull(ch.readInbound());
    ch.writeInbound(Unpooled.wrappedBuffer(bytes, 3, 10));
    assertNull(ch.readInbound());
    ch.writeInbound(Unpooled.wrappedBuffer(bytes, 13, bytes.length - 13));
    assertEquals(new FrontendMessage.Query("SELECT 'a long enough statement'"), ch.readInbound());
  }

  @Test
  void absurdLengthFailsFromTheHeaderWithoutAllocating() {
    EmbeddedChannel ch = started();
    AllocationTracker tracker = new AllocationTracker();
    ch.config().setAllocator(tracker);
    // Just the type and length: the decoder must reject it now, not wait for 2 GB.
    PgException e = expectFailure(ch, Unpooled.buffer().writeByte('Q').writeInt(0x7fffffff));
    assertEquals("08P01", e.sqlState());
    assertEquals(PgException.Severity.FATAL, e.severity());
    assertTrue(tracker.largest < 64 * 1024, "allocated " + tracker.largest + " bytes");
  }

  @Test
  void lengthJustAboveTheLimitIsRejected() {
    EmbeddedChannel ch = started();
    PgException e = expectFailure(ch, Unpooled.buffer().writeByte('d').writeInt(MAX_MESSAGE + 1));
    assertEquals("08P01", e.sqlState());
  }

  @Test
  void lengthAtTheLimitIsAccepted() {
    EmbeddedChannel ch = started();
    byte[] data = new byte[MAX_MESSAGE - 4];
    data[data.length - 1] = 7;
    FrontendMessage.CopyData d = decodeOne(ch, Wire.typed('d', data));
    assertEquals(MAX_MESSAGE - 4, d.data().length);
    assertEquals(7, d.data()[data.length - 1]);
  }

  @Test
  void lengthBelowFourIsRejected() {
    for (int len : new int[] {0, 1, 3}) {
      PgException e = expectFailure(started(), Unpooled.buffer().writeByte('S').writeInt(len));
      assertEquals("08P01", e.sqlState(), "length " + len);
    }
  }

  @Test
  void negativeLengthIsRejected() {
    PgException e = expectFailure(started(), Unpooled.buffer().writeByte('Q').writeInt(-5));
    assertEquals("08P01", e.sqlState());
  }

  @Test
  void unknownMessageTypeIsRejected() {
    PgException e = expectFailure(started(), Wire.typed('z', new byte[0]));
    assertEquals("08P01", e.sqlState());
    assertEquals("invalid frontend message type 122", e.getMessage());
  }

  @Test
  void bindWhoseParameterCountExceedsTheMessage() {
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("")).writeBytes(Wire.cstr(""))
        .writeShort(0).writeShort(65535).writeInt(1).writeByte('1');
    PgException e = expectFailure(started(), Wire.typed('B', bytes(body)));
    assertEquals("08P01", e.sqlState());
  }

  @Test
  void bindWhoseParameterLengthExceedsTheMessage() {
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("")).writeBytes(Wire.cstr(""))
        .writeShort(0).writeShort(1).writeInt(0x7ffffff0).writeByte('1').writeShort(0);
    PgException e = expectFailure(started(), Wire.typed('B', bytes(body)));
    assertEquals("08P01", e.sqlState());
  }

  @Test
  void bindWithNegativeParameterLengthOtherThanNull() {
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("")).writeBytes(Wire.cstr(""))
        .writeShort(0).writeShort(1).writeInt(-2).writeShort(0);
    assertEquals("08P01", expectFailure(started(), Wire.typed('B', bytes(body))).sqlState());
  }

  @Test
  void bindWhoseFormatCountExceedsTheMessage() {
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("")).writeBytes(Wire.cstr(""))
        .writeShort(40000).writeShort(0);
    assertEquals("08P01", expectFailure(started(), Wire.typed('B', bytes(body))).sqlState());
  }

  @Test
  void parseWhoseTypeCountExceedsTheMessage() {
    ByteBuf body = Unpooled.buffer().writeBytes(Wire.cstr("")).writeBytes(Wire.cstr("SELECT $1"))
        .writeShort(3).writeInt(23);
    assertEquals("08P01", expectFailure(started(), Wire.typed('P', bytes(body))).sqlState());
  }

  @Test
  void truncatedBodiesAreProtocolViolations() {
    // Execute without its row limit; Query without its terminator; Describe without a name.
    assertEquals("08P01",
        expectFailure(started(), Wire.typed('E', Wire.cstr("p"))).sqlState());
    assertEquals("08P01", expectFailure(started(),
        Wire.typed('Q', "SELECT 1".getBytes(StandardCharsets.UTF_8))).sqlState());
    assertEquals("08P01", expectFailure(started(), Wire.typed('D', new byte[] {'S'})).sqlState());
    assertEquals("08P01", expectFailure(started(), Wire.typed('D', new byte[0])).sqlState());
  }

  @Test
  void afterAFailureFurtherBytesAreDiscarded() {
    EmbeddedChannel ch = started();
    expectFailure(ch, Wire.typed('z', new byte[0]));
    ch.writeInbound(Wire.typed('Q', Wire.cstr("SELECT 1")));
    assertNull(ch.readInbound());
    ch.checkException(); // the discarded bytes raise no second error
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static EmbeddedChannel channel() {
    return new EmbeddedChannel(new FrontendDecoder(MAX_MESSAGE));
  }

  /** A channel whose decoder has seen a StartupMessage, so it reads typed messages. */
  private static EmbeddedChannel started() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Wire.startup(196608, "user", "bob"));
    assertInstanceOf(FrontendMessage.Startup.class, ch.readInbound());
    return ch;
  }

  @SuppressWarnings("unchecked")
  private static <T extends FrontendMessage> T decodeOne(ByteBuf bytes) {
    return decodeOne(started(), bytes);
  }

  @SuppressWarnings("unchecked")
  private static <T extends FrontendMessage> T decodeOne(EmbeddedChannel ch, ByteBuf bytes) {
    ch.writeInbound(bytes);
    T message = ch.readInbound();
    assertTrue(message != null, "no message decoded");
    assertNull(ch.readInbound(), "more than one message decoded");
    return message;
  }

  private static PgException expectFailure(EmbeddedChannel ch, ByteBuf bytes) {
    DecoderException e = assertThrows(DecoderException.class, () -> ch.writeInbound(bytes));
    assertNull(ch.readInbound(), "a message was decoded from a malformed frame");
    return assertInstanceOf(PgException.class, e.getCause());
  }

  private static List<FrontendMessage> drain(EmbeddedChannel ch) {
    List<FrontendMessage> out = new ArrayList<>();
    for (FrontendMessage m = ch.readInbound(); m != null; m = ch.readInbound()) {
      out.add(m);
    }
    return out;
  }

  private static byte[] bytes(ByteBuf buf) {
    byte[] b = new byte[buf.readableBytes()];
    buf.readBytes(b);
    return b;
  }

  /** Records the largest buffer anyone asks the channel's allocator for. */
  private static final class AllocationTracker extends io.netty.buffer.AbstractByteBufAllocator {
    int largest;

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
      largest = Math.max(largest, initialCapacity);
      return Unpooled.buffer(initialCapacity, maxCapacity);
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
      largest = Math.max(largest, initialCapacity);
      return Unpooled.directBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
      return false;
    }
  }
}
