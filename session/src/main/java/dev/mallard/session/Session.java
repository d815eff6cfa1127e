package dev.mallard.session;

import dev.mallard.catalog.Role;
import dev.mallard.engine.EngineSession;
import dev.mallard.engine.PreparedQuery;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.Statement;
import dev.mallard.engine.StatementClassifier;
import dev.mallard.engine.StatementKind;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.message.BackendMessage;
import dev.mallard.wire.message.FrontendMessage;
import dev.mallard.wire.types.EncodingContext;
import dev.mallard.wire.types.ParameterDecoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One authenticated connection's conversation: it takes frontend messages in order, runs them off
 * the event loop through the {@link MessagePump}, and keeps the state PostgreSQL keeps per backend
 * (transaction status, settings, prepared statements and portals, cancel key).
 */
final class Session {
  private static final Object START = new Object();
  private static final Object CLOSE = new Object();

  enum CancelReason {
    USER_REQUEST("canceling statement due to user request"),
    STATEMENT_TIMEOUT("canceling statement due to statement timeout");

    final String message;

    CancelReason(String message) {
      this.message = message;
    }
  }

  private final Channel channel;
  private final ServerContext context;
  private final SessionRegistry registry;
  private final EngineSession engine;
  private final Role role;
  private final Map<String, String> startupParameters;
  private final SessionSettings settings = new SessionSettings();
  private final SessionCommands commands;
  private final SqlCursors cursors;
  private final Savepoints savepoints = new Savepoints();
  /** True while a multi-statement Query runs as an implicit transaction block. */
  private boolean implicitBlock;
  private final SettingsSync sync;
  private final ExtendedProtocol extended = new ExtendedProtocol(this);
  private final MessagePump pump;
  private final Outbox out;
  private final ExpressLane express = new ExpressLane();
  /** The portal whose next Execute may go through the {@link ExpressLane}; worker thread only. */
  private Portal expressPortal;
  private final int processId;
  private final int secretKey;
  private TransactionStatus status = TransactionStatus.IDLE;
  private boolean skipUntilSync;
  private volatile CancelReason cancelRequested;
  private volatile boolean closed;
  private ScheduledFuture<?> statementTimer;
  /** The COPY FROM STDIN receiving data, or null. */
  private volatile CopyIn copyIn;

  Session(Channel channel, ServerContext context, SessionRegistry registry, EngineSession engine,
      Role role, Map<String, String> startupParameters) {
    this.channel = channel;
    this.context = context;
    this.registry = registry;
    this.engine = engine;
    this.role = role;
    this.startupParameters = startupParameters;
    this.commands = new SessionCommands(this, engine, settings);
    this.cursors = new SqlCursors(engine);
    this.sync = new SettingsSync(settings, engine, this::send,
        () -> status != TransactionStatus.IDLE);
    this.out = new Outbox(channel);
    this.pump = new MessagePump(channel, context.workers(), this::dispatch,
        () -> copyIn != null && !copyIn.finished(), this::offerExpress);
    this.processId = registry.register(this);
    this.secretKey = registry.newSecretKey();
  }

  // ---- called on the event loop ----

  void start() {
    pump.submit(START);
  }

  void submit(FrontendMessage message) {
    messagesReceived.incrementAndGet();
    if (message instanceof FrontendMessage.Execute e && pump.idle() && out.drained()
        && channel.isWritable()) {
      ExpressLane.Offer offer = express.claim(e.portalName(), e.maxRows());
      if (offer != null) {
        ExpressLane.write(channel, offer);
        registry.countExecuteSentAhead();
        pump.submit(new ExpressLane.Sent(offer));
        return;
      }
    }
    pump.submit(message);
  }

  void onWritable() {
    pump.onWritable();
  }

  void onIdleTimeout() {
    if (!pump.busy() && status == TransactionStatus.IDLE) {
      fatal(idleTimeout(false));
    }
  }

  void close() {
    if (!closed) {
      closed = true;
      engine.cancel();
      pump.submit(CLOSE);
    }
  }

  // ---- called from any thread ----

  int secretKey() {
    return secretKey;
  }

  boolean isBusy() {
    return pump.busy();
  }

  void cancel(CancelReason reason) {
    if (pump.busy()) {
      cancelRequested = reason;
      engine.cancel();
      pump.wake();
    }
  }

