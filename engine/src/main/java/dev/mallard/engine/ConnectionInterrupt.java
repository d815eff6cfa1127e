package dev.mallard.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * Interrupts a DuckDB connection. The driver's Statement.cancel() only acts while execute() runs,
 * but a streamed result does its work while batches are fetched. Underneath, cancel() takes the
 * connection's reference lock and calls DuckDBConnection.interrupt(); both are package-private in
 * the driver, so they are reached here the same way (checked by the cancel tests against the
 * pinned driver version).
 */
final class ConnectionInterrupt {
  private static final MethodHandle INTERRUPT;
  private static final MethodHandle LOCK;

  static {
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.privateLookupIn(DuckDBConnection.class, MethodHandles.lookup());
      INTERRUPT = lookup.findVirtual(
          DuckDBConnection.class, "interrupt", MethodType.methodType(void.class));
      LOCK = lookup.findGetter(DuckDBConnection.class, "connRefLock", ReentrantLock.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private ConnectionInterrupt() {}

  /** Interrupts the running query or fetch, if any; a closed connection has nothing to stop. */
  static void interrupt(DuckDBConnection connection) {
    try {
      ReentrantLock lock = (ReentrantLock) LOCK.invokeExact(connection);
      lock.lock();
      try {
        INTERRUPT.invokeExact(connection);
      } finally {
        lock.unlock();
      }
    } catch (SQLException e) {
      // the connection is closed: nothing runs on it any more
    } catch (Throwable e) {
      throw new IllegalStateException("DuckDB driver without a usable interrupt", e);
    }
  }
}
