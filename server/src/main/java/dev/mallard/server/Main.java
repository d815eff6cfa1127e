package dev.mallard.server;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallard}: runs the server in the foreground until SIGTERM / Ctrl-C. */
@Command(
    name = "mallard",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = "PostgreSQL-wire-protocol server that runs queries in DuckDB.",
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  MALLARD_CONFIG, MALLARD_HOST, MALLARD_PORT, MALLARD_DATA_DIR,",
      "  MALLARD_TLS_MODE, MALLARD_METRICS_PORT, MALLARD_LOGIN_MAX_FAILURES,",
      "  MALLARD_LOGIN_FAILURE_WINDOW, MALLARD_LOGIN_BAN_DURATION,",
      "  MALLARD_TENANT_IDLE_TIMEOUT",
      "                      as the options above; an option wins over its variable,",
      "                      which wins over the configuration file.",
      "  MALLARD_PASSWORD    password of the superuser postgres; when unset, one is",
      "                      generated on first start, printed once and stored in",
      "                      <data-dir>/postgres.password.",
      "  MALLARD_LOG_LEVEL   TRACE, DEBUG, INFO (default), WARN or ERROR.",
      "  MALLARD_JAVA_OPTS   extra JVM options for bin/mallard, e.g. -Xmx4g.",
      "",
      "Every configuration key is described in server/mallard.example.yaml."
    })
public final class Main implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration file (env MALLARD_CONFIG).")
  Path config;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address to listen on; 0.0.0.0 or * for all (env MALLARD_HOST; default 127.0.0.1).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "TCP port (env MALLARD_PORT; default 5432).")
  Integer port;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Data directory: databases, TLS material, bootstrap password"
          + " (env MALLARD_DATA_DIR; default ./data).")
  Path dataDir;

  @Option(
      names = "--tls-mode",
      paramLabel = "MODE",
      converter = TlsModeConverter.class,
      description = "prefer (TLS offered), require (sessions without TLS refused) or disable"
          + " (env MALLARD_TLS_MODE; default prefer).")
  MallardConfig.TlsMode tlsMode;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description = "Serve /metrics (Prometheus) and /health over HTTP on this port"
          + " (env MALLARD_METRICS_PORT; default: off).")
  Integer metricsPort;

  @Option(
      names = "--login-max-failures",
      paramLabel = "N",
      description = "Failed logins from one address within the window that ban it; 0 turns"
          + " rate limiting off (env MALLARD_LOGIN_MAX_FAILURES; default 10).")
  Integer loginMaxFailures;

  @Option(
      names = "--login-failure-window",
      paramLabel = "DURATION",
      description = "How far back failed logins count, e.g. 60s"
          + " (env MALLARD_LOGIN_FAILURE_WINDOW; default 60s).")
  String loginFailureWindow;

  @Option(
      names = "--login-ban-duration",
      paramLabel = "DURATION",
      description = "How long a banned address is refused, e.g. 5min"
          + " (env MALLARD_LOGIN_BAN_DURATION; default 5min).")
  String loginBanDuration;

  @Option(
      names = "--tenant-idle-timeout",
      paramLabel = "DURATION",
      description = "Close a database's DuckDB instance after it has had no sessions this long,"
          + " e.g. 30s or 10min; 0 keeps instances open (env MALLARD_TENANT_IDLE_TIMEOUT;"
          + " default 5min).")
  String tenantIdleTimeout;

  @Option(
      names = "--tenant-guards",
      paramLabel = "BOOL",
      arity = "1",
      description = "Open databases without their own SANDBOX setting with DuckDB's guards: no"
          + " file, URL or extension outside the database, for superusers too"
          + " (env MALLARD_TENANT_GUARDS; default false).")
  Boolean tenantGuards;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() {
    MallardConfig config;
    try {
      config =
          ConfigLoader.load(
              new ConfigLoader.Flags(this.config, host, port, dataDir, tlsMode, metricsPort,
                  loginMaxFailures, loginFailureWindow, loginBanDuration, tenantIdleTimeout,
                  tenantGuards),
              System.getenv());
    } catch (ConfigException e) {
      System.err.println("mallard: configuration error: " + e.getMessage());
      return 2;
    }
    MallardServer server =
        new MallardServer(config, System.getenv(BootstrapSuperuser.ENV_PASSWORD));
    try {
      server.start();
    } catch (BindException e) {
      System.err.println("mallard: " + e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      System.err.println("mallard: cannot start: " + oneLine(e));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mallard-shutdown"));
    try {
      server.awaitClosed();
    } catch (InterruptedException e) {
      server.close();
    }
    return 0;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() != null ? e.getMessage() : e.toString();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static final class TlsModeConverter implements CommandLine.ITypeConverter<MallardConfig.TlsMode> {
    @Override
    public MallardConfig.TlsMode convert(String value) {
      try {
        return MallardConfig.TlsMode.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "mallard " + (v != null ? v : "(development)") + ", PostgreSQL " + MallardServer.SERVER_VERSION
      };
    }
  }
}
