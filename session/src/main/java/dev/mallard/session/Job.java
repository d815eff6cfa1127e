package dev.mallard.session;

/**
 * A unit of session work that may have to wait for the client to read: {@link #run()} returns
 * true when finished, or false when it paused because the channel is not writable; it is then
 * run again once the channel drains.
 */
@FunctionalInterface
interface Job {
  boolean run();
}
