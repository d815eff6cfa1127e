package dev.mallard.server.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every supported type goes in as a parameter and comes back as a value, with pgjdbc's binary
 * transfer on and off; NULL of each type comes back as NULL with the right type name.
 */
class TypeRoundTripTest extends SharedServerTest {
  static final String BINARY = "sslmode=disable&prepareThreshold=-1&binaryTransfer=true";
  static final String TEXT = "sslmode=disable&prepareThreshold=0&binaryTransfer=false";

  @ParameterizedTest
  @ValueSource(strings = {BINARY, TEXT})
  void scalarsRoundTrip(String mode) throws SQLException {
    try (Connection c = server.connect(mode)) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ?::BOOLEAN, ?::SMALLINT, ?::INTEGER, ?::BIGINT, ?::REAL, ?::DOUBLE, ?::DECIMAL(12,3), ?::VARCHAR")) {
        ps.setBoolean(1, true);
        ps.setShort(2, (short) -32768);
        ps.setInt(3, 2147483647);
        ps.setLong(4, -9223372036854775807L);
        ps.setFloat(5, 1.25f);
        ps.setDouble(6, 0.1);
        ps.setBigDecimal(7, new BigDecimal("-123456789.125"));
        ps.setString(8, "ünïcødé 🦆");
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(true, rs.getBoolean(1));
          assertEquals(-32768, rs.getShort(2));
          assertEquals(2147483647, rs.getInt(3));
          assertEquals(-9223372036854775807L, rs.getLong(4));
          assertEquals(1.25f, rs.getFloat(5));
          assertEquals(0.1, rs.getDouble(6));
          assertEquals(new BigDecimal("-123456789.125"), rs.getBigDecimal(7));
          assertEquals("ünïcødé 🦆", rs.getString(8));
          assertEquals("bool", rs.getMetaData().getColumnTypeName(1));
          assertEquals("int2", rs.getMetaData().getColumnTypeName(2));
          assertEquals("float4", rs.getMetaData().getColumnTypeName(5));
          assertEquals("float8", rs.getMetaData().getColumnTypeName(6));
          assertEquals(12, rs.getMetaData().getPrecision(7));
          assertEquals(3, rs.getMetaData().getScale(7));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {BINARY, TEXT})
  void temporalValuesRoundTrip(String mode) throws SQLException {
    try (Connection c = server.connect(mode)) {
      try (Statement s = c.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ?::DATE, ?::TIME, ?::TIMESTAMP, ?::TIMESTAMPTZ, ?::INTERVAL")) {
        ps.setObject(1, LocalDate.of(2024, 2, 29));
        ps.setObject(2, LocalTime.of(23, 59, 58, 123456000));
        ps.setObject(3, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999999000));
        ps.setObject(4, OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)));
        // pgjdbc looks interval up in pg_type for PGInterval; the text form needs no catalog
        ps.setObject(5, "1 year 2 mons 3 days 04:05:06.5", java.sql.Types.OTHER);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(1, LocalDate.class));
          assertEquals(LocalTime.of(23, 59, 58, 123456000), rs.getObject(2, LocalTime.class));
          assertEquals(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999999000), rs.getObject(3, LocalDateTime.class));
          assertEquals(OffsetDateTime.of(2024, 1, 2, 1, 4, 5, 0, ZoneOffset.UTC), rs.getObject(4, OffsetDateTime.class));
          assertEquals("1 year 2 mons 3 days 04:05:06.5", rs.getString(5));
          assertEquals("timestamptz", rs.getMetaData().getColumnTypeName(4));
          assertEquals("interval", rs.getMetaData().getColumnTypeName(5));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {BINARY, TEXT})
  void uuidJsonByteaAndArraysRoundTrip(String mode) throws SQLException {
    UUID id = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    try (Connection c = server.connect(mode)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT ?::UUID, ?::JSON, ?::BLOB, ?::INTEGER[], ?::VARCHAR[]")) {
        ps.setObject(1, id);
        ps.setString(2, "{\"k\": [1, 2]}");
        ps.setBytes(3, new byte[] {0, 1, (byte) 0xfe});
        ps.setArray(4, c.createArrayOf("int4", new Integer[] {1, null, 3}));
        ps.setArray(5, c.createArrayOf("text", new String[] {"a b", "q\"uote", null}));
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(id, rs.getObject(1));
          assertEquals("{\"k\": [1, 2]}", rs.getString(2));
          assertArrayEquals(new byte[] {0, 1, (byte) 0xfe}, rs.getBytes(3));
          Array ints = rs.getArray(4);
          assertArrayEquals(new Integer[] {1, null, 3}, (Object[]) ints.getArray());
          Array texts = rs.getArray(5);
          assertArrayEquals(new String[] {"a b", "q\"uote", null}, (Object[]) texts.getArray());
          assertEquals("uuid", rs.getMetaData().getColumnTypeName(1));
          assertEquals("json", rs.getMetaData().getColumnTypeName(2));
          assertEquals("bytea", rs.getMetaData().getColumnTypeName(3));
          assertEquals("_int4", rs.getMetaData().getColumnTypeName(4));
          assertEquals("_text", rs.getMetaData().getColumnTypeName(5));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {BINARY, TEXT})
  void nullOfEveryTypeIsNull(String mode) throws SQLException {
    String[][] types = {
        {"BOOLEAN", "bool"}, {"SMALLINT", "int2"}, {"INTEGER", "int4"}, {"BIGINT", "int8"},
        {"REAL", "float4"}, {"DOUBLE", "float8"}, {"DECIMAL(10,2)", "numeric"}, {"VARCHAR", "text"},
        {"BLOB", "bytea"}, {"DATE", "date"}, {"TIME", "time"}, {"TIMETZ", "timetz"},
        {"TIMESTAMP", "timestamp"}, {"TIMESTAMPTZ", "timestamptz"}, {"INTERVAL", "interval"},
        {"UUID", "uuid"}, {"JSON", "json"}, {"INTEGER[]", "_int4"}, {"VARCHAR[]", "_text"}};
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < types.length; i++) {
      sql.append(i == 0 ? "" : ", ").append("NULL::").append(types[i][0]);
    }
    try (Connection c = server.connect(mode); PreparedStatement ps = c.prepareStatement(sql.toString());
        ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next());
      for (int i = 0; i < types.length; i++) {
        assertNull(rs.getObject(i + 1), types[i][0]);
        assertTrue(rs.wasNull());
        assertEquals(types[i][1], rs.getMetaData().getColumnTypeName(i + 1), types[i][0]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {BINARY, TEXT})
  void timetzKeepsItsOffset(String mode) throws SQLException {
    try (Connection c = server.connect(mode); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT '12:34:56+05:30'::TIMETZ AS t")) {
      assertTrue(rs.next());
      assertEquals("timetz", rs.getMetaData().getColumnTypeName(1));
      OffsetTime t = rs.getObject(1, OffsetTime.class);
      assertEquals(OffsetTime.of(7, 4, 56, 0, ZoneOffset.UTC), t.withOffsetSameInstant(ZoneOffset.UTC));
      if (mode.equals(TEXT)) {
        assertEquals("12:34:56+05:30", rs.getString(1));
      }
    }
  }
}
