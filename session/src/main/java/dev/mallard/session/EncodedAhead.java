package dev.mallard.session;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The rows of a suspended portal encoded ahead of the client's next Executes (see {@link
 * PrefetchJob}), as one unit per expected Execute, in order: they start at the portal's cursor
 * position and follow each other without a gap. Only the last unit may be unfinished.
 */
final class EncodedAhead {
  private final Deque<ResultStreamer.Prefetched> units = new ArrayDeque<>();
  private long rows;
  private long bytes;

  boolean isEmpty() {
    return units.isEmpty();
  }

  /** Rows held: where encoding ahead goes on, counted from the cursor. */
  long rows() {
    return rows;
  }

  long bytes() {
    return bytes;
  }

  /** The most recently encoded unit, or null. */
  ResultStreamer.Prefetched last() {
    return units.peekLast();
  }

  /** True when the rows held reach the end of the result: nothing more to encode. */
  boolean reachesEnd() {
    return !units.isEmpty() && units.peekLast().end();
  }

  /** The unit still being filled, if the last one holds fewer than {@code fetchRows} rows. */
  ResultStreamer.Prefetched unfinished(long fetchRows) {
    ResultStreamer.Prefetched last = units.peekLast();
    return last != null && last.rows() < fetchRows && !last.end() ? last : null;
  }

  /** Units holding a whole Execute's rows (or the rest of the result). */
  int finished(long fetchRows) {
    return units.size() - (unfinished(fetchRows) == null ? 0 : 1);
  }

  /** Adds newly encoded rows: to the unfinished unit if there is one, else as a new unit. */
  void add(ResultStreamer.Prefetched encoded, long fetchRows) {
    ResultStreamer.Prefetched last = unfinished(fetchRows);
    if (last != null) {
      units.pollLast();
      units.add(last.append(encoded));
    } else {
      units.add(encoded);
    }
    rows += encoded.rows();
    bytes += encoded.bytes();
  }

  /**
   * The first unit if it holds a whole Execute's {@code fetchRows} rows and at least one more row
   * is known to follow it, either encoded after it or among the {@code loadedRows} rows the
   * cursor holds beyond its position (so that Execute ends with PortalSuspended); else null.
   */
  ResultStreamer.Prefetched nextFollowed(long fetchRows, long loadedRows) {
    ResultStreamer.Prefetched first = units.peekFirst();
    if (first == null || first.rows() != fetchRows) {
      return null;
    }
    return rows > first.rows() || loadedRows > first.rows() ? first : null;
  }

  /** Takes the first unit (the next Execute's rows), or null. */
  ResultStreamer.Prefetched poll() {
    ResultStreamer.Prefetched first = units.poll();
    if (first != null) {
      rows -= first.rows();
      bytes -= first.bytes();
    }
    return first;
  }

  /** Drops everything (settings changed, the rows were sent another way, the portal closed). */
  void release() {
    units.forEach(ResultStreamer.Prefetched::release);
    units.clear();
    rows = 0;
    bytes = 0;
  }
}