  void terminate() {
    fatal(PgException.fatal(
        SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command"));
  }

  private void fatal(PgException e) {
    channel.eventLoop().execute(() ->
        channel.writeAndFlush(ErrorResponses.error(e)).addListener(ChannelFutureListener.CLOSE));
  }

  // ---- worker thread ----

  private Job dispatch(Object item) {
    express.retract(); // whatever this is, it comes before any Execute the event loop may answer
    try {
      if (item instanceof ExpressLane.Sent sent) {
        expressSent(sent.offer());
        return null;
      }
      if (item == START) {
        begin();
        return null;
      }
      if (item == CLOSE) {
        cleanup();
        return null;
      }
      if (closed) {
        return null;
      }
      FrontendMessage m = (FrontendMessage) item;
      if (copyIn != null && !copyIn.finished()) {
        copyMessage(m);
        return null;
      }
      if (m instanceof FrontendMessage.Sync) {
        sync();
        return null;
      }
      if (skipUntilSync) {
        return null;
      }
      return extendedErrors(handle(m));
    } catch (RuntimeException e) {
      if (item == START) {
        PgException pg = ErrorResponses.toPgException(e);
        fatal(PgException.fatal(pg.sqlState(), pg.getMessage()));
        return null;
      }
      reportError(e);
      skipUntilSync = true;
      out.flush();
      return null;
    }
  }

  private Job handle(FrontendMessage m) {
    if (m instanceof FrontendMessage.Query q) {
      skipUntilSync = false;
      return new SimpleQueryJob(this, q.sql());
    } else if (m instanceof FrontendMessage.Parse p) {
      extended.parse(p);
    } else if (m instanceof FrontendMessage.Bind b) {
      extended.bind(b);
    } else if (m instanceof FrontendMessage.Describe d) {
      extended.describe(d);
    } else if (m instanceof FrontendMessage.Execute e) {
      return extended.execute(e);
    } else if (m instanceof FrontendMessage.Close c) {
      extended.close(c);
    } else if (m instanceof FrontendMessage.Flush) {
      out.flush();
    } else if (m instanceof FrontendMessage.Terminate) {
      out.flush();
      channel.close();
    } else if (m instanceof FrontendMessage.FunctionCall) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "fast-path function calls are not supported");
    } else if (m instanceof FrontendMessage.CopyData || m instanceof FrontendMessage.CopyDone
        || m instanceof FrontendMessage.CopyFail) {
      // Outside COPY these are ignored, as PostgreSQL does, so a client can end a failed COPY.
    } else {
      throw PgException.fatal(SqlState.PROTOCOL_VIOLATION,
          "unexpected message type '" + m.getClass().getSimpleName() + "'");
    }
    return null;
  }

  /** Wraps an extended-protocol job so that its failure starts error recovery (skip to Sync). */
  private Job extendedErrors(Job job) {
    if (job == null || job instanceof SimpleQueryJob) {
      return job;
    }
    return () -> {
      try {
        return job.run();
      } catch (RuntimeException e) {
        reportError(e);
        skipUntilSync = true;
        return true;
      }
    };
  }

  /** During COPY FROM STDIN: data and its end; Flush and Sync are ignored, as in PostgreSQL. */
  private void copyMessage(FrontendMessage m) {
    CopyIn copy = copyIn;
    if (m instanceof FrontendMessage.CopyData d) {
      copy.data(d.data());
    } else if (m instanceof FrontendMessage.CopyDone) {
      copy.done();
    } else if (m instanceof FrontendMessage.CopyFail f) {
      copy.clientFailed(f.message());
    } else if (!(m instanceof FrontendMessage.Flush) && !(m instanceof FrontendMessage.Sync)) {
      copy.abort(new PgException(SqlState.PROTOCOL_VIOLATION,
          "unexpected message type during COPY from stdin"));
    }
    if (copy.finished()) {
      copyIn = null;
    }
  }

  /** Enters COPY FROM STDIN: CopyInResponse goes out and CopyData is routed to the copy. */
  CopyIn startCopyIn(dev.mallard.engine.copy.CopyStatement statement) {
    var sink = engine.openCopySink(statement, sync.parameterDecoder());
    CopyIn copy = new CopyIn(statement, sink);
    short[] formats = new short[sink.columns().size()];
    java.util.Arrays.fill(formats, statement.options().format().protocolCode());
    send(new BackendMessage.CopyInResponse(statement.options().format().protocolCode(), formats));
    out.flush();
    copyIn = copy;
    return copy;
  }

  private void begin() {
    // ALTER DATABASE ... SET values first: the client's startup options override them.
    engine.tenant().sessionDefaults().forEach((k, v) -> settings.set(k, v, false, true));
    String options = startupParameters.get("options");
    if (options != null) {
      StartupOptions.parse(options).forEach((k, v) -> settings.set(k, v, false, true));
    }
    for (Map.Entry<String, String> p : startupParameters.entrySet()) {
      switch (p.getKey()) {
        case "user": case "database": case "options": case "replication":
          break;
        default:
          settings.set(p.getKey(), p.getValue(), false, true);
      }
    }
    settings.setFixed("is_superuser", role.superuser() ? "on" : "off");
    settings.setFixed("session_authorization", role.name());
    settings.setFixed("server_version", context.serverVersion());
    settings.setFixed("max_connections", Integer.toString(context.maxConnections()));
    settings.setFixed("ssl", context.sslContext() != null ? "on" : "off"); // the server's, as in PostgreSQL
    engine.identify(role.name(), processId);
    sync.start();
    send(new BackendMessage.BackendKeyData(processId, secretKey));
    readyForQuery();
  }

