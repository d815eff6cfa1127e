package dev.mallard.session;

/**
 * After a portal suspends at its row limit, the client reads those rows before asking for more
 * (pgjdbc's fetchSize, psycopg's named cursors). Meanwhile the session would sit idle, so it
 * encodes the next batch of the same size ahead of time; the next Execute sends those bytes at
 * once. Runs as background work: it neither counts as a running statement for cancels nor
 * reports errors itself (the next Execute does).
 */
final class PrefetchJob implements Job {
  /** Upper bound of bytes encoded ahead per portal. */
  static final int MAX_BYTES = 8 * 1024 * 1024;

  private final Session session;
  private final Portal portal;
  private final long rows;

  PrefetchJob(Session session, Portal portal, long rows) {
    this.session = session;
    this.portal = portal;
    this.rows = rows;
  }

  @Override
  public boolean run() {
    if (portal.isClosed() || portal.streamer == null || portal.prefetched != null
        || portal.prefetchError != null || session.status() != TransactionStatus.IN_TRANSACTION) {
      return true;
    }
    try {
      portal.prefetched = portal.streamer.prefetch(rows, MAX_BYTES);
    } catch (RuntimeException e) {
      portal.prefetchError = e;
    }
    return true;
  }
}
