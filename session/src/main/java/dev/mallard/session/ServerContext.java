package dev.mallard.session;

import dev.mallard.auth.ratelimit.LoginRateLimiter;
import dev.mallard.catalog.RoleDirectory;
import dev.mallard.engine.Engine;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Everything sessions share, built once by the server's composition root.
 *
 * @param engine runs statements in tenants
 * @param roles who may log in
 * @param sslContext TLS for SSLRequest; null disables TLS (SSLRequest answered 'N')
 * @param tlsServerEndPointHash RFC 5929 tls-server-end-point hash of the server certificate, for
 *     SCRAM-SHA-256-PLUS; null without TLS
 * @param requireTls refuse sessions that did not negotiate TLS (28000)
 * @param allowCleartextOverTls offer cleartext password authentication on TLS connections instead
 *     of SCRAM
 * @param loginRateLimiter bans client addresses after repeated failed logins
 * @param maxMessageSize largest frontend message accepted, in bytes
 * @param maxConnections sessions allowed at once (53300 beyond)
 * @param idleSessionTimeout close sessions idle (outside a transaction) this long; zero disables
 * @param shutdownGrace how long running queries may go on after shutdown begins
 * @param workers bounded executor that runs statements off the event loop
 * @param serverVersion reported as server_version, e.g. "16.4"
 */
public record ServerContext(
    Engine engine,
    RoleDirectory roles,
    SslContext sslContext,
    byte[] tlsServerEndPointHash,
    boolean requireTls,
    boolean allowCleartextOverTls,
    LoginRateLimiter loginRateLimiter,
    int maxMessageSize,
    int maxConnections,
    Duration idleSessionTimeout,
    Duration shutdownGrace,
    ExecutorService workers,
    String serverVersion) {}