  /** Makes {@code portal}'s next Execute a candidate for the {@link ExpressLane}. */
  void expressCandidate(Portal portal) {
    expressPortal = portal;
  }

  /**
   * Offers the next Execute's encoded rows to the event loop ({@link ExpressLane}) when nothing
   * else is pending: called whenever the last message is finished and after encoding ahead.
   */
  void offerExpress() {
    Portal p = expressPortal;
    if (p == null || express.offered() || !pump.idle() || closed
        || status != TransactionStatus.IN_TRANSACTION || skipUntilSync || copyIn != null
        || p.isClosed() || p.streamer == null || p.prefetchError != null || p.cursorRun != null) {
      return;
    }
    ResultStreamer.Prefetched next =
        p.prefetched.nextFollowed(p.prefetchRows, p.streamer.loadedRows());
    if (next != null && next.context().equals(encoding())) {
      express.publish(new ExpressLane.Offer(p, p.prefetchRows, next));
    }
  }

  /** The event loop sent these encoded rows for an Execute: the portal moves past them. */
  private void expressSent(ExpressLane.Offer offer) {
    Portal portal = offer.portal();
    ResultStreamer.Prefetched first = portal.prefetched.poll();
    if (first != offer.rows()) {
      throw new IllegalStateException("the rows sent are not the portal's next encoded rows");
    }
    portal.streamer.consumed(first);
    PrefetchJob.schedule(this, portal, offer.maxRows());
  }

  private void sync() {
    skipUntilSync = false;
    if (status == TransactionStatus.IDLE) {
      extended.closeAllPortals();
    }
    readyForQuery();
  }

  private void cleanup() {
    CopyIn copy = copyIn;
    if (copy != null) {
      copyIn = null;
      copy.abort(new PgException(SqlState.CONNECTION_FAILURE, "connection closed during COPY"));
    }
    extended.closeAll();
    try {
      cursors.closeAll();
    } catch (RuntimeException e) {
      // the connection is going away with everything it held
    }
    out.discard();
    registry.unregister(processId);
    engine.close();
  }

  // ---- used by jobs and commands (worker thread) ----

  EngineSession engine() {
    return engine;
  }

  SessionCommands commands() {
    return commands;
  }

  SqlCursors cursors() {
    return cursors;
  }

  Savepoints savepoints() {
    return savepoints;
  }

  SessionSettings settings() {
    return settings;
  }

  /** Called after DuckDB ran a portal's statement successfully (see {@link Savepoints#ran}). */
  void statementRan(Portal portal, QueryResult result) {
    savepoints.ran(portal, result, status != TransactionStatus.IDLE, settings.get("search_path"));
  }

  /** Marks the implicit transaction block of a multi-statement Query (see SimpleQueryJob). */
  void implicitBlock(boolean running) {
    implicitBlock = running;
  }

  /** Whether statements now run in a transaction block, explicit or implicit. */
  boolean inTransactionBlock() {
    return status != TransactionStatus.IDLE || implicitBlock;
  }

  Outbox outbox() {
    return out;
  }

  EncodingContext encoding() {
    return sync.encoding();
  }

  ParameterDecoder parameterDecoder() {
    return sync.parameterDecoder();
  }

  TransactionStatus status() {
    return status;
  }

  void status(TransactionStatus s) {
    status = s;
  }

  /** True when the client's messages (or other work) wait while background work runs. */
  boolean workWaiting() {
    return pump.hasQueued();
  }

  /** Queues work to run after the messages already received, outside any statement. */
  void submitBackground(Job job) {
    pump.submit(new MessagePump.Background(job));
  }

  void send(BackendMessage message) {
    out.send(message);
  }

  void notice(String severity, String sqlState, String message) {
    send(ErrorResponses.notice(severity, sqlState, message));
  }

  void readyForQuery() {
    send(new BackendMessage.ReadyForQuery(status.indicator()));
    out.flush();
    armIdleTimeout();
  }

  private static PgException idleTimeout(boolean inTransaction) {
    return inTransaction
        ? PgException.fatal(SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
            "terminating connection due to idle-in-transaction timeout")
        : PgException.fatal(SqlState.IDLE_SESSION_TIMEOUT,
            "terminating connection due to idle-session timeout");
  }

