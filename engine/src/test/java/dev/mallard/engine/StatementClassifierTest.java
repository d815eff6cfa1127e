package dev.mallard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kinds and command tags. The expected tags are what PostgreSQL 15.18 sent in CommandComplete for
 * the same statements (checked with a raw protocol client against a scratch server).
 */
class StatementClassifierTest {

  private static String tag(String sql, long rows) {
    return StatementClassifier.classify(sql).commandTag(rows);
  }

  private static StatementKind kind(String sql) {
    return StatementClassifier.classify(sql).kind();
  }

  @Test
  void queries() {
    assertEquals("SELECT 2", tag("SELECT * FROM t", 2));
    assertEquals("SELECT 0", tag("select 1 where false", 0));
    assertEquals("SELECT 2", tag("VALUES (1),(2)", 2));
    assertEquals("SELECT 1", tag("TABLE t", 1));
    assertEquals("SELECT 1", tag("(SELECT 1)", 1));
    assertEquals("SELECT 2", tag("SELECT 1 UNION SELECT 2", 2));
    assertEquals("SELECT 1", tag("SELECT 1 INTO t7", 1));
    assertEquals("SELECT 1", tag("WITH x AS (SELECT 1) SELECT * FROM x", 1));
    assertEquals(StatementKind.QUERY, kind("/* hint */ -- line\n SELECT 1"));
  }

  @Test
  void explainHasItsOwnTag() {
    assertEquals("EXPLAIN", tag("EXPLAIN SELECT 1", 1));
    assertEquals("EXPLAIN", tag("explain analyze SELECT 1", 3));
  }

  @Test
  void dml() {
    assertEquals("INSERT 0 2", tag("INSERT INTO t VALUES (1,'x'),(2,'y')", 2));
    assertEquals("UPDATE 2", tag("UPDATE t SET b='z'", 2));
    assertEquals("DELETE 1", tag("DELETE FROM t WHERE a=1", 1));
    assertEquals("DELETE 0", tag("delete from t", 0));
    assertEquals(StatementKind.INSERT, kind("insert into t select 1"));
  }

  @Test
  void dmlBehindACommonTableExpression() {
    assertEquals("INSERT 0 1", tag("WITH x AS (SELECT 1) INSERT INTO t(a) SELECT 9 FROM x", 1));
    assertEquals("UPDATE 4",
        tag("WITH RECURSIVE a(n) AS (SELECT 1), b AS MATERIALIZED (SELECT 2) UPDATE t SET a = 1", 4));
    assertEquals("DELETE 3", tag("with \"select\" as (select 1) delete from t", 3));
    assertEquals(StatementKind.QUERY,
        kind("WITH ins AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM ins"));
  }

  @Test
  void createTable() {
    assertEquals("CREATE TABLE", tag("CREATE TABLE t (a int primary key, b text)", 0));
    assertEquals("CREATE TABLE", tag("CREATE TEMP TABLE tt (a int)", 0));
    assertEquals("CREATE TABLE", tag("create table if not exists t (a int)", 0));
    // AS inside the column list belongs to a generated column, not to CREATE TABLE AS.
    assertEquals("CREATE TABLE", tag("CREATE TABLE t5 (x int GENERATED ALWAYS AS (1) STORED)", 0));
    assertEquals("CREATE TABLE", tag("CREATE TABLE t5 (x int, y int AS (x + 1))", 0));
  }

  @Test
  void createTableAsReportsRows() {
    assertEquals("SELECT 1", tag("CREATE TABLE t2 AS SELECT * FROM t", 1));
    assertEquals("SELECT 2", tag("CREATE TABLE public.t3 AS SELECT 1 UNION SELECT 2", 2));
    assertEquals("SELECT 1", tag("CREATE TABLE \"T4\" AS SELECT 1", 1));
    assertEquals("SELECT 3", tag("CREATE TABLE t6 (a, b) AS VALUES (1,2),(3,4),(5,6)", 3));
    assertEquals("SELECT 1", tag("CREATE UNLOGGED TABLE t10 AS SELECT 1", 1));
    assertEquals("SELECT 1", tag("CREATE TABLE t9 AS TABLE t", 1));
    assertEquals("SELECT 5", tag("CREATE OR REPLACE TEMP TABLE x AS SELECT * FROM range(5)", 5));
    assertEquals("SELECT 1", tag("CREATE MATERIALIZED VIEW mv AS SELECT 1", 1));
  }

  @Test
  void otherDdl() {
    assertEquals("CREATE VIEW", tag("CREATE OR REPLACE VIEW v AS SELECT * FROM t", 0));
    assertEquals("CREATE VIEW", tag("CREATE VIEW v AS SELECT 1", 0));
    assertEquals("CREATE INDEX", tag("CREATE UNIQUE INDEX i ON t(b)", 0));
    assertEquals("CREATE SCHEMA", tag("CREATE SCHEMA s", 0));
    assertEquals("CREATE SEQUENCE", tag("CREATE SEQUENCE sq", 0));
    assertEquals("CREATE FUNCTION",
        tag("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'", 0));
    assertEquals("DROP TABLE", tag("DROP TABLE t2", 0));
    assertEquals("DROP TABLE", tag("DROP TABLE IF EXISTS nope", 0));
    assertEquals("DROP VIEW", tag("DROP VIEW v", 0));
    assertEquals("ALTER TABLE", tag("ALTER TABLE t ADD COLUMN c int", 0));
    assertEquals("COMMENT", tag("COMMENT ON TABLE t IS 'x'", 0));
    assertEquals(StatementKind.DDL, kind("comment on column t.a is 'x'"));
  }

