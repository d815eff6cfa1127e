package dev.mallard.server;

import dev.mallard.auth.ratelimit.LoginRateLimiter;
import dev.mallard.catalog.system.SystemCatalog;
import dev.mallard.catalog.TenantConfig;
import dev.mallard.catalog.TenantManager;
import dev.mallard.engine.Engine;
import dev.mallard.session.PgChannelInitializer;
import dev.mallard.session.ServerContext;
import dev.mallard.session.SessionRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root and lifecycle of one Mallard server: builds the tenants, engine, roles, TLS
 * and worker pool from a {@link MallardConfig}, listens with Netty, and shuts down gracefully.
 */
public final class MallardServer implements AutoCloseable {
  /** Reported to clients as server_version. */
  public static final String SERVER_VERSION = "16.4";

  private static final Logger log = LoggerFactory.getLogger(MallardServer.class);

  private enum State { NEW, RUNNING, CLOSED }

  private final MallardConfig config;
  private final String bootstrapPassword;
  private final PrintStream announce;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private volatile State state = State.NEW;
  private Engine engine;
  private SystemCatalog systemCatalog;
  private ExecutorService workers;
  private EventLoopGroup acceptGroup;
  private EventLoopGroup ioGroup;
  private PgChannelInitializer initializer;
  private Channel serverChannel;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private MetricsEndpoint metricsEndpoint;
  private LoginRateLimiter loginRateLimiter;

  /**
   * @param bootstrapPassword password of the superuser postgres (MALLARD_PASSWORD); null to use the
   *     stored one or generate one on first start
   */
  public MallardServer(MallardConfig config, String bootstrapPassword) {
    this(config, bootstrapPassword, System.out);
  }

  MallardServer(MallardConfig config, String bootstrapPassword, PrintStream announce) {
    this.config = config;
    this.bootstrapPassword = bootstrapPassword;
    this.announce = announce;
  }

  /**
   * Builds everything and starts listening; returns the bound port (useful with port 0).
   *
   * @throws BindException if the address is in use or cannot be bound
   * @throws IOException if the data directory, password file or TLS material cannot be used
   */
  public synchronized int start() throws IOException {
    if (state != State.NEW) {
      throw new IllegalStateException("server already started");
    }
    state = State.RUNNING;
    try {
      ServerTls tls = prepare();
      serverChannel = bind();
      int port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
      startMetrics();
      log.info(
          "Mallard ready on {}:{} ({}) database \"{}\" data {}",
          config.host(), port, tls.description(), config.defaultDatabase(), config.dataDir());
      return port;
    } catch (IOException | RuntimeException | Error e) {
      release();
      state = State.CLOSED;
      stopped.countDown();
      throw e;
    }
  }

  private ServerTls prepare() throws IOException {
    MallardConfig.Limits limits = config.limits();
    createDataDir(config.dataDir());
    String password = BootstrapSuperuser.password(config.dataDir(), bootstrapPassword, announce);
    systemCatalog = SystemCatalog.open(config.dataDir());
    SystemCatalog roles = systemCatalog;
    BootstrapSuperuser.install(roles, password,
        bootstrapPassword != null && !bootstrapPassword.isEmpty());
    Roles.bootstrap(roles, config.users());
    ServerTls tls = ServerTls.create(config);
    TenantManager tenants = new TenantManager(roles, config.defaultDatabase(), new TenantConfig(
        config.dataDir(), config.extensionDirectory(), config.duckdb().tenantIdleTimeout(),
        config.duckdb().s3().asOptions(), config.duckdb().tenantGuards()));
    try {
      engine = new Engine(tenants, roles, limits.arrowMemoryLimitBytes(),
          limits.perSessionMemoryLimitBytes(), metrics);
    } catch (RuntimeException e) {
      tenants.close();
      throw e;
    }
    workers = WorkerPool.create(limits.workerThreads(), limits.maxConnections());
    loginRateLimiter = new LoginRateLimiter(config.loginRateLimit().policy());
    ServerContext context =
        new ServerContext(
            engine,
            roles,
            tls.sslContext(),
            tls.tlsServerEndPointHash(),
            config.tls().mode() == MallardConfig.TlsMode.REQUIRE,
            config.tls().allowCleartextPassword(),
            loginRateLimiter,
            (int) limits.maxMessageSizeBytes(),
            limits.maxConnections(),
            limits.idleSessionTimeout(),
            limits.shutdownGrace(),
            workers,
            SERVER_VERSION);
    initializer = new PgChannelInitializer(context);
    return tls;
  }

