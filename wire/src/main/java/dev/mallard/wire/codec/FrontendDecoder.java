package dev.mallard.wire.codec;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.message.FrontendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns bytes into {@link FrontendMessage}s. Until a StartupMessage arrives, packets have no type
 * byte (SSLRequest, GSSENCRequest, CancelRequest, StartupMessage); afterwards every message is a
 * type byte followed by an int32 length that includes itself.
 *
 * <p>A length below 4 or above {@code maxMessageSize} raises a {@link PgException} with 08P01
 * before anything is allocated, so a hostile length can never make the server reserve gigabytes.
 */
public final class FrontendDecoder extends ByteToMessageDecoder {
  static final int PROTOCOL_3_0 = 196608;
  static final int SSL_REQUEST_CODE = 80877103;
  static final int GSSENC_REQUEST_CODE = 80877104;
  static final int CANCEL_REQUEST_CODE = 80877102;
  /** Startup packets are small; PostgreSQL itself caps them at 10000 bytes. */
  static final int MAX_STARTUP_PACKET = 10_000;

  private final int maxMessageSize;
  private boolean startupDone;
  private boolean failed;

  public FrontendDecoder(int maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    try {
      FrontendMessage message = startupDone ? decodeRegular(in) : decodeStartupPhase(in);
      if (message != null) {
        if (message instanceof FrontendMessage.Startup) {
          startupDone = true;
        }
        out.add(message);
      }
    } catch (PgException e) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw e;
    }
  }

  private FrontendMessage decodeStartupPhase(ByteBuf in) {
    if (in.readableBytes() < 4) {
      return null;
    }
    int length = in.getInt(in.readerIndex());
    if (length < 8 || length > MAX_STARTUP_PACKET) {
      throw protocolViolation("invalid length of startup packet");
    }
    if (in.readableBytes() < length) {
      return null;
    }
    ByteBuf body = in.readSlice(length).skipBytes(4);
    int code = body.readInt();
    switch (code) {
      case SSL_REQUEST_CODE:
        return new FrontendMessage.SslRequest();
      case GSSENC_REQUEST_CODE:
        return new FrontendMessage.GssEncRequest();
      case CANCEL_REQUEST_CODE:
        if (body.readableBytes() < 8) {
          throw protocolViolation("invalid length of cancel request");
        }
        return new FrontendMessage.CancelRequest(body.readInt(), body.readInt());
      default:
        return decodeStartup(code, body);
    }
  }

  private static FrontendMessage decodeStartup(int version, ByteBuf body) {
    if (version >> 16 != 3) {
      throw PgException.fatal(SqlState.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol "
          + (version >> 16) + "." + (version & 0xFFFF) + ": server supports 3.0 to 3.0");
    }
    Map<String, String> params = new LinkedHashMap<>();
    while (body.isReadable()) {
      String name = readCString(body);
      if (name.isEmpty()) {
        break;
      }
      params.put(name, readCString(body));
    }
    return new FrontendMessage.Startup(version, params);
  }

  private FrontendMessage decodeRegular(ByteBuf in) {
    if (in.readableBytes() < 5) {
      return null;
    }
    int start = in.readerIndex();
    byte type = in.getByte(start);
    int length = in.getInt(start + 1);
    if (length < 4 || length > maxMessageSize) {
      throw protocolViolation(
          length < 4
              ? "invalid message length " + length
              : "message of " + length + " bytes exceeds the limit of " + maxMessageSize);
    }
    if (in.readableBytes() < length + 1) {
      return null;
    }
    in.skipBytes(5);
    ByteBuf body = in.readSlice(length - 4);
    try {
      return MessageBodies.decode((char) type, body);
    } catch (IndexOutOfBoundsException e) {
      throw protocolViolation("invalid message format for message type '" + (char) type + "'");
    }
  }

  static String readCString(ByteBuf buf) {
    int end = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) 0);
    if (end < 0) {
      throw protocolViolation("invalid string in message");
    }
    String s = buf.toString(buf.readerIndex(), end - buf.readerIndex(), StandardCharsets.UTF_8);
    buf.readerIndex(end + 1);
    return s;
  }

  static PgException protocolViolation(String message) {
    return PgException.fatal(SqlState.PROTOCOL_VIOLATION, message);
  }

  /** Decoders for the bodies of typed messages. */
  static final class MessageBodies {
    private MessageBodies() {}

    static FrontendMessage decode(char type, ByteBuf body) {
      switch (type) {
        case 'Q':
          return new FrontendMessage.Query(readCString(body));
        case 'P':
          return parse(body);
        case 'B':
          return bind(body);
        case 'D':
          return new FrontendMessage.Describe((char) body.readByte(), readCString(body));
        case 'E':
          return new FrontendMessage.Execute(readCString(body), body.readInt());
        case 'C':
          return new FrontendMessage.Close((char) body.readByte(), readCString(body));
        case 'S':
          return new FrontendMessage.Sync();
        case 'H':
          return new FrontendMessage.Flush();
        case 'X':
          return new FrontendMessage.Terminate();
        case 'p':
          return new FrontendMessage.PasswordMessage(bytes(body, body.readableBytes()));
        case 'd':
          return new FrontendMessage.CopyData(bytes(body, body.readableBytes()));
        case 'c':
          return new FrontendMessage.CopyDone();
        case 'f':
          return new FrontendMessage.CopyFail(readCString(body));
        case 'F':
          return new FrontendMessage.FunctionCall(body.readInt());
        default:
          throw protocolViolation("invalid frontend message type " + (int) type);
      }
    }

    private static FrontendMessage parse(ByteBuf body) {
      String name = readCString(body);
      String sql = readCString(body);
      int count = body.readUnsignedShort();
      checkCount(count, body, 4);
      int[] types = new int[count];
      for (int i = 0; i < count; i++) {
        types[i] = body.readInt();
      }
      return new FrontendMessage.Parse(name, sql, types);
    }

    private static FrontendMessage bind(ByteBuf body) {
      String portal = readCString(body);
      String statement = readCString(body);
      short[] paramFormats = readShorts(body);
      int paramCount = body.readUnsignedShort();
      checkCount(paramCount, body, 4);
      List<byte[]> values = new ArrayList<>(paramCount);
      for (int i = 0; i < paramCount; i++) {
        int len = body.readInt();
        if (len < -1 || len > body.readableBytes()) {
          throw protocolViolation("invalid parameter length " + len + " in Bind message");
        }
        values.add(len == -1 ? null : bytes(body, len));
      }
      short[] resultFormats = readShorts(body);
      return new FrontendMessage.Bind(portal, statement, paramFormats, values, resultFormats);
    }

    private static short[] readShorts(ByteBuf body) {
      int count = body.readUnsignedShort();
      checkCount(count, body, 2);
      short[] values = new short[count];
      for (int i = 0; i < count; i++) {
        values[i] = body.readShort();
      }
      return values;
    }

    /** Rejects a count that cannot fit in the rest of the message before allocating for it. */
    private static void checkCount(int count, ByteBuf body, int minBytesEach) {
      if ((long) count * minBytesEach > body.readableBytes()) {
        throw protocolViolation("invalid message format: count " + count + " exceeds message");
      }
    }

    private static byte[] bytes(ByteBuf body, int len) {
      byte[] b = new byte[len];
      body.readBytes(b);
      return b;
    }
  }
}
