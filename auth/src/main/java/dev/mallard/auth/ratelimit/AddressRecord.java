package dev.mallard.auth.ratelimit;

/**
 * One client address's recent failed logins and its ban, on the {@link
 * com.github.benmanes.caffeine.cache.Ticker}'s nanosecond clock. The last {@code maxFailures}
 * failure times are kept in a ring, so the window slides: the address is banned when the oldest of
 * them is still within the window as the newest arrives.
 */
final class AddressRecord {
  private final long windowNanos;
  private final long banNanos;
  private final long[] failures;
  private int count;
  private int next;
  private long bannedUntil;
  private boolean banned;

  AddressRecord(LoginRateLimiter.Policy policy) {
    this.windowNanos = policy.window().toNanos();
    this.banNanos = policy.banDuration().toNanos();
    this.failures = new long[policy.maxFailures()];
  }

  /** Records a failure at {@code now}; true when this failure starts a ban. */
  synchronized boolean recordFailure(long now) {
    failures[next] = now;
    next = (next + 1) % failures.length;
    count = Math.min(count + 1, failures.length);
    long oldest = failures[count < failures.length ? 0 : next];
    if (count == failures.length && now - oldest < windowNanos) {
      banned = true;
      bannedUntil = now + banNanos;
      count = 0; // after the ban, the address starts afresh
      next = 0;
      return true;
    }
    return false;
  }

  synchronized boolean bannedAt(long now) {
    return banned && now - bannedUntil < 0;
  }

  /** How long from {@code now} until nothing about this address matters any more. */
  synchronized long nanosUntilForgettable(long now) {
    long remaining = 0;
    if (count > 0) {
      long lastFailure = failures[(next - 1 + failures.length) % failures.length];
      remaining = lastFailure + windowNanos - now;
    }
    if (banned) {
      remaining = Math.max(remaining, bannedUntil - now);
    }
    return Math.max(0, remaining);
  }
}
