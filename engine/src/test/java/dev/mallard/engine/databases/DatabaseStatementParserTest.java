package dev.mallard.engine.databases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.engine.StatementClassifier;
import dev.mallard.engine.StatementKind;
import dev.mallard.wire.error.PgException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseStatementParserTest {
  private static DatabaseStatement parse(String sql) {
    return DatabaseStatementParser.parse(sql);
  }

  private static String error(String sql) {
    return assertThrows(PgException.class, () -> parse(sql)).sqlState();
  }

  @Test
  void classifiedAndTaggedAsDatabaseStatements() {
    assertEquals(StatementKind.DATABASE, StatementClassifier.classify("create database x").kind());
    assertEquals("DROP DATABASE", StatementClassifier.classify("DROP DATABASE x").commandTag(0));
    assertEquals("ALTER DATABASE",
        StatementClassifier.classify("alter database x set threads = 1").commandTag(0));
    assertEquals(StatementKind.DDL, StatementClassifier.classify("CREATE TABLE database (i int)").kind());
  }

  @Test
  void createWithPostgresAndMallardOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("owner", "alice");
    options.put("connection_limit", "-1");
    options.put("encoding", "UTF8");
    options.put("type", "ducklake");
    options.put("metadata", "postgres:dbname=meta host=pg");
    options.put("data_path", "s3://b/p");
    options.put("template", null);
    assertEquals(new DatabaseStatement.Create("Sales", options), parse("CREATE DATABASE \"Sales\""
        + " WITH OWNER = alice CONNECTION LIMIT = -1 ENCODING 'UTF8' TYPE ducklake"
        + " METADATA = 'postgres:dbname=meta host=pg' DATA_PATH 's3://b/p' TEMPLATE DEFAULT;"));
    assertEquals(new DatabaseStatement.Create("plain", Map.of()), parse("create database Plain"));
  }

  @Test
  void dropAndAlterForms() {
    assertEquals(new DatabaseStatement.Drop("x", true), parse("DROP DATABASE IF EXISTS x"));
    assertEquals(new DatabaseStatement.Rename("x", "y"), parse("ALTER DATABASE x RENAME TO y"));
    assertEquals(new DatabaseStatement.Owner("x", "bob"), parse("ALTER DATABASE x OWNER TO bob"));
    assertEquals(new DatabaseStatement.Owner("x", null),
        parse("ALTER DATABASE x OWNER TO CURRENT_USER"));
    assertEquals(new DatabaseStatement.Set("x", "statement_timeout", "5s"),
        parse("ALTER DATABASE x SET statement_timeout TO '5s'"));
    assertEquals(new DatabaseStatement.Set("x", "threads", null),
        parse("ALTER DATABASE x SET threads = DEFAULT"));
    assertEquals(new DatabaseStatement.Set("x", "memory_limit", null),
        parse("ALTER DATABASE x RESET memory_limit"));
    assertEquals(new DatabaseStatement.Set("x", null, null), parse("ALTER DATABASE x RESET ALL"));
    assertEquals(new DatabaseStatement.Alter("x", Map.of("connection_limit", "3")),
        parse("ALTER DATABASE x WITH CONNECTION LIMIT 3"));
  }

  @Test
  void errorsArePostgresOnes() {
    assertEquals("42601", error("CREATE DATABASE"));
    assertEquals("42601", error("CREATE DATABASE x OWNER"));
    assertEquals("42601", error("CREATE DATABASE x CONNECTION LIMIT 1 connection limit 2"));
    assertEquals("42601", error("ALTER DATABASE x"));
    assertEquals("42601", error("ALTER DATABASE x SET threads 4"));
    assertEquals("42601", error("DROP DATABASE x y"));
    assertEquals("0A000", error("DROP DATABASE x WITH (FORCE)"));
    assertEquals("0A000", error("ALTER DATABASE x SET TABLESPACE t"));
    assertEquals("22023", error("ALTER DATABASE x SET search_path = a, b"));
    PgException e = assertThrows(PgException.class, () -> parse("ALTER DATABASE x RENAME y"));
    assertEquals("syntax error at or near \"y\"", e.getMessage());
    assertEquals(25, e.position());
  }
}
