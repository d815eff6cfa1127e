package dev.mallard.engine;

import dev.mallard.engine.copy.CopyStatement;
import dev.mallard.engine.databases.DatabaseStatement;
import dev.mallard.engine.roles.RoleStatement;
import dev.mallard.engine.sql.WritableCtes;
import dev.mallard.wire.types.PgType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A parsed-and-planned statement: DuckDB's prepared statement (absent for statements the session
 * runs itself, such as SET or BEGIN), the parameter types clients are told about, and the result
 * columns when DuckDB could determine them before execution.
 */
public final class PreparedQuery implements AutoCloseable {
  private final Statement statement;
  private final PreparedStatement duckdb;
  private final PgType[] parameterTypes;
  private final List<Column> columns;
  private final CopyStatement copy;
  private final String wrappedSql;
  private final RoleStatement role;
  private DatabaseStatement database;
  private boolean busy;
  /** For DECLARE ... CURSOR: the declaration and its query, prepared; otherwise null. */
  private CursorDeclaration declaration;
  private PreparedQuery cursorQuery;
  /** The statement as authorized (before rewriting), checked again at each execution; or null. */
  private Statement authorizedStatement;
  /** For a statement with data-modifying CTEs: the CTEs, each prepared, and Parse's types. */
  private WritableCtes writableCtes;
  private List<PreparedQuery> writableParts;
  private int[] writableDeclaredTypes;
  /** A part of a statement with data-modifying CTEs: takes the statement's parameters it uses. */
  private boolean writablePart;

  PreparedQuery(Statement statement, PreparedStatement duckdb, PgType[] parameterTypes,
      List<Column> columns, CopyStatement copy, String wrappedSql) {
    this(statement, duckdb, parameterTypes, columns, copy, wrappedSql, null);
  }

  private PreparedQuery(Statement statement, PreparedStatement duckdb, PgType[] parameterTypes,
      List<Column> columns, CopyStatement copy, String wrappedSql, RoleStatement role) {
    this.role = role;
    this.wrappedSql = wrappedSql;
    this.statement = statement;
    this.duckdb = duckdb;
    this.parameterTypes = parameterTypes;
    this.columns = columns;
    this.copy = copy;
  }

  /** A role statement, run against the system catalog when executed. */
  static PreparedQuery role(Statement statement, RoleStatement role) {
    return new PreparedQuery(statement, null, new PgType[0], List.of(), null, null, role);
  }

  /** A database statement, run against the tenants when executed. */
  static PreparedQuery database(Statement statement, DatabaseStatement database) {
    PreparedQuery p = new PreparedQuery(statement, null, new PgType[0], List.of(), null, null);
    p.database = database;
    return p;
  }

  /** The database statement this is, or null. */
  DatabaseStatement databaseStatement() {
    return database;
  }

  /** The role statement this is, or null. */
  RoleStatement roleStatement() {
    return role;
  }

  /** The SQL DuckDB runs: the statement, or the statement wrapped by {@link ExportProjection}. */
  String executableSql() {
    return wrappedSql != null ? wrappedSql : statement.sql();
  }

  boolean isWrapped() {
    return wrappedSql != null;
  }

  /**
   * A DECLARE ... CURSOR, which the session runs, with its query prepared in DuckDB: the
   * parameters clients bind are the query's.
   */
  static PreparedQuery declaration(Statement statement, CursorDeclaration declaration,
      PreparedQuery query) {
    PreparedQuery p = new PreparedQuery(statement, null, query.parameterTypes, List.of(), null, null);
    p.declaration = declaration;
    p.cursorQuery = query;
    return p;
  }

  /**
   * A statement with data-modifying CTEs ({@link WritableCteQueries}): described as {@code probe}
   * (the statement with the CTEs' bodies empty), run part by part.
   */
  static PreparedQuery writable(Statement statement, PreparedQuery probe,
      List<PreparedQuery> parts, WritableCtes ctes, int[] declaredTypes) {
    PreparedQuery p = new PreparedQuery(statement, probe.duckdb(),
        WritableCteQueries.parameterTypes(probe, parts), probe.columns(), null, null);
    p.writableCtes = ctes;
    p.writableParts = List.copyOf(parts);
    p.writableDeclaredTypes = declaredTypes.clone();
        return p;
  }

  PreparedQuery asWritablePart() {
    writablePart = true;
    return this;
  }

  boolean writablePart() {
    return writablePart;
  }

  WritableCtes writableCtes() {
    return writableCtes;
  }

  List<PreparedQuery> writableParts() {
    return writableParts;
  }

  int[] writableDeclaredTypes() {
    return writableDeclaredTypes.clone();
  }

  /** Remembers the statement (as written) the session's role was authorized to run. */
  PreparedQuery authorizedAs(Statement original) {
    this.authorizedStatement = original;
    return this;
  }

  Statement authorizedStatement() {
    return authorizedStatement;
  }

  /** The SQL as the client wrote it, which {@link EngineSession#prepare} takes again. */
  public String sourceSql() {
    return authorizedStatement != null ? authorizedStatement.sql() : statement.sql();
  }

  /** The cursor a DECLARE statement declares, or null for other statements. */
  public CursorDeclaration declaration() {
    return declaration;
  }

  /** The prepared query of a DECLARE statement, or null for other statements. */
  public PreparedQuery cursorQuery() {
    return cursorQuery;
  }

  /** The COPY FROM STDIN / TO STDOUT this statement is, or null. */
  public CopyStatement copy() {
    return copy;
  }

  public Statement statement() {
    return statement;
  }

  public PgType[] parameterTypes() {
    return parameterTypes.clone();
  }

  public int parameterCount() {
    return parameterTypes.length;
  }

  /**
   * Result columns; empty when the statement returns no rows, null when they depend on the types
   * of the bound parameters.
   */
  public List<Column> columns() {
    return columns;
  }

  /** True for statements run by the session rather than by DuckDB. */
  public boolean isSessionCommand() {
    return duckdb == null && role == null && database == null;
  }

  PreparedStatement duckdb() {
    return duckdb;
  }

  boolean busy() {
    return busy;
  }

  void busy(boolean value) {
    busy = value;
  }

  @Override
  public void close() {
    if (cursorQuery != null) {
      cursorQuery.close();
    }
    if (writableParts != null) {
      writableParts.forEach(PreparedQuery::close);
    }
    if (duckdb != null) {
      try {
        duckdb.close();
      } catch (SQLException e) {
        // closing a prepared statement cannot meaningfully fail for the client
      }
    }
  }
}
