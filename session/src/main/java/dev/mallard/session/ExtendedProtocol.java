package dev.mallard.session;

import dev.mallard.engine.Column;
import dev.mallard.engine.PreparedQuery;
import dev.mallard.engine.SqlSplitter;
import dev.mallard.engine.StatementKind;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.message.BackendMessage;
import dev.mallard.wire.message.FrontendMessage;
import dev.mallard.wire.types.ParameterDecoder;
import dev.mallard.wire.types.PgType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended-query sub-protocol: Parse, Bind, Describe, Execute and Close over the session's
 * prepared statements and portals (protocol "Extended Query").
 */
final class ExtendedProtocol {
  private final Session session;
  private final Map<String, SharedQuery> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();

  ExtendedProtocol(Session session) {
    this.session = session;
  }

  void parse(FrontendMessage.Parse p) {
    String name = p.statementName();
    if (!name.isEmpty() && statements.containsKey(name)) {
      throw new PgException(
          SqlState.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name + "\" already exists");
    }
    List<String> parts = SqlSplitter.split(p.sql());
    if (parts.size() > 1) {
      throw new PgException(
          SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
    }
    session.checkNotFailed(parts.isEmpty() ? null : parts.get(0));
    PreparedQuery query = parts.isEmpty()
        ? null
        : session.engine().prepare(parts.get(0), p.parameterTypes());
    // A Parse of an empty string holds no query: Execute answers EmptyQueryResponse.
    SharedQuery previous = statements.put(name, new SharedQuery(query));
    if (previous != null) {
      previous.release();
    }
    session.send(new BackendMessage.ParseComplete());
  }

  void bind(FrontendMessage.Bind b) {
    SharedQuery shared = statement(b.statementName());
    String name = b.portalName();
    if (!name.isEmpty() && portals.containsKey(name)) {
      throw new PgException(SqlState.DUPLICATE_CURSOR, "portal \"" + name + "\" already exists");
    }
    Object[] values = shared.isEmpty() ? new Object[0] : decodeParameters(b, shared.query);
    closePortal(name);
    Portal portal = new Portal(name, shared.retain(), values, b.resultFormats());
    portals.put(name, portal);
    session.send(new BackendMessage.BindComplete());
  }

  private Object[] decodeParameters(FrontendMessage.Bind b, PreparedQuery query) {
    PgType[] types = query.parameterTypes();
    List<byte[]> raw = b.parameterValues();
    if (raw.size() != types.length) {
      throw new PgException(
          SqlState.PROTOCOL_VIOLATION,
          "bind message supplies " + raw.size() + " parameters, but prepared statement \""
              + b.statementName() + "\" requires " + types.length);
    }
    short[] formats = b.parameterFormats();
    Object[] values = new Object[types.length];
    ParameterDecoder decoder = session.parameterDecoder();
    for (int i = 0; i < types.length; i++) {
      short format = formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
      values[i] = decoder.decode(i + 1, types[i], format, raw.get(i));
    }
    return values;
  }

  void describe(FrontendMessage.Describe d) {
    if (d.kind() == 'S') {
      SharedQuery shared = statement(d.name());
      if (shared.isEmpty()) {
        session.send(new BackendMessage.ParameterDescription(new int[0]));
        session.send(new BackendMessage.NoData());
        return;
      }
      PgType[] types = shared.query.parameterTypes();
      int[] oids = new int[types.length];
      for (int i = 0; i < oids.length; i++) {
        oids[i] = types[i].oid();
      }
      session.send(new BackendMessage.ParameterDescription(oids));
      sendRowDescription(shared.query, null);
    } else {
      SqlCursor cursor = portals.containsKey(d.name()) ? null : session.cursors().find(d.name());
      if (cursor != null) {
        // a DECLAREd cursor is a portal too in PostgreSQL (psycopg describes it by name)
        short[] formats = new short[cursor.columns().size()];
        java.util.Arrays.fill(formats, (short) (cursor.binary() ? 1 : 0));
        session.send(RowDescriptions.of(cursor.columns(), formats));
        return;
      }
      Portal portal = portal(d.name());
      if (portal.shared.isEmpty()) {
        session.send(new BackendMessage.NoData());
        return;
      }
      sendRowDescription(portal.query, portal);
    }
  }

  private void sendRowDescription(PreparedQuery query, Portal portal) {
    if (query.statement().kind() == StatementKind.FETCH) {
      // FETCH returns the cursor's columns, in the formats its Bind asks for; for a cursor that
      // does not exist (yet) PostgreSQL answers NoData, and Execute reports the error
      SqlCursor cursor = session.cursors()
          .find(CursorCommand.parseFetch(query.statement().sql()).cursor());
      if (cursor == null) {
        session.send(new BackendMessage.NoData());
        return;
      }
      List<Column> columns = cursor.columns();
      short[] formats = portal == null ? new short[columns.size()] : portal.formats(columns.size());
      session.send(RowDescriptions.of(columns, formats));
      return;
    }
    List<String> commandColumns = session.commandColumns(query);
    if (commandColumns != null) {
      session.send(commandColumns.isEmpty() ? new BackendMessage.NoData() : RowDescriptions.text(commandColumns));
      return;
    }
    List<Column> columns = query.columns();
    if (columns == null) {
      columns = columnsFromParameters(query, portal);
    }
    if (columns.isEmpty()) {
      session.send(new BackendMessage.NoData());
      return;
    }
    short[] formats = portal == null ? new short[columns.size()] : portal.formats(columns.size());
    if (portal != null) {
      portal.columns = columns;
    }
    session.send(RowDescriptions.of(columns, formats));
  }

  /**
   * Columns that depend on the parameters' types: a bound portal's query starts now (a query has
   * no side effects) and its result is kept for Execute; a statement, or a data-changing one, is
   * described from its parameter types without running it.
   */
  private List<Column> columnsFromParameters(PreparedQuery query, Portal portal) {
    if (portal == null || query.statement().kind() != StatementKind.QUERY) {
      // an INSERT/UPDATE/DELETE ... RETURNING must not run before its Execute
      return session.engine().describeWithSampleParameters(query);
    }
    if (portal.pending == null) {
      session.beforeStatement(query.statement()); // statement_timeout and cancel cover this run too
      try {
        portal.pending = session.engine().execute(query, portal.parameters);
      } finally {
        session.afterStatement();
      }
    }
    return portal.pending.hasRows() ? portal.pending.cursor().columns() : List.of();
  }

  /** Execute: a job, since its rows may have to wait for the client. */
  Job execute(FrontendMessage.Execute e) {
    Portal portal = portal(e.portalName());
    if (portal.shared.isEmpty()) {
      session.send(new BackendMessage.EmptyQueryResponse());
      return null;
    }
    return new StatementRun(session, portal, e.maxRows(), false);
  }

  void close(FrontendMessage.Close c) {
    if (c.kind() == 'S') {
      dropStatement(c.name());
    } else {
      closePortal(c.name());
    }
    session.send(new BackendMessage.CloseComplete());
  }

  /** DEALLOCATE name: like Close of a named statement, but reports whether it existed. */
  boolean deallocate(String name) {
    return !name.isEmpty() && dropStatement(name);
  }

  private boolean dropStatement(String name) {
    SharedQuery shared = statements.remove(name);
    if (shared == null) {
      return false;
    }
    shared.release();
    return true;
  }

  /** DEALLOCATE ALL: every named statement goes; the unnamed one stays, as in PostgreSQL. */
  void deallocateAll() {
    statements.entrySet().removeIf(e -> {
      if (e.getKey().isEmpty()) {
        return false;
      }
      e.getValue().release();
      return true;
    });
  }

  /** At the end of a transaction (or of an implicit one, at Sync) portals go away. */
  void closeAllPortals() {
    for (Portal p : portals.values()) {
      p.close();
    }
    portals.clear();
  }

  void closeAll() {
    closeAllPortals();
    statements.values().forEach(SharedQuery::release);
    statements.clear();
  }

  private void closePortal(String name) {
    Portal old = portals.remove(name);
    if (old != null) {
      old.close();
    }
  }

  private SharedQuery statement(String name) {
    SharedQuery s = statements.get(name);
    if (s == null) {
      throw new PgException(
          SqlState.INVALID_SQL_STATEMENT_NAME, "prepared statement \"" + name + "\" does not exist");
    }
    return s;
  }

  private Portal portal(String name) {
    Portal p = portals.get(name);
    if (p == null) {
      throw new PgException(SqlState.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
    }
    return p;
  }
}
