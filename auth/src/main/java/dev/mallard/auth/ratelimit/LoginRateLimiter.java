package dev.mallard.auth.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed-login rate limiting per client address: after {@link Policy#maxFailures()} failed
 * logins within {@link Policy#window()}, the address is banned for {@link Policy#banDuration()},
 * and its logins are refused before any password is checked, so a password guesser learns nothing
 * while banned.
 *
 * <p>A successful login does not clear the address's failures: otherwise anyone holding one
 * working account could reset the count between guesses at another's password. Failures age out of
 * the window instead. Addresses are independent: one address's failures or ban never touch another.
 *
 * <p>Memory is bounded: an address is forgotten once its failures have left the window and its
 * ban has ended, and at most {@link Policy#maxTrackedAddresses()} are kept at once (Caffeine evicts
 * the least useful beyond that). Thread-safe.
 */
public final class LoginRateLimiter {
  private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);

  /**
   * @param maxFailures failed logins within the window that ban an address; 0 disables limiting
   * @param window how far back failures count
   * @param banDuration how long a banned address is refused
   * @param maxTrackedAddresses most addresses remembered at once
   */
  public record Policy(int maxFailures, Duration window, Duration banDuration, int maxTrackedAddresses) {
    public Policy {
      if (maxFailures < 0) {
        throw new IllegalArgumentException("maxFailures must be zero or positive");
      }
      if (maxFailures > 0) {
        requirePositive(window, "window");
        requirePositive(banDuration, "banDuration");
        if (maxTrackedAddresses < 1) {
          throw new IllegalArgumentException("maxTrackedAddresses must be at least 1");
        }
      }
    }

    /** 10 failures in 60 seconds ban an address for 5 minutes. */
    public static Policy defaults() {
      return new Policy(10, Duration.ofSeconds(60), Duration.ofMinutes(5), 100_000);
    }

    public boolean enabled() {
      return maxFailures > 0;
    }

    private static void requirePositive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
    }
  }

  private final Policy policy;
  private final Ticker ticker;
  private final Cache<InetAddress, AddressRecord> addresses;

  public LoginRateLimiter(Policy policy) {
    this(policy, Ticker.systemTicker());
  }

  /** Lets tests move time. */
  LoginRateLimiter(Policy policy, Ticker ticker) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.addresses =
        Caffeine.newBuilder()
            .ticker(ticker)
            .executor(Runnable::run) // eviction work stays on the login thread: tiny, and predictable
            .maximumSize(policy.enabled() ? policy.maxTrackedAddresses() : 0)
            .expireAfter(new UntilForgettable())
            .build();
  }

  /**
   * Refuses a banned address with FATAL 28000, the code PostgreSQL gives when its host-based rules
   * reject a client before authentication. A null address (not a network peer) is never limited.
   */
  public void checkAllowed(InetAddress address) {
    if (isBanned(address)) {
      throw PgException.fatal(
          SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "too many failed login attempts from host \"" + address.getHostAddress()
              + "\": try again later");
    }
  }

  /** Whether logins from this address are refused now. */
  public boolean isBanned(InetAddress address) {
    if (address == null || !policy.enabled()) {
      return false;
    }
    AddressRecord record = addresses.getIfPresent(address);
    return record != null && record.bannedAt(ticker.read());
  }

  /** Counts one failed login from this address, banning it when the limit is reached. */
  public void recordFailure(InetAddress address) {
    if (address == null || !policy.enabled()) {
      return;
    }
    long now = ticker.read();
    addresses.asMap().compute(address, (a, record) -> {
      AddressRecord r = record != null ? record : new AddressRecord(policy);
      if (r.recordFailure(now)) {
        log.warn("banning {} for {} after {} failed logins within {}", a.getHostAddress(),
            policy.banDuration(), policy.maxFailures(), policy.window());
      }
      return r; // compute() makes Caffeine recompute the entry's expiry
    });
  }

  /** Addresses banned now (a gauge for operators). */
  public long bannedAddresses() {
    long now = ticker.read();
    return addresses.asMap().values().stream().filter(r -> r.bannedAt(now)).count();
  }

  /** Addresses currently remembered (for tests). */
  long trackedAddresses() {
    addresses.cleanUp();
    return addresses.estimatedSize();
  }

  /** Forget an address once its ban is over and its last failure has left the window. */
  private static final class UntilForgettable implements Expiry<InetAddress, AddressRecord> {
    @Override
    public long expireAfterCreate(InetAddress key, AddressRecord value, long currentTime) {
      return value.nanosUntilForgettable(currentTime);
    }

    @Override
    public long expireAfterUpdate(
        InetAddress key, AddressRecord value, long currentTime, long currentDuration) {
      return value.nanosUntilForgettable(currentTime);
    }

    @Override
    public long expireAfterRead(
        InetAddress key, AddressRecord value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