  /** Counts client messages, so an idle timer can tell whether the client spoke since. */
  private final java.util.concurrent.atomic.AtomicLong messagesReceived =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * idle_session_timeout and idle_in_transaction_session_timeout: while waiting for the client,
   * a timer ends the session unless a message arrives first.
   */
  private void armIdleTimeout() {
    boolean inTransaction = status != TransactionStatus.IDLE;
    long ms = KnownSettings.durationMillis(settings.get(
        inTransaction ? "idle_in_transaction_session_timeout" : "idle_session_timeout"));
    if (ms <= 0) {
      return;
    }
    long seen = messagesReceived.get();
    channel.eventLoop().schedule(() -> {
      if (messagesReceived.get() == seen && !pump.busy() && channel.isActive()) {
        fatal(idleTimeout(inTransaction));
      }
    }, ms, TimeUnit.MILLISECONDS);
  }

  /** Sends an error; inside a transaction block the transaction is now failed (25P02 follows). */
  void reportError(RuntimeException e) {
    PgException pg = ErrorResponses.toPgException(e);
    CancelReason reason = cancelRequested;
    if (SqlState.QUERY_CANCELED.equals(pg.sqlState()) && reason != null) {
      pg = new PgException(SqlState.QUERY_CANCELED, reason.message);
    }
    cancelRequested = null;
    send(ErrorResponses.error(pg));
    if (status == TransactionStatus.IN_TRANSACTION) {
      status = TransactionStatus.FAILED;
    }
    if (pg.severity() == PgException.Severity.FATAL) {
      out.flush();
      channel.close();
    }
  }

  /** In a failed transaction block only ROLLBACK (or COMMIT, which rolls back) is accepted. */
  void checkNotFailed(String sql) {
    if (status != TransactionStatus.FAILED || sql == null) {
      return;
    }
    StatementKind kind = StatementClassifier.classify(sql).kind();
    if (kind != StatementKind.ROLLBACK && kind != StatementKind.COMMIT
        && kind != StatementKind.ROLLBACK_TO_SAVEPOINT) {
      throw new PgException(SqlState.IN_FAILED_SQL_TRANSACTION,
          "current transaction is aborted, commands ignored until end of transaction block");
    }
  }

  void beforeStatement(Statement statement) {
    checkNotFailed(statement.sql());
    ReadOnlyTransactions.check(statement, settings);
    if (statement.kind() == StatementKind.DATABASE && !statement.words().get(0).equals("ALTER")
        && inTransactionBlock()) { // PostgreSQL's PreventInTransactionBlock
      throw new PgException(SqlState.ACTIVE_SQL_TRANSACTION,
          statement.commandTag(0) + " cannot run inside a transaction block");
    }
    cancelRequested = null;
    long timeoutMs = KnownSettings.durationMillis(settings.get("statement_timeout"));
    if (timeoutMs > 0) {
      statementTimer = channel.eventLoop().schedule(
          () -> cancel(CancelReason.STATEMENT_TIMEOUT), timeoutMs, TimeUnit.MILLISECONDS);
    }
  }

  void afterStatement() {
    if (statementTimer != null) {
      statementTimer.cancel(false);
      statementTimer = null;
    }
    sync.afterStatement();
  }

  /** Throws 57014 if the running statement was cancelled, or stops work for a closed session. */
  void checkInterrupts() {
    CancelReason reason = cancelRequested;
    if (reason != null) {
      cancelRequested = null;
      throw new PgException(SqlState.QUERY_CANCELED, reason.message);
    }
    if (closed || !channel.isActive()) {
      throw new PgException(SqlState.CONNECTION_FAILURE, "connection closed");
    }
  }

  /** Columns of a statement the session answers itself; null for statements DuckDB runs. */
  List<String> commandColumns(PreparedQuery query) {
    if (!query.isSessionCommand()) {
      return null;
    }
    if (query.statement().kind() != StatementKind.SHOW) {
      return List.of();
    }
    SettingCommand cmd = SettingCommand.parse(query.statement().sql());
    if (cmd.verb() != SettingCommand.Verb.SHOW) {
      return List.of();
    }
    return cmd.showColumns();
  }

  void transactionEnded(boolean committed) {
    settings.endTransaction(committed);
    extended.closeAllPortals();
    cursors.transactionEnded(committed);
    savepoints.reset();
    sync.changed();
  }

  void closePortals() {
    extended.closeAllPortals();
  }

  void discardAll() {
    extended.closeAll();
    cursors.closeAll();
  }

  /** Drops a protocol-level prepared statement; false when there is none of that name. */
  boolean deallocate(String name) {
    return extended.deallocate(name);
  }

  void deallocateAll() {
    extended.deallocateAll();
  }

  /** Applies settings DuckDB must know and reports changed GUC_REPORT values. */
  void settingsChanged() {
    sync.changed();
  }
}
