package dev.mallard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VolatilityTest {
  @Test
  void findsVolatileCallsAndClockKeywords() {
    assertEquals("now", Volatility.volatileCall("INSERT INTO t VALUES (NOW ())"));
    assertEquals("nextval", Volatility.volatileCall("insert into t values (nextval('s'))"));
    assertEquals("current_timestamp",
        Volatility.volatileCall("UPDATE t SET at = CURRENT_TIMESTAMP"));
    assertEquals("gen_random_uuid", Volatility.volatileCall("select gen_random_uuid()"));
  }

  @Test
  void leavesDeterministicStatementsAlone() {
    assertNull(Volatility.volatileCall("INSERT INTO t (now_col, randomness) VALUES (1, 2)"));
    assertNull(Volatility.volatileCall("UPDATE t SET v = lower(v) WHERE id = $1"));
  }

  @Test
  void wordsAreLowerCaseNames() {
    assertTrue(Volatility.words("INSERT INTO Public.Orders VALUES (1)").contains("orders"));
    assertTrue(Volatility.words("INSERT INTO \"events\" VALUES (1)").contains("events"));
  }
}
