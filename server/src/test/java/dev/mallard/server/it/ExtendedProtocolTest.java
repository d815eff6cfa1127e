package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extended-protocol details: untyped parameters, suspended portals, notices, version parsing. */
class ExtendedProtocolTest extends SharedServerTest {
  @ParameterizedTest
  @ValueSource(strings = {"sslmode=disable&prepareThreshold=-1&binaryTransfer=true",
      "sslmode=disable&prepareThreshold=1&binaryTransfer=false"})
  void untypedParametersTakeTheBoundType(String mode) throws SQLException {
    try (Connection c = server.connect(mode); PreparedStatement ps = c.prepareStatement("SELECT ? AS v, 1 + ? AS w")) {
      for (int i = 0; i < 3; i++) {
        ps.setInt(1, 41 + i);
        ps.setInt(2, 10);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(41 + i, rs.getInt(1));
          assertEquals(11, rs.getInt(2));
        }
      }
      ps.setString(1, "text value");
      ps.setInt(2, 1);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("text value", rs.getString(1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sslmode=disable&binaryTransfer=true", "sslmode=disable&binaryTransfer=false"})
  void twoSuspendedPortalsInterleave(String mode) throws SQLException {
    try (Connection c = server.connect(mode)) {
      c.setAutoCommit(false);
      try (Statement a = c.createStatement(); Statement b = c.createStatement()) {
        a.setFetchSize(10);
        b.setFetchSize(7);
        try (ResultSet ra = a.executeQuery("SELECT range AS i FROM range(100000)");
            ResultSet rb = b.executeQuery("SELECT range * 2 AS j FROM range(50000)")) {
          long sumA = 0;
          long sumB = 0;
          int rows = 0;
          while (ra.next()) {
            sumA += ra.getLong(1);
            if (rb.next()) {
              sumB += rb.getLong(1);
            }
            rows++;
          }
          assertFalse(rb.next());
          assertEquals(100000, rows);
          assertEquals(99999L * 100000 / 2, sumA);
          assertEquals(49999L * 50000, sumB);
        }
      }
      c.commit();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sslmode=disable&binaryTransfer=false"})
  void laterFetchesFollowSettingsChangedBetweenThem(String mode) throws SQLException {
    try (Connection c = server.connect(mode)) {
      c.setAutoCommit(false);
      try (Statement a = c.createStatement(); Statement b = c.createStatement()) {
        b.execute("SET TimeZone = 'UTC'");
        a.setFetchSize(10);
        try (ResultSet rs = a.executeQuery(
            "SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' + range * INTERVAL 1 HOUR FROM range(30)")) {
          for (int i = 0; i < 10; i++) {
            assertTrue(rs.next());
          }
          assertEquals("2024-01-01 09:00:00+00", rs.getString(1));
          // The next ten rows may already have been encoded ahead: they must follow the new zone.
          b.execute("SET TimeZone = 'Asia/Tokyo'");
          assertTrue(rs.next());
          assertEquals("2024-01-01 19:00:00+09", rs.getString(1));
          int rest = 1;
          while (rs.next()) {
            rest++;
          }
          assertEquals(20, rest);
        }
      }
      c.commit();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sslmode=disable"})
  void suspendedPortalInAFailedTransactionIsRefused(String mode) throws SQLException {
    try (Connection c = server.connect(mode)) {
      c.setAutoCommit(false);
      try (Statement a = c.createStatement(); Statement b = c.createStatement()) {
        a.setFetchSize(10);
        ResultSet rs = a.executeQuery("SELECT range FROM range(100)");
        for (int i = 0; i < 10; i++) {
          assertTrue(rs.next());
        }
        assertEquals("42P01", JdbcBasicsTest.state(b, "SELECT * FROM missing_table"));
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> {
          while (rs.next()) {
            // the next fetch goes to the server
          }
        });
        assertEquals("25P02", e.getSQLState());
      }
      c.rollback();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sslmode=disable"})
  void warningsArriveAsNotices(String mode) throws SQLException {
    try (Connection c = server.connect(mode); Statement s = c.createStatement()) {
      s.execute("COMMIT");
      SQLWarning w = s.getWarnings();
      assertNotNull(w);
      assertEquals("25P01", w.getSQLState());
      assertTrue(w.getMessage().contains("there is no transaction in progress"), w.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sslmode=disable"})
  void driverReadsServerVersionAndSettings(String mode) throws SQLException {
    try (Connection c = server.connect(mode + "&ApplicationName=itest&options=-c%20statement_timeout=5s")) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(16, md.getDatabaseMajorVersion());
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
        assertTrue(rs.next());
        assertEquals("5s", rs.getString(1));
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW application_name")) {
        assertTrue(rs.next());
        assertEquals("itest", rs.getString(1));
      }
    }
  }
}
