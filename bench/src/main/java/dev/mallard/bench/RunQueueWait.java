package dev.mallard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the calling thread has waited, runnable, for a core (Linux schedstat). On a machine
 * where the client and the server share few cores, a pass's elapsed time is the reading thread's
 * CPU time, plus this wait (other threads had the cores), plus the time it was blocked (waiting
 * for the server's data or for the garbage collector): the split tells which of them to work on.
 */
final class RunQueueWait {
  private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

  private RunQueueWait() {}

  /** Cumulative nanoseconds, or -1 where schedstat is not available. */
  static long nanos() {
    try {
      // "<ns on a cpu> <ns waiting on a run queue> <time slices>"
      String[] fields = Files.readString(SCHEDSTAT).trim().split("\\s+");
      return Long.parseLong(fields[1]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
