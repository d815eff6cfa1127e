package dev.mallard.engine;

import dev.mallard.catalog.Tenant;
import dev.mallard.catalog.pg.PgCatalog;
import dev.mallard.engine.copy.CopySink;
import dev.mallard.engine.analysis.StatementAnalyzer;
import dev.mallard.engine.authz.Authorization;
import dev.mallard.engine.authz.Authorizer;
import dev.mallard.catalog.system.PrivilegeObject;
import dev.mallard.engine.copy.CopyStatement;
import dev.mallard.engine.databases.DatabaseCommands;
import dev.mallard.engine.roles.RoleCommands;
import dev.mallard.engine.sql.RewriteContext;
import dev.mallard.engine.sql.SessionMacros;
import dev.mallard.engine.sql.SqlLexer;
import dev.mallard.engine.sql.SqlRewriter;
import dev.mallard.engine.sql.WritableCtes;
import dev.mallard.engine.sql.Token;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.types.DuckDbTypeMapping;
import dev.mallard.wire.types.ParameterDecoder;
import dev.mallard.wire.types.PgType;
import dev.mallard.wire.types.PgTypes;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.duckdb.DuckDBResultSetMetaData;
import org.duckdb.StatementReturnType;

/**
 * One client session's view of the engine: its own DuckDB connection to the tenant, preparing and
 * running statements and handing results back as Arrow batches. Used by one thread at a time,
 * except {@link #cancel()}, which may come from any thread.
 */
public final class EngineSession implements AutoCloseable {
  /** Rows per Arrow batch: DuckDB's vector size, so each batch is one DuckDB chunk. */
  static final int BATCH_ROWS = 8192;

  private final Tenant tenant;
  private final DuckDBConnection connection;
  private final BufferAllocator allocator;
  private long functionsId;
  /** Results still streaming from this connection; see {@link #claimConnection()}. */
  private final java.util.Set<ResultCursor> openCursors =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private volatile boolean closed;
  private final SqlRewriter rewriter = SqlRewriter.standard();
  private final StatementAnalyzer analyzer;
  /** OID of the session's role, for role statements; -1 without a system catalog. */
  private final int roleOid;
  private final RoleCommands roles;
  private final DatabaseCommands databases;
  private final SessionAuthorization authorization;
  /** DuckDB's schema search path as last set (DuckDB names: public is main). */
  private volatile List<String> searchPath = List.of("main");

  /**
   * @param roles runs role statements; null when roles are fixed (no system catalog)
   * @param databases runs database statements; null without a system catalog
   */
  EngineSession(Tenant tenant, BufferAllocator allocator, StatementAnalyzer analyzer, String user,
      RoleCommands roles, DatabaseCommands databases) {
    this.roleOid = roles == null ? -1 : roles.oidOf(user);
    this.roles = roles;
    this.databases = databases;
    this.analyzer = analyzer;
    this.tenant = tenant;
    this.allocator = allocator;
    this.connection = tenant.connect();
    this.authorization = new SessionAuthorization(roles == null ? null
        : new Authorizer(roles.catalog(), roleOid, tenant, connection, () -> searchPath),
        analyzer, connection);
    try (java.sql.Statement s = connection.createStatement()) {
      PgFunctions.install(tenant, connection);
      for (String sql : SessionMacros.statements()) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      closeQuietly(connection);
      allocator.close();
      tenant.release();
      throw DuckDbErrors.translate(e, null);
    }
  }

  private RewriteContext rewriteContext() {
    return new RewriteContext(tenant.pgCatalog(), new SessionRelations(connection));
  }

  public Tenant tenant() {
    return tenant;
  }

