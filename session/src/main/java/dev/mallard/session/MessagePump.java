package dev.mallard.session;

import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs a session's work one item at a time on the shared worker pool, never on the event loop.
 * Items arrive from the event loop in order; a {@link Job} that pauses (channel not writable)
 * holds the session until the channel drains, so a slow reader stops result production instead
 * of filling memory. Reading from the socket is suspended while too much input is queued.
 */
final class MessagePump {
  private static final int MAX_QUEUED = 512;

  private final Channel channel;
  private final Executor workers;
  private final Function<Object, Job> dispatcher;
  private final java.util.function.BooleanSupplier awaitingInput;
  private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile Job paused;
  private volatile boolean busy;

  /**
   * @param dispatcher turns a queued item into a job; it runs on a worker thread
   * @param awaitingInput true while a paused job waits for client input (COPY FROM STDIN) rather
   *     than for the channel to drain: queued items then go to the dispatcher, which routes them
   */
  MessagePump(Channel channel, Executor workers, Function<Object, Job> dispatcher,
      java.util.function.BooleanSupplier awaitingInput) {
    this.channel = channel;
    this.workers = workers;
    this.dispatcher = dispatcher;
    this.awaitingInput = awaitingInput;
  }

  /** Work the session does on its own between messages; a cancel does not apply to it. */
  record Background(Job job) {}

  void submit(Object item) {
    inbox.add(item);
    if (inbox.size() > MAX_QUEUED) {
      channel.config().setAutoRead(false);
    }
    schedule();
  }

  /** Called on the event loop when the channel becomes writable again. */
  void onWritable() {
    if (paused != null && !awaitingInput.getAsBoolean()) {
      schedule();
    }
  }

  /** Wakes a paused job so it can notice a cancel or termination. */
  void wake() {
    schedule();
  }

  /** True when messages wait to be handled: background work should let them go first. */
  boolean hasQueued() {
    return !inbox.isEmpty();
  }

  /** True while a job is running or paused, i.e. a statement is in progress. */
  boolean busy() {
    return busy || paused != null;
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      workers.execute(this::drain);
    }
  }

  private void drain() {
    try {
      Job job = paused;
      paused = null;
      while (true) {
        if (job == null) {
          Object item = inbox.poll();
          if (item == null) {
            break;
          }
          busy = !(item instanceof Background);
          job = item instanceof Background background ? background.job() : dispatcher.apply(item);
        }
        if (job != null && !job.run()) {
          if (awaitingInput.getAsBoolean()) {
            Object input = inbox.poll();
            if (input != null) {
              dispatcher.apply(input);
              continue; // run the job again: the input may have completed what it waits for
            }
          }
          paused = job;
          break;
        }
        job = null;
        busy = false;
      }
    } finally {
      busy = false;
      scheduled.set(false);
      if (inbox.size() < MAX_QUEUED / 2 && !channel.config().isAutoRead() && channel.isActive()) {
        channel.config().setAutoRead(true);
      }
      boolean more = paused == null || awaitingInput.getAsBoolean()
          ? !inbox.isEmpty()
          : channel.isWritable() || !channel.isActive();
      if (more) {
        schedule();
      }
    }
  }
}
