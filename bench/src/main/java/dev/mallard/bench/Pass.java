package dev.mallard.bench;

/**
 * One timed read of the whole table.
 *
 * @param clientCpuNanos CPU time of the reading thread during the pass
 * @param serverCpuNanos CPU time of the server during the pass, or -1 when it cannot be observed
 * @param clientRunQueueNanos time the reading thread was runnable but had no core, or -1
 */
record Pass(long rows, long nanos, Checksum checksum, long clientCpuNanos, long serverCpuNanos,
    long clientRunQueueNanos) {
  Pass(long rows, long nanos, Checksum checksum) {
    this(rows, nanos, checksum, -1, -1, -1);
  }

  Pass withCpu(long client, long server, long clientRunQueue) {
    return new Pass(rows, nanos, checksum, client, server, clientRunQueue);
  }

  double rowsPerSecond() {
    return rows * 1e9 / nanos;
  }

  double seconds() {
    return nanos / 1e9;
  }
}
