package dev.mallard.session;

import dev.mallard.wire.codec.BackendEncoder;
import dev.mallard.wire.message.BackendMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers a streaming client's next Execute on the event loop, when its rows are already encoded.
 *
 * <p>A client that fetches a large result in chunks (pgjdbc's fetchSize, asyncpg's cursors)
 * sends Execute and Sync, waits for the rows, reads them, and asks again. {@link PrefetchJob}
 * has the next chunk's DataRows encoded by then, so all an Execute needs is to write those bytes.
 * Going through the worker costs two more thread wake-ups (event loop to worker, worker back to
 * the event loop) on every fetch, and on a busy machine each can take a millisecond.
 *
 * <p>So while the session is idle in a transaction block, the worker offers the encoded rows of
 * the next Execute here. If the next message is exactly that Execute (same portal, same row
 * limit), the session is still idle, everything the worker wrote is already on the socket and the
 * channel is writable, the event loop claims the offer and writes the bytes and PortalSuspended
 * itself. It then queues a {@link Sent} item, which the worker handles in order before the
 * client's next message: it moves the portal's cursor past those rows and encodes further ahead.
 * The event loop only moves bytes that were encoded earlier; all session state stays with the
 * worker.
 *
 * <p>Any other message takes the offer back before the worker handles it. An offer holds a whole
 * Execute's rows and is made only when at least one more row is known to follow (encoded, or
 * loaded from DuckDB), so that PortalSuspended, not CommandComplete, is the right answer.
 */
final class ExpressLane {
  /** The encoded rows that answer an Execute of {@code portal} with row limit {@code maxRows}. */
  record Offer(Portal portal, long maxRows, ResultStreamer.Prefetched rows) {}

  /** Queued by the event loop after it sent an offer's rows; handled by the worker. */
  record Sent(Offer offer) {}

  private static final byte[] PORTAL_SUSPENDED = encode(new BackendMessage.PortalSuspended());

  private final AtomicReference<Offer> offer = new AtomicReference<>();

  /** Worker: makes {@code o} the answer to the next Execute, if the event loop gets it first. */
  void publish(Offer o) {
    offer.set(o);
  }

  /** Worker: takes the offer back; the rows stay where they are (the portal's encoded rows). */
  void retract() {
    offer.set(null);
  }

  boolean offered() {
    return offer.get() != null;
  }

  /** Event loop: the offer, if it answers this Execute, now owned by the caller; else null. */
  Offer claim(String portalName, long maxRows) {
    Offer o = offer.get();
    if (o == null || o.maxRows() != maxRows || !o.portal().name.equals(portalName)
        || !offer.compareAndSet(o, null)) {
      return null;
    }
    return o;
  }

  /** Event loop: writes a claimed offer's rows and PortalSuspended. */
  static void write(Channel channel, Offer o) {
    for (ByteBuf chunk : o.rows().chunks()) {
      channel.write(chunk, channel.voidPromise());
    }
    channel.write(channel.alloc().ioBuffer(PORTAL_SUSPENDED.length).writeBytes(PORTAL_SUSPENDED),
        channel.voidPromise());
    channel.flush();
  }

  private static byte[] encode(BackendMessage message) {
    ByteBuf buf = Unpooled.buffer();
    try {
      BackendEncoder.write(message, buf);
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      return bytes;
    } finally {
      buf.release();
    }
  }
}