  /**
   * Prepares one statement. {@code declaredTypes} are the OIDs from Parse (0 = unspecified); the
   * result has one type per parameter the statement uses.
   */
  public PreparedQuery prepare(String sql, int[] declaredTypes) {
    Statement statement = StatementClassifier.classify(sql);
    Statement original = statement;
    if (statement.kind() == StatementKind.ROLE) {
      return RoleStatements.prepare(statement, roles);
    }
    if (statement.kind() == StatementKind.DATABASE) {
      return DatabaseStatements.prepare(statement, databases);
    }
    if (!statement.words().isEmpty() && statement.words().get(0).equals("WITH")) {
      WritableCtes ctes = WritableCtes.of(sql);
      if (ctes != null) {
        return WritableCteQueries.prepare(this, statement, ctes, declaredTypes);
      }
    }
    if (!isSessionCommand(statement.kind())) {
      claimConnection(); // authorization may look names up in DuckDB; FETCH must not end a cursor
    }
    authorization.check(statement); // again at execution, which records what it creates
    if (!isSessionCommand(statement.kind()) && statement.kind() != StatementKind.COPY) {
      statement = new Statement(rewriter.rewrite(sql, rewriteContext()), statement.kind(),
          statement.words());
      sql = statement.sql();
    }
    if (statement.kind() == StatementKind.DECLARE_CURSOR) {
      return prepareDeclaration(statement, declaredTypes);
    }
    if (isSessionCommand(statement.kind())) {
      return new PreparedQuery(statement, null, new PgType[0], List.of(), null, null);
    }
    if (statement.kind() == StatementKind.COPY) {
      Optional<CopyStatement> copy = CopyStatement.parseStdio(sql);
      if (copy.isPresent()) {
        return new PreparedQuery(statement, null, new PgType[0], List.of(), copy.get(), null);
      }
    }
    claimConnection();
    PreparedStatement ps;
    try {
      ps = connection.prepareStatement(sql);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
    try {
      PgType[] params = parameterTypes(ps.getParameterMetaData(), declaredTypes);
      List<Column> columns = describe(ps.getMetaData());
      if (statement.kind() == StatementKind.QUERY) {
        SetOperationTypes.check(connection, sql);
      }
      String wrapped = statement.kind() == StatementKind.QUERY ? ExportProjection.wrap(sql, ps.getMetaData()) : null;
      if (wrapped != null) {
        closeQuietly(ps);
        ps = connection.prepareStatement(wrapped);
      }
      return new PreparedQuery(statement, ps, params, columns, null, wrapped)
          .authorizedAs(original);
    } catch (SQLException e) {
      closeQuietly(ps);
      throw DuckDbErrors.translate(e, sql);
    } catch (RuntimeException e) {
      closeQuietly(ps);
      throw e;
    }
  }

  /** DECLARE ... CURSOR FOR query: the query is prepared so its parameters can be bound. */
  private PreparedQuery prepareDeclaration(Statement statement, int[] declaredTypes) {
    CursorDeclaration declaration = CursorDeclaration.parse(statement.sql());
    if (StatementClassifier.classify(declaration.query()).kind() != StatementKind.QUERY) {
      throw new PgException(SqlState.SYNTAX_ERROR,
          "cursor \"" + declaration.name() + "\" must be a SELECT or VALUES query");
    }
    PreparedQuery query = prepare(declaration.query(), declaredTypes);
    if (query.writableCtes() != null) {
      query.close();
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "DECLARE CURSOR must not contain data-modifying statements in WITH");
    }
    return PreparedQuery.declaration(statement, declaration, query);
  }