  private Channel bind() throws IOException {
    acceptGroup =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("mallard-accept"), NioIoHandler.newFactory());
    ioGroup =
        new MultiThreadIoEventLoopGroup(
            Runtime.getRuntime().availableProcessors(),
            new DefaultThreadFactory("mallard-io"),
            NioIoHandler.newFactory());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptGroup, ioGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128)
            .childHandler(initializer);
    InetSocketAddress address =
        config.host().equals("*")
            ? new InetSocketAddress(config.port())
            : new InetSocketAddress(config.host(), config.port());
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      Throwable cause = bound.cause();
      String where = config.host() + ":" + config.port();
      if (cause instanceof BindException) {
        BindException e = new BindException("cannot listen on " + where + ": " + cause.getMessage());
        e.initCause(cause);
        throw e;
      }
      throw new IOException("cannot listen on " + where + ": " + cause, cause);
    }
    return bound.channel();
  }

  /** Starts the HTTP endpoint for /metrics and /health when configured. */
  private void startMetrics() throws IOException {
    MallardConfig.Metrics m = config.metrics();
    if (!m.enabled()) {
      return;
    }
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    Gauge.builder("mallard.sessions", initializer.sessions(), SessionRegistry::activeCount)
        .description("Client sessions connected").register(metrics);
    FunctionCounter.builder("mallard.executes.sent.ahead", initializer.sessions(),
            SessionRegistry::executesSentAhead)
        .description("Executes of suspended portals answered on the event loop from rows"
            + " encoded ahead")
        .register(metrics);
    Gauge.builder("mallard.login.banned.addresses", loginRateLimiter,
            LoginRateLimiter::bannedAddresses)
        .description("Client addresses banned after failed logins").register(metrics);
    String host = m.host() != null ? m.host() : config.host();
    InetSocketAddress address = host.equals("*")
        ? new InetSocketAddress(m.port()) : new InetSocketAddress(host, m.port());
    try {
      metricsEndpoint = MetricsEndpoint.start(address, metrics, this::isRunning);
    } catch (IOException e) {
      throw new IOException("cannot serve metrics on " + host + ":" + m.port() + ": " + e, e);
    }
    log.info("metrics on http://{}:{}/metrics", host, metricsEndpoint.port());
  }

  private boolean isRunning() {
    return state == State.RUNNING;
  }

  /** The port of the metrics endpoint, or -1 when it is off. */
  public int metricsPort() {
    return metricsEndpoint == null ? -1 : metricsEndpoint.port();
  }

  /** Creates a new data directory readable only by the server's user, as initdb does. */
  private static void createDataDir(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** The databases and their open instances; null before {@link #start()}. */
  public TenantManager tenants() {
    return engine == null ? null : engine.tenants();
  }

  /** The live sessions; null before {@link #start()}. */
  public SessionRegistry sessions() {
    return initializer == null ? null : initializer.sessions();
  }

  /** Blocks until {@link #close()} has finished (or start failed). */
  public void awaitClosed() throws InterruptedException {
    stopped.await();
  }

  /**
   * Graceful shutdown: stop accepting, let running queries finish for up to shutdownGrace, end the
   * sessions with 57P01, then stop the threads and close the engine. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (state != State.RUNNING) {
      state = State.CLOSED;
      stopped.countDown();
      return;
    }
    state = State.CLOSED;
    log.info("shutting down");
    try {
      release();
    } finally {
      log.info("stopped");
      stopped.countDown();
    }
  }

  private void release() {
    if (metricsEndpoint != null) {
      metricsEndpoint.close();
    }
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly();
    }
    if (initializer != null) {
      SessionRegistry sessions = initializer.sessions();
      Duration grace = config.limits().shutdownGrace();
      if (!sessions.awaitQueriesDone(grace)) {
        log.warn("queries still running after {}s; terminating them", grace.toSeconds());
      }
      sessions.terminateAll();
    }
    for (EventLoopGroup group : new EventLoopGroup[] {acceptGroup, ioGroup}) {
      if (group != null) {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
      }
    }
    if (workers != null) {
      workers.shutdown();
      try {
        if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
          workers.shutdownNow();
        }
      } catch (InterruptedException e) {
        workers.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    if (engine != null) {
      try {
        engine.close();
      } catch (RuntimeException e) {
        log.warn("closing the engine failed: {}", e.toString());
      }
    }
    if (systemCatalog != null) {
      try {
        systemCatalog.close();
      } catch (java.sql.SQLException | RuntimeException e) {
        log.warn("closing the system catalog failed: {}", e.toString());
      }
    }
  }
}
