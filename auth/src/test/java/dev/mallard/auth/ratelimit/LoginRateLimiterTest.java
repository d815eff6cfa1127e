package dev.mallard.auth.ratelimit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.wire.error.PgException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final LoginRateLimiter limiter = limiter(3, 10);

  private LoginRateLimiter limiter(int maxFailures, int maxTracked) {
    return new LoginRateLimiter(
        new LoginRateLimiter.Policy(
            maxFailures, Duration.ofSeconds(60), Duration.ofMinutes(5), maxTracked),
        nanos::get);
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  private static InetAddress address(String text) throws Exception {
    return InetAddress.getByName(text);
  }

  @Test
  void bansAfterMaxFailuresWithinTheWindow() throws Exception {
    InetAddress a = address("192.0.2.1");
    limiter.recordFailure(a);
    limiter.recordFailure(a);
    assertFalse(limiter.isBanned(a));
    limiter.recordFailure(a);
    assertTrue(limiter.isBanned(a));
    PgException e = assertThrows(PgException.class, () -> limiter.checkAllowed(a));
    assertEquals("28000", e.sqlState());
    assertEquals(PgException.Severity.FATAL, e.severity());
    assertTrue(e.getMessage().contains("192.0.2.1"), e.getMessage());
  }

  @Test
  void otherAddressesAreNotAffected() throws Exception {
    InetAddress a = address("192.0.2.1");
    for (int i = 0; i < 3; i++) {
      limiter.recordFailure(a);
    }
    assertTrue(limiter.isBanned(a));
    assertEquals(1, limiter.bannedAddresses());
    limiter.recordFailure(address("192.0.2.2"));
    assertEquals(1, limiter.bannedAddresses());
    assertFalse(limiter.isBanned(address("192.0.2.2")));
    assertDoesNotThrow(() -> limiter.checkAllowed(address("2001:db8::1")));
  }

  @Test
  void theWindowSlides() throws Exception {
    InetAddress a = address("192.0.2.1");
    limiter.recordFailure(a);
    advance(Duration.ofSeconds(40));
    limiter.recordFailure(a);
    advance(Duration.ofSeconds(30)); // the first failure has left the 60 s window
    limiter.recordFailure(a);
    assertFalse(limiter.isBanned(a));
    advance(Duration.ofSeconds(10)); // the last three failures now span 40 s
    limiter.recordFailure(a);
    assertTrue(limiter.isBanned(a));
  }

  @Test
  void theBanEndsAfterItsDurationAndTheCountStartsAfresh() throws Exception {
    InetAddress a = address("192.0.2.1");
    for (int i = 0; i < 3; i++) {
      limiter.recordFailure(a);
    }
    advance(Duration.ofMinutes(5).minusSeconds(1));
    assertTrue(limiter.isBanned(a));
    advance(Duration.ofSeconds(1));
    assertFalse(limiter.isBanned(a));
    limiter.recordFailure(a);
    limiter.recordFailure(a);
    assertFalse(limiter.isBanned(a), "two failures after a ban are not three");
  }

  @Test
  void forgottenOnceNothingMatters() throws Exception {
    limiter.recordFailure(address("192.0.2.1"));
    assertEquals(1, limiter.trackedAddresses());
    advance(Duration.ofSeconds(61));
    assertEquals(0, limiter.trackedAddresses());
  }

  @Test
  void memoryIsBoundedByMaxTrackedAddresses() throws Exception {
    for (int i = 0; i < 1000; i++) {
      limiter.recordFailure(address("10.0." + (i / 256) + "." + (i % 256)));
    }
    assertTrue(limiter.trackedAddresses() <= 10, "tracked " + limiter.trackedAddresses());
  }

  @Test
  void zeroMaxFailuresDisablesLimiting() throws Exception {
    LoginRateLimiter off = limiter(0, 10);
    InetAddress a = address("192.0.2.1");
    for (int i = 0; i < 100; i++) {
      off.recordFailure(a);
    }
    assertFalse(off.isBanned(a));
    assertEquals(0, off.trackedAddresses());
  }

  @Test
  void noAddressIsNeverLimited() {
    limiter.recordFailure(null);
    assertDoesNotThrow(() -> limiter.checkAllowed(null));
  }

  @Test
  void policyRejectsNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> new LoginRateLimiter.Policy(-1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
    assertThrows(IllegalArgumentException.class,
        () -> new LoginRateLimiter.Policy(3, Duration.ZERO, Duration.ofSeconds(1), 1));
    assertThrows(IllegalArgumentException.class,
        () -> new LoginRateLimiter.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
  }
}