  /**
   * Stores the rows of {@code query} in a new temporary table of this connection, so that they
   * outlive the transaction (a holdable cursor) without being held in memory: DuckDB keeps the
   * table in its buffer pool and spills it to disk.
   */
  public long materialize(PreparedQuery query, Object[] parameters, String table) {
    claimConnection();
    String sql = "CREATE TEMPORARY TABLE " + Identifiers.quote(table) + " AS "
        + query.statement().sql();
    PgType[] types = query.parameterTypes();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, bindable(parameters[i], i < types.length ? types[i] : PgTypes.TEXT));
      }
      ps.execute();
      SessionAuthorization.ran(tenant, StatementKind.DDL);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
    return countCreatedRows(sql);
  }

  /**
   * Frees the connection for a new statement: DuckDB ends a streamed result when its connection
   * runs anything else, so unfinished cursors read the rest of their results first.
   */
  private void claimConnection() {
    for (ResultCursor cursor : List.copyOf(openCursors)) {
      try {
        if (cursor.closesOnClaim()) {
          cursor.close();
        } else if (cursor.isOpen()) {
          cursor.detach();
        }
      } catch (SQLException e) {
        throw DuckDbErrors.translate(e, null);
      }
      openCursors.remove(cursor);
    }
  }

  /** Statements whose effect lives in the session (transaction state, settings), not in DuckDB. */
  static boolean isSessionCommand(StatementKind kind) {
    switch (kind) {
      case BEGIN: case COMMIT: case ROLLBACK: case SAVEPOINT: case RELEASE_SAVEPOINT:
      case ROLLBACK_TO_SAVEPOINT: case SET: case SHOW: case RESET: case DISCARD: case DEALLOCATE:
      case PREPARE_TRANSACTION: case DECLARE_CURSOR: case FETCH: case MOVE: case CLOSE_CURSOR:
      case LISTEN:
        return true;
      default:
        return false;
    }
  }

  private static PgType[] parameterTypes(ParameterMetaData meta, int[] declared)
      throws SQLException {
    int count = Math.max(meta.getParameterCount(), declared.length);
    PgType[] types = new PgType[count];
    for (int i = 0; i < count; i++) {
      PgType type = null;
      if (i < declared.length && declared[i] != 0) {
        type = PgTypes.find(declared[i]).orElse(null);
      }
      if (type == null && i < meta.getParameterCount()) {
        type = DuckDbTypeMapping.forDuckDbType(meta.getParameterTypeName(i + 1)).type();
      }
      types[i] = type == null ? PgTypes.TEXT : type;
    }
    return types;
  }

  /**
   * Result columns from DuckDB's metadata: empty for statements without rows, null when DuckDB
   * cannot know them before the parameters are bound (it then reports one UNKNOWN column).
   */
  private static List<Column> describe(ResultSetMetaData meta) throws SQLException {
    if (meta instanceof DuckDBResultSetMetaData duck
        && duck.getReturnType() != StatementReturnType.QUERY_RESULT) {
      return List.of();
    }
    if (meta.getColumnCount() == 1 && "UNKNOWN".equals(meta.getColumnTypeName(1))) {
      return null;
    }
    List<Column> columns = new ArrayList<>(meta.getColumnCount());
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(new Column(ExportProjection.truncate(meta.getColumnName(i)),
          DuckDbTypeMapping.forDuckDbType(meta.getColumnTypeName(i))));
    }
    return columns;
  }

  /**
   * The result columns of a query whose types depend on its parameters, found by running it with
   * sample values of the parameters' types and no rows (LIMIT 0). 42P18 when that fails, as
   * PostgreSQL reports a parameter whose type it cannot determine.
   */
  public List<Column> describeWithSampleParameters(PreparedQuery query) {
    claimConnection();
    if (query.statement().kind() != StatementKind.QUERY) {
      return describeWithTypedParameters(query);
    }
    String probe = "SELECT * FROM (" + query.executableSql() + "\n) LIMIT 0";
    PgType[] types = query.parameterTypes();
    try (PreparedStatement ps = connection.prepareStatement(probe)) {
      for (int i = 0; i < types.length; i++) {
        ps.setObject(i + 1, SampleValues.of(types[i]));
      }
      try (ResultSet rs = ps.executeQuery()) {
        return describe(rs.getMetaData());
      }
    } catch (SQLException e) {
      throw new PgException(SqlState.INVALID_PARAMETER_TYPE,
          "could not determine the result type of the statement from its parameter types", e);
    }
  }

  /**
   * The RETURNING columns of an INSERT, UPDATE or DELETE whose types depend on its parameters.
   * Running it would change data, so it is prepared again with each parameter cast to its type,
   * which lets DuckDB type the result without executing anything.
   */
  private List<Column> describeWithTypedParameters(PreparedQuery query) {
    try (PreparedStatement ps = connection.prepareStatement(typedParameters(query))) {
      List<Column> columns = describe(ps.getMetaData());
      if (columns == null) {
        throw new SQLException("result types still unknown");
      }
      return columns;
    } catch (SQLException e) {
      throw new PgException(SqlState.INVALID_PARAMETER_TYPE,
          "could not determine the result type of the statement from its parameter types", e);
    }
  }

  /** The statement with each parameter cast to its type, so that DuckDB can type the result. */
  private static String typedParameters(PreparedQuery query) {
    PgType[] types = query.parameterTypes();
    StringBuilder typed = new StringBuilder();
    for (Token t : SqlLexer.lex(query.executableSql())) {
      int n = t.kind() == Token.Kind.PARAM ? Integer.parseInt(t.text().substring(1)) : 0;
      if (n >= 1 && n <= types.length) {
        typed.append("CAST(").append(t.text()).append(" AS ")
            .append(DuckDbTypeMapping.duckDbTypeFor(types[n - 1]).orElse("VARCHAR")).append(')');
      } else {
        typed.append(t.text());
      }
    }
    return typed.toString();
  }

  /**
   * The names and DuckDB types of the rows a prepared statement returns ({name, type} each), typed
   * with its parameters' types when DuckDB cannot type them before they are bound.
   */
  List<String[]> resultTypes(PreparedQuery query) throws SQLException {
    List<String[]> columns = resultTypes(query.duckdb().getMetaData());
    if (columns.stream().noneMatch(c -> c[1].equals("UNKNOWN"))) {
      return columns;
    }
    try (PreparedStatement ps = connection.prepareStatement(typedParameters(query))) {
      return resultTypes(ps.getMetaData());
    }
  }

  private static List<String[]> resultTypes(ResultSetMetaData meta) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(new String[] {meta.getColumnName(i), meta.getColumnTypeName(i)});
    }
    return columns;
  }

  /**
   * Runs a prepared statement with bound parameter values. When the statement's DuckDB handle is
   * still serving an open cursor, a fresh one is prepared so that both results stay valid.
   */
  public QueryResult execute(PreparedQuery query, Object[] parameters) {
    if (query.isSessionCommand()) {
      throw new IllegalArgumentException("session command: " + query.statement().sql());
    }
    if (query.roleStatement() != null) {
      claimConnection(); // VALID UNTIL is read by DuckDB
      return RoleStatements.execute(query, roles, roleOid, connection, authorization.authorizer());
    }
    if (query.databaseStatement() != null) {
      return DatabaseStatements.execute(query, databases, roleOid, tenant.name());
    }
    if (query.writableCtes() != null) {
      return WritableCteQueries.execute(this, query, parameters);
    }
    String sql = query.executableSql();
    PreparedStatement ps = query.duckdb();
    boolean own = query.busy();
    claimConnection();
    // Checked again: grants may have been revoked since the statement was prepared.
    Authorization permitted = query.authorizedStatement() == null ? Authorization.NONE
        : authorization.check(query.authorizedStatement(), false);
    List<PrivilegeObject> created = authorization.beforeExecute(permitted);
    try {
      if (own) {
        ps = connection.prepareStatement(sql);
      }
      bind(ps, query, parameters);
      // Looked up before executing: another query would close a streamed result.
      Statement tagged = executedStatement(query.statement());
      if (query.statement().kind() == StatementKind.DDL
          && query.statement().words().get(0).equals("DROP")) {
        Statement written = query.authorizedStatement();
        DependentViews.check(connection, analyzer,
            (written == null ? query.statement() : written).sql(), searchPath);
      }
      boolean hasResult = ps.execute();
      SessionAuthorization.ran(tenant, query.statement().kind());
      authorization.afterExecute(created, permitted);
      if (!hasResult) {
        long count = ps.getUpdateCount();
        if (count < 0 && query.statement().kind() == StatementKind.DDL
            && query.statement().commandTag(0).startsWith("SELECT")) {
          count = countCreatedRows(query.statement().sql());
        }
        count = Math.max(0, count);
        if (own) {
          ps.close();
        }
        return new QueryResult(tagged, null, count);
      }
      ResultSet rs = ps.getResultSet();
      // A wrapped query reports VARCHAR for the cast columns; the client was told their real types.
      List<Column> columns = query.isWrapped() ? query.columns() : describe(rs.getMetaData());
      ArrowReader reader = (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, BATCH_ROWS);
      PreparedStatement handle = ps;
      Runnable release = own ? () -> closeQuietly(handle) : () -> query.busy(false);
      if (!own) {
        query.busy(true);
      }
      ResultCursor[] cursor = new ResultCursor[1];
      cursor[0] = new ResultCursor(columns, reader, rs, allocator, () -> {
        openCursors.remove(cursor[0]);
        release.run();
      });
      openCursors.add(cursor[0]);
      return new QueryResult(tagged, cursor[0], 0);
    } catch (SQLException e) {
      if (own) {
        closeQuietly(ps);
      }
      throw DuckDbErrors.translate(e, sql);
    }
  }

  /**
   * Binds {@code parameters} as {@code query}'s types, as many as DuckDB's statement takes (a part
   * of a statement with data-modifying CTEs may use fewer than the statement).
   */
  void bind(PreparedStatement ps, PreparedQuery query, Object[] parameters) throws SQLException {
    ps.clearParameters();
    PgType[] types = query.parameterTypes();
    int count = query.writablePart() ? Math.min(parameters.length,
        ps.getParameterMetaData().getParameterCount()) : parameters.length;
    for (int i = 0; i < count; i++) {
      ps.setObject(i + 1, bindable(parameters[i], i < types.length ? types[i] : PgTypes.TEXT));
    }
  }

  /** Checks again, before it runs, that the session may run a part of a statement. */
  void recheck(PreparedQuery part) {
    claimConnection();
    if (part.authorizedStatement() != null) {
      authorization.check(part.authorizedStatement(), false);
    }
  }

  /**
   * Starts a transaction for one statement unless the session is in one; true when it did (the
   * caller then ends it).
   */
  boolean beginUnlessInTransaction() {
    claimConnection();
    // Outside a transaction each statement is one of its own, with its own id. (A failed BEGIN
    // would tell too, but it aborts the transaction it fails in.)
    String txid = "SELECT txid_current()";
    try (java.sql.Statement s = connection.createStatement()) {
      long first;
      try (ResultSet rs = s.executeQuery(txid)) {
        first = rs.next() ? rs.getLong(1) : -1;
      }
      try (ResultSet rs = s.executeQuery(txid)) {
        if (rs.next() && rs.getLong(1) == first) {
          return false;
        }
      }
      s.execute("BEGIN TRANSACTION");
      return true;
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, txid);
    }
  }

  /** Makes current_setting() and set_config() in this session's SQL answer from {@code functions}. */
  public void bindSessionFunctions(SessionFunctions functions) {
    try {
      functionsId = PgFunctions.bind(tenant, connection, functions);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
  }

  /**
   * Tells this session's SQL who it is: current_user / session_user answer {@code user} and
   * pg_backend_pid() answers {@code backendPid} (see {@link PgCatalog#bindSession}).
   */
  public void identify(String user, int backendPid) {
    try {
      PgCatalog.bindSession(connection, user, backendPid);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
  }

  /** Starts receiving COPY FROM STDIN rows for {@code copy}. */
  public CopySink openCopySink(CopyStatement copy, ParameterDecoder decoder) {
    claimConnection();
    return CopySink.open(connection, copy, decoder);
  }

  /**
   * DuckDB's driver takes arrays only as java.sql.Array built for the element type; PostgreSQL
   * array parameters arrive decoded as Object[].
   */
  private Object bindable(Object value, PgType type) throws SQLException {
    if (!(value instanceof Object[] array)) {
      return value;
    }
    for (Object element : array) {
      if (element instanceof Object[]) {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
            "multidimensional array parameters are not supported");
      }
    }
    PgType element = type.isArray() ? type.elementType() : PgTypes.TEXT;
    String duckType = DuckDbTypeMapping.duckDbTypeFor(element).orElse("VARCHAR");
    return connection.createArrayOf(duckType, array);
  }

  /**
   * The statement whose command tag applies: for EXECUTE of an SQL-level prepared statement it is
   * the prepared one (PostgreSQL tags EXECUTE of an INSERT "INSERT 0 n").
   */
  private Statement executedStatement(Statement statement) {
    if (statement.words().size() < 2 || !statement.words().get(0).equals("EXECUTE")) {
      return statement;
    }
    return preparedSql(statement.words().get(1).toLowerCase(java.util.Locale.ROOT))
        .map(StatementClassifier::classify)
        .orElse(statement);
  }

  /** The SQL of an SQL-level prepared statement (PREPARE name AS ...), if it exists. */
  public Optional<String> preparedSql(String name) {
    claimConnection();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT statement FROM duckdb_prepared_statements() WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
  }

  /** Names of the SQL-level prepared statements (PREPARE name AS ...). */
  public List<String> preparedNames() {
    claimConnection();
    List<String> names = new ArrayList<>();
    try (java.sql.Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM duckdb_prepared_statements()")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
    return names;
  }

  /** Rows in the relation a CREATE TABLE AS just made (DuckDB does not report them). */
  private long countCreatedRows(String sql) {
    Optional<String> name = CreatedRelation.name(sql);
    if (name.isEmpty()) {
      return 0;
    }
    try (java.sql.Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + name.get())) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
  }

  /** Lower-case names of the tables a default of which is volatile (see {@link Volatility}). */
  public java.util.Set<String> tablesWithVolatileDefaults() {
    claimConnection();
    try {
      return Volatility.tablesWithVolatileDefaults(connection);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
  }

  /** Runs SQL that returns nothing and takes no parameters (transaction control, settings). */
  public void executeUtility(String sql) {
    claimConnection();
    try (java.sql.Statement s = connection.createStatement()) {
      s.execute(sql);
      SessionAuthorization.ran(tenant, StatementKind.OTHER); // ROLLBACK can undo a CREATE
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  /**
   * Sets DuckDB's schema search path from PostgreSQL's: {@code public} is DuckDB's {@code main},
   * {@code $user} and schemas that do not exist are skipped (PostgreSQL ignores them too).
   */
  public void setSearchPath(List<String> schemas) {
    claimConnection();
    List<String> existing = new ArrayList<>();
    try (java.sql.Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT schema_name FROM information_schema.schemata WHERE catalog_name = current_database()")) {
      while (rs.next()) {
        existing.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
    List<String> path = new ArrayList<>();
    for (String schema : schemas) {
      String duck = schema.equals("public") ? "main" : schema;
      if (existing.contains(duck) && !path.contains(duck)) {
        path.add(duck);
      }
    }
    if (path.isEmpty()) {
      path.add("main");
    }
    searchPath = List.copyOf(path);
    StringBuilder value = new StringBuilder();
    for (String p : path) {
      if (value.length() > 0) {
        value.append(',');
      }
      value.append(Identifiers.quote(p));
    }
    executeUtility("SET search_path = " + Identifiers.literal(value.toString()));
  }

  /**
   * Interrupts whatever this session's connection is doing, executing a statement or producing
   * the next batch of a streamed result; safe from any thread. DuckDB clears the interrupt when
   * its next query starts.
   */
  public void cancel() {
    ConnectionInterrupt.interrupt(connection);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // releasing resources after a failure; the original error is what matters
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    PgFunctions.unbind(functionsId);
    closeQuietly(connection);
    allocator.close();
    tenant.release();
  }
}
