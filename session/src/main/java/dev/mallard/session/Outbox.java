package dev.mallard.session;

import dev.mallard.wire.codec.BackendEncoder;
import dev.mallard.wire.message.BackendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.List;

/**
 * Collects a session's outgoing messages in one buffer and hands it to the channel in chunks, so
 * a result of many small DataRows costs few channel writes. Used only from the thread that runs
 * the session's work.
 */
final class Outbox {
  /** Hand a chunk to Netty once it reaches this size. */
  static final int CHUNK_BYTES = 64 * 1024;

  private final Channel channel;
  private ByteBuf buffer;

  Outbox(Channel channel) {
    this.channel = channel;
  }

  /** The buffer to encode into directly (DataRows from Arrow vectors). */
  ByteBuf buffer() {
    if (buffer == null) {
      buffer = channel.alloc().ioBuffer(CHUNK_BYTES + 8 * 1024);
    }
    return buffer;
  }

  void send(BackendMessage message) {
    BackendEncoder.write(message, buffer());
    if (buffer.readableBytes() >= CHUNK_BYTES) {
      flush();
    }
  }

  /** Passes full chunks on; call after appending to {@link #buffer()}. */
  void maybeFlush() {
    if (buffer != null && buffer.readableBytes() >= CHUNK_BYTES) {
      flush();
    }
  }

  void flush() {
    if (buffer != null && buffer.isReadable()) {
      ByteBuf out = buffer;
      buffer = null;
      channel.writeAndFlush(out, channel.voidPromise());
    }
  }

  /** A buffer for encoding ahead of time (prefetch), owned by the caller until sent. */
  ByteBuf allocate(int capacity) {
    return channel.alloc().ioBuffer(capacity);
  }

  /** Sends buffers encoded earlier, after everything already queued here. */
  void sendEncoded(List<ByteBuf> encoded) {
    flush();
    for (ByteBuf chunk : encoded) {
      channel.write(chunk, channel.voidPromise());
    }
    channel.flush();
  }

  boolean writable() {
    return channel.isWritable();
  }

  void discard() {
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }
}
