package dev.mallard.wire.codec;

import dev.mallard.wire.message.BackendMessage;
import dev.mallard.wire.message.BackendMessage.*;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes {@link BackendMessage}s: a type byte, an int32 length that counts itself, then the body
 * laid out as in the protocol's "Message Formats" section. Stateless, so one instance serves all
 * channels.
 */
@ChannelHandler.Sharable
public final class BackendEncoder extends MessageToByteEncoder<BackendMessage> {

  @Override
  protected void encode(ChannelHandlerContext ctx, BackendMessage msg, ByteBuf out) {
    write(msg, out);
  }

  /** Appends one message to {@code out}. */
  public static void write(BackendMessage msg, ByteBuf out) {
    if (msg instanceof EncryptionResponse r) {
      out.writeByte(r.accepted() ? 'S' : 'N');
      return;
    }
    int start = out.writerIndex();
    out.writeByte(typeOf(msg));
    out.writeInt(0);
    writeBody(msg, out);
    out.setInt(start + 1, out.writerIndex() - start - 1);
  }

  private static char typeOf(BackendMessage msg) {
    if (msg instanceof AuthenticationOk
        || msg instanceof AuthenticationCleartextPassword
        || msg instanceof AuthenticationSasl
        || msg instanceof AuthenticationSaslContinue
        || msg instanceof AuthenticationSaslFinal) {
      return 'R';
    } else if (msg instanceof ParameterStatus) {
      return 'S';
    } else if (msg instanceof BackendKeyData) {
      return 'K';
    } else if (msg instanceof ReadyForQuery) {
      return 'Z';
    } else if (msg instanceof RowDescription) {
      return 'T';
    } else if (msg instanceof ParameterDescription) {
      return 't';
    } else if (msg instanceof CommandComplete) {
      return 'C';
    } else if (msg instanceof EmptyQueryResponse) {
      return 'I';
    } else if (msg instanceof ErrorResponse) {
      return 'E';
    } else if (msg instanceof NoticeResponse) {
      return 'N';
    } else if (msg instanceof ParseComplete) {
      return '1';
    } else if (msg instanceof BindComplete) {
      return '2';
    } else if (msg instanceof CloseComplete) {
      return '3';
    } else if (msg instanceof NoData) {
      return 'n';
    } else if (msg instanceof PortalSuspended) {
      return 's';
    } else if (msg instanceof CopyInResponse) {
      return 'G';
    } else if (msg instanceof CopyOutResponse) {
      return 'H';
    } else if (msg instanceof CopyData) {
      return 'd';
    } else if (msg instanceof CopyDone) {
      return 'c';
    } else if (msg instanceof DataRow) {
      return 'D';
    }
    throw new IllegalArgumentException("no encoding for " + msg);
  }

  private static void writeBody(BackendMessage msg, ByteBuf out) {
    if (msg instanceof AuthenticationOk) {
      out.writeInt(0);
    } else if (msg instanceof AuthenticationCleartextPassword) {
      out.writeInt(3);
    } else if (msg instanceof AuthenticationSasl m) {
      out.writeInt(10);
      for (String mechanism : m.mechanisms()) {
        writeCString(out, mechanism);
      }
      out.writeByte(0);
    } else if (msg instanceof AuthenticationSaslContinue m) {
      out.writeInt(11).writeBytes(m.data());
    } else if (msg instanceof AuthenticationSaslFinal m) {
      out.writeInt(12).writeBytes(m.data());
    } else if (msg instanceof ParameterStatus m) {
      writeCString(out, m.name());
      writeCString(out, m.value());
    } else if (msg instanceof BackendKeyData m) {
      out.writeInt(m.processId()).writeInt(m.secretKey());
    } else if (msg instanceof ReadyForQuery m) {
      out.writeByte(m.status());
    } else if (msg instanceof RowDescription m) {
      out.writeShort(m.fields().size());
      for (Field f : m.fields()) {
        writeCString(out, f.name());
        out.writeInt(f.tableOid()).writeShort(f.columnNumber()).writeInt(f.typeOid());
        out.writeShort(f.typeSize()).writeInt(f.typeModifier()).writeShort(f.formatCode());
      }
    } else if (msg instanceof ParameterDescription m) {
      out.writeShort(m.typeOids().length);
      for (int oid : m.typeOids()) {
        out.writeInt(oid);
      }
    } else if (msg instanceof CommandComplete m) {
      writeCString(out, m.tag());
    } else if (msg instanceof ErrorResponse m) {
      writeFields(out, m.fields());
    } else if (msg instanceof NoticeResponse m) {
      writeFields(out, m.fields());
    } else if (msg instanceof CopyInResponse m) {
      writeCopyResponse(out, m.format(), m.columnFormats());
    } else if (msg instanceof CopyOutResponse m) {
      writeCopyResponse(out, m.format(), m.columnFormats());
    } else if (msg instanceof CopyData m) {
      out.writeBytes(m.data());
    } else if (msg instanceof DataRow m) {
      out.writeShort(m.values().size());
      for (byte[] v : m.values()) {
        if (v == null) {
          out.writeInt(-1);
        } else {
          out.writeInt(v.length).writeBytes(v);
        }
      }
    }
    // The remaining messages have an empty body.
  }

  private static void writeCopyResponse(ByteBuf out, byte format, short[] columnFormats) {
    out.writeByte(format).writeShort(columnFormats.length);
    for (short f : columnFormats) {
      out.writeShort(f);
    }
  }

  private static void writeFields(ByteBuf out, Map<Character, String> fields) {
    for (Map.Entry<Character, String> e : fields.entrySet()) {
      out.writeByte(e.getKey());
      writeCString(out, e.getValue());
    }
    out.writeByte(0);
  }

  public static void writeCString(ByteBuf out, String s) {
    out.writeCharSequence(s, StandardCharsets.UTF_8);
    out.writeByte(0);
  }
}
