package dev.mallard.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class whose tests share one {@link TestServer} with default settings, started before
 * the first test and closed after the last. Test classes run one after another, so the static
 * field belongs to one class at a time.
 */
abstract class SharedServerTest {
  static TestServer server;

  @BeforeAll
  static void startSharedServer() {
    server = TestServer.start();
  }

  @AfterAll
  static void stopSharedServer() {
    server.close();
  }
}
