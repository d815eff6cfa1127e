package dev.mallard.session;

/**
 * After a portal suspends at its row limit, the client reads those rows before asking for more
 * (pgjdbc's fetchSize, asyncpg's cursors). Meanwhile the session would sit idle, so it
 * encodes the rows of the next Executes ahead of time ({@link #DEPTH} of them, at most {@link
 * #MAX_BYTES}); an Execute then sends those bytes at once. Two Executes ahead rather than one, so
 * that a server thread that lost its core for a moment still has the next rows ready.
 *
 * <p>It encodes a slice of about {@link #SLICE_BYTES} at a time and queues itself again behind
 * whatever the client sent meanwhile: an Execute that arrives while rows are being encoded ahead
 * is answered at once with what is ready (the rest is streamed), not after the whole batch.
 * Runs as background work: it neither counts as a running statement for cancels nor reports
 * errors itself (the next Execute does).
 */
final class PrefetchJob implements Job {
  /** Upper bound of bytes encoded ahead per portal. */
  static final int MAX_BYTES = 8 * 1024 * 1024;
  /** Executes' worth of rows encoded ahead. */
  static final int DEPTH = 2;
  /** Bytes encoded before messages that arrived meanwhile get their turn. */
  static final int SLICE_BYTES = 4 * Outbox.CHUNK_BYTES;

  private final Session session;
  private final Portal portal;

  private PrefetchJob(Session session, Portal portal) {
    this.session = session;
    this.portal = portal;
  }

  /** Encodes ahead for Executes of {@code fetchRows} rows, unless that is already queued. */
  static void schedule(Session session, Portal portal, long fetchRows) {
    portal.prefetchRows = fetchRows;
    session.expressCandidate(portal);
    if (!portal.prefetchScheduled) {
      portal.prefetchScheduled = true;
      session.submitBackground(new PrefetchJob(session, portal));
    }
  }

  @Override
  public boolean run() {
    portal.prefetchScheduled = false;
    if (!wanted()) {
      return true;
    }
    long fetchRows = portal.prefetchRows;
    EncodedAhead ahead = portal.prefetched;
    var unfinished = ahead.unfinished(fetchRows);
    long limit = fetchRows - (unfinished == null ? 0 : unfinished.rows());
    try {
      ahead.add(portal.streamer.prefetch(
          ahead.rows(), limit, SLICE_BYTES, session::workWaiting), fetchRows);
    } catch (RuntimeException e) {
      portal.prefetchError = e;
      return true;
    }
    session.offerExpress();
    if (wanted()) {
      schedule(session, portal, fetchRows);
    }
    return true;
  }

  /** Whether more rows should be encoded ahead now. */
  private boolean wanted() {
    if (portal.isClosed() || portal.streamer == null || portal.prefetchError != null
        || session.status() != TransactionStatus.IN_TRANSACTION) {
      return false;
    }
    EncodedAhead ahead = portal.prefetched;
    if (!ahead.isEmpty() && !ahead.last().context().equals(session.encoding())) {
      // Settings changed since: the next Execute encodes with the new ones. (Only a message can
      // change them, and every message takes back an ExpressLane offer of these rows first.)
      ahead.release();
    }
    return !ahead.reachesEnd() && ahead.finished(portal.prefetchRows) < DEPTH
        && ahead.bytes() < MAX_BYTES;
  }
}