  @Test
  void truncate() {
    assertEquals("TRUNCATE TABLE", tag("TRUNCATE t", 0));
    assertEquals("TRUNCATE TABLE", tag("TRUNCATE TABLE t", 0));
    assertEquals(StatementKind.TRUNCATE, kind("truncate t"));
  }

  @Test
  void transactionControl() {
    assertEquals("BEGIN", tag("BEGIN", 0));
    assertEquals("BEGIN", tag("begin transaction isolation level serializable", 0));
    assertEquals("START TRANSACTION", tag("START TRANSACTION", 0));
    assertEquals(StatementKind.BEGIN, kind("START TRANSACTION READ ONLY"));
    assertEquals("COMMIT", tag("COMMIT", 0));
    assertEquals("COMMIT", tag("END", 0));
    assertEquals(StatementKind.COMMIT, kind("end transaction"));
    assertEquals("ROLLBACK", tag("ROLLBACK", 0));
    assertEquals("ROLLBACK", tag("ABORT", 0));
    assertEquals(StatementKind.ROLLBACK, kind("abort work"));
  }

  @Test
  void savepointsAndPreparedTransactions() {
    assertEquals(StatementKind.SAVEPOINT, kind("SAVEPOINT s1"));
    assertEquals(StatementKind.RELEASE_SAVEPOINT, kind("RELEASE SAVEPOINT s1"));
    assertEquals(StatementKind.ROLLBACK_TO_SAVEPOINT, kind("ROLLBACK TO SAVEPOINT s1"));
    assertEquals(StatementKind.ROLLBACK_TO_SAVEPOINT, kind("rollback to s1"));
    assertEquals(StatementKind.PREPARE_TRANSACTION, kind("PREPARE TRANSACTION 'x'"));
    assertEquals(StatementKind.PREPARE_TRANSACTION, kind("COMMIT PREPARED 'x'"));
    assertEquals(StatementKind.PREPARE_TRANSACTION, kind("ROLLBACK PREPARED 'x'"));
    assertEquals(StatementKind.OTHER, kind("PREPARE p AS SELECT 1"));
    assertEquals("SAVEPOINT", tag("SAVEPOINT s1", 0));
    assertEquals("RELEASE", tag("RELEASE SAVEPOINT s1", 0));
    assertEquals("ROLLBACK", tag("ROLLBACK TO SAVEPOINT s1", 0));
  }

  @Test
  void cursors() {
    assertEquals(StatementKind.DECLARE_CURSOR, kind("DECLARE c CURSOR FOR SELECT 1"));
    assertEquals("DECLARE CURSOR", tag("declare c binary cursor with hold for select 1", 0));
    assertEquals("FETCH 3", tag("FETCH 3 FROM c", 3));
    assertEquals("FETCH 0", tag("fetch all in c", 0));
    assertEquals("MOVE 7", tag("MOVE FORWARD 7 IN c", 7));
    assertEquals("CLOSE CURSOR", tag("CLOSE c", 0));
    assertEquals("CLOSE CURSOR ALL", tag("CLOSE ALL", 0));
  }

  @Test
  void sessionCommands() {
    assertEquals(StatementKind.SET, kind("SET search_path TO a"));
    assertEquals("SET", tag("set x = 1", 0));
    assertEquals(StatementKind.SHOW, kind("SHOW TIME ZONE"));
    assertEquals("SHOW", tag("SHOW TIME ZONE", 1));
    assertEquals(StatementKind.RESET, kind("RESET ALL"));
    assertEquals("RESET", tag("RESET ALL", 0));
    assertEquals(StatementKind.DISCARD, kind("DISCARD ALL"));
    assertEquals(StatementKind.COPY, kind("COPY t FROM STDIN"));
    assertEquals("COPY 7", tag("COPY t FROM STDIN", 7));
  }

  @Test
  void duckDbStatementsAreQueriesOrOther() {
    assertEquals("SELECT 3", tag("FROM t", 3));
    assertEquals(StatementKind.QUERY, kind("DESCRIBE t"));
    assertEquals(StatementKind.QUERY, kind("SUMMARIZE t"));
    assertEquals(StatementKind.OTHER, kind("ATTACH 'x.db'"));
    assertEquals("ATTACH", tag("ATTACH 'x.db'", 0));
    assertEquals("CHECKPOINT", tag("checkpoint", 0));
  }

  @Test
  void leadingWordsSkipCommentsAndParentheses() {
    assertEquals(List.of("SELECT", "A", "FROM", "T"),
        StatementClassifier.leadingWords("/* x */ (( -- y\n select a from t))"));
    assertEquals(List.of(), StatementClassifier.leadingWords(""));
  }
}
