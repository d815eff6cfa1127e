package dev.mallard.session;

import dev.mallard.wire.codec.BackendEncoder;
import dev.mallard.wire.message.BackendMessage;
import dev.mallard.wire.types.MessageBuffer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.List;

/**
 * Collects a session's outgoing messages in one buffer and hands it to the channel in chunks, so
 * a result of many small DataRows costs few channel writes. DataRows are first encoded into a heap
 * {@link MessageBuffer} ({@link #rows()}) and copied over in one piece per chunk: cheaper than
 * a dozen checked ByteBuf writes per row. Used only from the thread that runs the session's work,
 * except {@link #drained}.
 */
final class Outbox {
  /** Hand a chunk to Netty once it reaches this size. */
  static final int CHUNK_BYTES = 64 * 1024;

  private final Channel channel;
  /** The latest write handed to the channel; null before the first. */
  private volatile ChannelFuture lastWrite;
  private ByteBuf buffer;
  /** Made on the first result, so that idle sessions hold no array. */
  private MessageBuffer rows;

  Outbox(Channel channel) {
    this.channel = channel;
  }

  private ByteBuf buffer() {
    if (buffer == null) {
      int pending = rows == null ? 0 : rows.writerIndex();
      buffer = channel.alloc().ioBuffer(Math.max(CHUNK_BYTES + 8 * 1024, pending));
    }
    return buffer;
  }

  /**
   * Where DataRows (and CopyData rows) are encoded; they go out, in order, at the next {@link
   * #commitRows}, {@link #send}, {@link #flush} or {@link #sendEncoded}.
   */
  MessageBuffer rows() {
    if (rows == null) {
      rows = new MessageBuffer(CHUNK_BYTES + 8 * 1024);
    }
    return rows;
  }

  /** Moves the rows encoded so far into the outgoing buffer, passing full chunks on. */
  void commitRows() {
    if (rows == null || rows.writerIndex() == 0) {
      return;
    }
    if (buffer != null && buffer.maxFastWritableBytes() < rows.writerIndex()) {
      writeBuffer(); // rather than growing it by a copy
    }
    rows.moveTo(buffer());
    maybeFlush();
  }

  void send(BackendMessage message) {
    commitRows();
    BackendEncoder.write(message, buffer());
    if (buffer.readableBytes() >= CHUNK_BYTES) {
      flush();
    }
  }

  private void maybeFlush() {
    if (buffer != null && buffer.readableBytes() >= CHUNK_BYTES) {
      flush();
    }
  }

  void flush() {
    commitRows();
    if (buffer != null && buffer.isReadable()) {
      writeBuffer();
      channel.flush();
    }
  }

  private void writeBuffer() {
    ByteBuf out = buffer;
    buffer = null;
    lastWrite = channel.write(out);
  }

  /** A buffer for encoding ahead of time (prefetch), owned by the caller until sent. */
  ByteBuf allocate(int capacity) {
    return channel.alloc().ioBuffer(capacity);
  }

  /** Sends buffers encoded earlier, after everything already queued here. */
  void sendEncoded(List<ByteBuf> encoded) {
    flush();
    for (ByteBuf chunk : encoded) {
      lastWrite = channel.write(chunk);
    }
    channel.flush();
  }

  /**
   * True when everything handed to the channel so far has been written to the socket (writes
   * complete in order), so that the event loop may write after it; from any thread.
   */
  boolean drained() {
    ChannelFuture last = lastWrite;
    return last == null || last.isDone();
  }

  boolean writable() {
    return channel.isWritable();
  }

  void discard() {
    rows = null;
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }
}
