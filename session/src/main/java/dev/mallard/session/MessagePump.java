package dev.mallard.session;

import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
  /** Client messages (and other non-background items) submitted and not yet finished. */
  private final AtomicInteger foreground = new AtomicInteger();
  private final Runnable onIdle;
  private volatile Job paused;
  private volatile boolean busy;

  /**
   * @param dispatcher turns a queued item into a job; it runs on a worker thread
   * @param awaitingInput true while a paused job waits for client input (COPY FROM STDIN) rather
   *     than for the channel to drain: queued items then go to the dispatcher, which routes them
   * @param onIdle runs on the worker each time the last submitted message is finished
   */
  MessagePump(Channel channel, Executor workers, Function<Object, Job> dispatcher,
      java.util.function.BooleanSupplier awaitingInput, Runnable onIdle) {
    this.channel = channel;
    this.onIdle = onIdle;
    this.workers = workers;
    this.dispatcher = dispatcher;
    this.awaitingInput = awaitingInput;
  }

  /** Work the session does on its own between messages; a cancel does not apply to it. */
  record Background(Job job) {}

  void submit(Object item) {
    if (!(item instanceof Background)) {
      foreground.incrementAndGet();
    }
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

  /**
   * True when every message submitted so far is finished: nothing but background work is queued
   * or running. Exact from the event loop, the only thread that submits messages.
   */
  boolean idle() {
    return foreground.get() == 0;
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
      boolean message = job != null; // only a message's job waits for the channel or for input
      paused = null;
      while (true) {
        if (job == null) {
          Object item = inbox.poll();
          if (item == null) {
            break;
          }
          message = !(item instanceof Background);
          busy = message;
          job = message ? dispatcher.apply(item) : ((Background) item).job();
        }
        if (job != null && !job.run()) {
          if (awaitingInput.getAsBoolean()) {
            Object input = inbox.poll();
            if (input != null) {
              dispatcher.apply(input);
              finished(!(input instanceof Background));
              continue; // run the job again: the input may have completed what it waits for
            }
          }
          paused = job;
          break;
        }
        finished(message);
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

  /** One item is done; after the last message submitted, {@link #onIdle} runs. */
  private void finished(boolean message) {
    if (message && foreground.decrementAndGet() == 0) {
      onIdle.run();
    }
  }
}
