package dev.mallard.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded executor that runs statements off the Netty event loops. Its threads are named
 * {@code mallard-worker-N} so that thread dumps and logs show which work is the engine's.
 */
final class WorkerPool {
  private WorkerPool() {}

  /**
   * {@code threads} workers that exit after a minute idle, with a queue for a few tasks per allowed
   * connection; beyond that, submissions are rejected rather than piling up without limit.
   */
  static ExecutorService create(int threads, int maxConnections) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1024, maxConnections * 4)),
            namedThreads("mallard-worker-"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory namedThreads(String prefix) {
    AtomicInteger next = new AtomicInteger(1);
    return r -> {
      Thread t = new Thread(r, prefix + next.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
  }
}
