package dev.mallard.wire.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.wire.message.BackendMessage;
import dev.mallard.wire.message.BackendMessage.*;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Exact bytes of every backend message, worked out by hand from the protocol's "Message Formats"
 * section: type byte, int32 length counting itself (but not the type), then the body.
 */
class BackendEncoderTest {

  /** Each message with its expected encoding, as hex (spaces only for reading). */
  private static List<Map.Entry<BackendMessage, String>> samples() {
    List<Map.Entry<BackendMessage, String>> s = new ArrayList<>();
    s.add(Map.entry(new AuthenticationOk(), "52 00000008 00000000"));
    s.add(Map.entry(new AuthenticationCleartextPassword(), "52 00000008 00000003"));
    // Int32(10), each mechanism as a C string, then an empty string ending the list.
    s.add(Map.entry(new AuthenticationSasl(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256")),
        "52 0000002a 0000000a" + hex("SCRAM-SHA-256-PLUS") + "00" + hex("SCRAM-SHA-256") + "00 00"));
    s.add(Map.entry(new AuthenticationSaslContinue(ascii("r=abc,s=xyz,i=4096")),
        "52 0000001a 0000000b" + hex("r=abc,s=xyz,i=4096")));
    s.add(Map.entry(new AuthenticationSaslFinal(ascii("v=abc")), "52 0000000d 0000000c" + hex("v=abc")));
    s.add(Map.entry(new ParameterStatus("client_encoding", "UTF8"),
        "53 00000019" + hex("client_encoding") + "00" + hex("UTF8") + "00"));
    s.add(Map.entry(new BackendKeyData(1234, -1), "4b 0000000c 000004d2 ffffffff"));
    s.add(Map.entry(new ReadyForQuery('I'), "5a 00000005 49"));
    s.add(Map.entry(
        new RowDescription(List.of(
            new Field("a", 0, (short) 0, 23, (short) 4, -1, (short) 0),
            new Field("bc", 16384, (short) 2, 1043, (short) -1, 36, (short) 1))),
        // Int16 count; per field: name, Int32 table, Int16 column, Int32 type, Int16 typlen,
        // Int32 typmod, Int16 format.
        "54 0000002f 0002"
            + "6100 00000000 0000 00000017 0004 ffffffff 0000"
            + "626300 00004000 0002 00000413 ffff 00000024 0001"));
    s.add(Map.entry(new RowDescription(List.of()), "54 00000006 0000"));
    s.add(Map.entry(new ParameterDescription(new int[] {23, 25}), "74 0000000e 0002 00000017 00000019"));
    s.add(Map.entry(new CommandComplete("SELECT 1"), "43 0000000d" + hex("SELECT 1") + "00"));
    s.add(Map.entry(new EmptyQueryResponse(), "49 00000004"));
    s.add(Map.entry(new ErrorResponse(fields('S', "ERROR", 'V', "ERROR", 'C', "42601",
            'M', "syntax error", 'P', "1")),
        "45 0000002b" + "53" + hex("ERROR") + "00" + "56" + hex("ERROR") + "00" + "43" + hex("42601")
            + "00" + "4d" + hex("syntax error") + "00" + "50" + hex("1") + "00" + "00"));
    s.add(Map.entry(new NoticeResponse(fields('S', "WARNING", 'C', "25P01", 'M', "no tx")),
        "4e 0000001c" + "53" + hex("WARNING") + "00" + "43" + hex("25P01") + "00" + "4d"
            + hex("no tx") + "00" + "00"));
    s.add(Map.entry(new ParseComplete(), "31 00000004"));
    s.add(Map.entry(new BindComplete(), "32 00000004"));
    s.add(Map.entry(new CloseComplete(), "33 00000004"));
    s.add(Map.entry(new NoData(), "6e 00000004"));
    s.add(Map.entry(new PortalSuspended(), "73 00000004"));
    // Int8 overall format, Int16 column count, Int16 format per column.
    s.add(Map.entry(new CopyInResponse((byte) 0, new short[] {0, 0}), "47 0000000b 00 0002 0000 0000"));
    s.add(Map.entry(new CopyOutResponse((byte) 1, new short[] {1}), "48 00000009 01 0001 0001"));
    s.add(Map.entry(new CopyData(ascii("ab")), "64 00000006 6162"));
    s.add(Map.entry(new CopyDone(), "63 00000004"));
    // Int16 column count; per column Int32 length (-1 = NULL) and the bytes.
    s.add(Map.entry(new DataRow(Arrays.asList(ascii("1"), null, new byte[0])),
        "44 00000013 0003 00000001 31 ffffffff 00000000"));
    // SSLRequest / GSSENCRequest answers are a single byte, no type and no length.
    s.add(Map.entry(new EncryptionResponse(true), "53"));
    s.add(Map.entry(new EncryptionResponse(false), "4e"));
    return s;
  }

  @Test
  void everyMessageEncodesToItsExactBytes() {
    for (Map.Entry<BackendMessage, String> e : samples()) {
      ByteBuf out = Unpooled.buffer();
      BackendEncoder.write(e.getKey(), out);
      assertEquals(e.getValue().replace(" ", ""), ByteBufUtil.hexDump(out), e.getKey().toString());
    }
  }

  @Test
  void everyBackendMessageTypeHasASample() {
    Set<Class<?>> covered = new HashSet<>();
    for (Map.Entry<BackendMessage, String> e : samples()) {
      covered.add(e.getKey().getClass());
    }
    for (Class<?> type : BackendMessage.class.getPermittedSubclasses()) {
      assertTrue(covered.contains(type), "no encoding test for " + type.getSimpleName());
    }
  }

  @Test
  void throughAChannelEachMessageIsOneFrame() {
    EmbeddedChannel ch = new EmbeddedChannel(new BackendEncoder());
    ch.writeOutbound(new ParseComplete(), new BindComplete(), new CommandComplete("INSERT 0 3"),
        new ReadyForQuery('T'));
    assertEquals("3100000004", hexOf(ch.readOutbound()));
    assertEquals("3200000004", hexOf(ch.readOutbound()));
    assertEquals("430000000f" + hex("INSERT 0 3") + "00", hexOf(ch.readOutbound()));
    assertEquals("5a0000000554", hexOf(ch.readOutbound()));
    assertNull(ch.readOutbound());
  }

  @Test
  void textIsWrittenAsUtf8AndTheLengthCountsBytes() {
    ByteBuf out = Unpooled.buffer();
    BackendEncoder.write(new CommandComplete("\u00e9"), out);
    // 4 (length) + 2 (é in UTF-8) + 1 (terminator)
    assertEquals("4300000007c3a900", ByteBufUtil.hexDump(out));
  }

  @Test
  void messagesAppendAfterExistingBytes() {
    ByteBuf out = Unpooled.buffer().writeByte(0x99);
    BackendEncoder.write(new NoData(), out);
    BackendEncoder.write(new ReadyForQuery('E'), out);
    assertEquals("99" + "6e00000004" + "5a0000000545", ByteBufUtil.hexDump(out));
  }

  @Test
  void largeDataRowLength() {
    byte[] value = new byte[70_000];
    Arrays.fill(value, (byte) 'x');
    ByteBuf out = Unpooled.buffer();
    BackendEncoder.write(new DataRow(List.of(value)), out);
    assertEquals('D', out.getByte(0));
    assertEquals(4 + 2 + 4 + 70_000, out.getInt(1));
    assertEquals(1, out.getShort(5));
    assertEquals(70_000, out.getInt(7));
    assertEquals(1 + 4 + 2 + 4 + 70_000, out.readableBytes());
  }

  private static String hexOf(ByteBuf buf) {
    String h = ByteBufUtil.hexDump(buf);
    buf.release();
    return h;
  }

  private static Map<Character, String> fields(Object... kv) {
    Map<Character, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((Character) kv[i], (String) kv[i + 1]);
    }
    return m;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String hex(String s) {
    return ByteBufUtil.hexDump(s.getBytes(StandardCharsets.UTF_8));
  }
}
