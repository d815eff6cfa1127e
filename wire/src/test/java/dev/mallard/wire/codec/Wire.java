package dev.mallard.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Builds frontend packets byte for byte, as a client would put them on the wire. */
final class Wire {
  private Wire() {}

  /** A startup-phase packet: int32 length (counting itself), int32 code, body. */
  static ByteBuf untyped(int code, byte[] body) {
    return Unpooled.buffer().writeInt(8 + body.length).writeInt(code).writeBytes(body);
  }

  /** StartupMessage: version, then name/value C strings, then a terminating zero byte. */
  static ByteBuf startup(int version, String... nameValues) {
    ByteBuf body = Unpooled.buffer();
    for (String s : nameValues) {
      body.writeBytes(cstr(s));
    }
    body.writeByte(0);
    byte[] b = new byte[body.readableBytes()];
    body.readBytes(b);
    return untyped(version, b);
  }

  /** A regular message: type byte, int32 length counting itself but not the type, body. */
  static ByteBuf typed(char type, byte[] body) {
    return Unpooled.buffer().writeByte(type).writeInt(4 + body.length).writeBytes(body);
  }

  static byte[] cstr(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, out, 0, utf8.length);
    return out;
  }

  static byte[] ints(int... values) {
    ByteBuf b = Unpooled.buffer();
    for (int v : values) {
      b.writeInt(v);
    }
    byte[] out = new byte[b.readableBytes()];
    b.readBytes(out);
    return out;
  }
}
