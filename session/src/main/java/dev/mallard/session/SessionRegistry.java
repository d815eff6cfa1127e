package dev.mallard.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sessions of this server: hands out BackendKeyData (process id and secret key), finds a
 * session for a CancelRequest, counts connections against the limit, and ends them all at
 * shutdown.
 */
public final class SessionRegistry {
  private final Map<Integer, Session> byProcessId = new ConcurrentHashMap<>();
  private final AtomicInteger nextProcessId = new AtomicInteger(1000);
  private final AtomicInteger connections = new AtomicInteger();
  private final Map<Integer, Integer> byRole = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final LongAdder executesSentAhead = new LongAdder();

  /** Counts a new connection; false when the limit is reached. */
  boolean tryAcquireConnection(int max) {
    while (true) {
      int n = connections.get();
      if (n >= max) {
        return false;
      }
      if (connections.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void releaseConnection() {
    connections.decrementAndGet();
  }

  /** Counts a logged-in connection of a role; false when that exceeds {@code limit} (-1: none). */
  boolean tryAcquireRoleConnection(int roleOid, int limit) {
    boolean[] admitted = {true};
    byRole.compute(roleOid, (k, n) -> {
      int current = n == null ? 0 : n;
      if (limit >= 0 && current >= limit) {
        admitted[0] = false;
        return n;
      }
      return current + 1;
    });
    return admitted[0];
  }

  void releaseRoleConnection(int roleOid) {
    byRole.computeIfPresent(roleOid, (k, n) -> n <= 1 ? null : n - 1);
  }

  int register(Session session) {
    int pid;
    do {
      pid = nextProcessId.updateAndGet(p -> p >= Integer.MAX_VALUE - 1 ? 1000 : p + 1);
    } while (byProcessId.putIfAbsent(pid, session) != null);
    return pid;
  }

  int newSecretKey() {
    return random.nextInt();
  }

  void unregister(int processId) {
    byProcessId.remove(processId);
  }

  /** Cancels the running query of the session with this key; a wrong key does nothing. */
  void cancel(int processId, int secretKey) {
    Session s = byProcessId.get(processId);
    // One int comparison: no early exit to time, so no need for MessageDigest.isEqual here.
    if (s != null && s.secretKey() == secretKey) {
      s.cancel(Session.CancelReason.USER_REQUEST);
    }
  }

  /** Counts an Execute answered on the event loop from rows encoded ahead ({@link ExpressLane}). */
  void countExecuteSentAhead() {
    executesSentAhead.increment();
  }

  /** Executes answered on the event loop from rows encoded ahead, since the server started. */
  public long executesSentAhead() {
    return executesSentAhead.sum();
  }

  public int activeCount() {
    return byProcessId.size();
  }

  /** Ends every session with 57P01, as PostgreSQL's smart/fast shutdown does. */
  public void terminateAll() {
    for (Session s : byProcessId.values()) {
      s.terminate();
    }
  }

  /** Waits until no session is running a statement, or the timeout passes. */
  public boolean awaitQueriesDone(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean busy = byProcessId.values().stream().anyMatch(Session::isBusy);
      if (!busy) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
