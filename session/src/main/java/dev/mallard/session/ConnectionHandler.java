package dev.mallard.session;

import dev.mallard.catalog.Role;
import dev.mallard.engine.EngineSession;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.message.BackendMessage;
import dev.mallard.wire.message.FrontendMessage;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one connection from its first byte to the end of authentication (protocol "Start-up"
 * section): SSLRequest / GSSENCRequest negotiation, CancelRequest, StartupMessage, the password
 * exchange. Then it opens the {@link Session} and forwards every further message to it.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<FrontendMessage> {
  private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

  private final ServerContext context;
  private final SessionRegistry registry;
  private boolean counted;
  /** The role whose connection limit counts this connection, once logged in; else null. */
  private Role countedRole;
  private boolean tls;
  private Map<String, String> startupParameters;
  private Authentication authentication;
  private Session session;
  /** Messages that arrive while the session is being opened, or null when not opening. */
  private java.util.List<FrontendMessage> opening;

  ConnectionHandler(ServerContext context, SessionRegistry registry) {
    this.context = context;
    this.registry = registry;
  }

  @Override
  public void channelRead0(ChannelHandlerContext ctx, FrontendMessage msg) {
    if (session != null) {
      session.submit(msg);
      return;
    }
    if (opening != null) {
      opening.add(msg); // pipelined behind the password; served once the session is open
      return;
    }
    try {
      if (msg instanceof FrontendMessage.SslRequest) {
        negotiateTls(ctx);
      } else if (msg instanceof FrontendMessage.GssEncRequest) {
        ctx.writeAndFlush(new BackendMessage.EncryptionResponse(false));
      } else if (msg instanceof FrontendMessage.CancelRequest c) {
        registry.cancel(c.processId(), c.secretKey());
        ctx.close();
      } else if (msg instanceof FrontendMessage.Startup s) {
        startup(ctx, s);
      } else if (msg instanceof FrontendMessage.PasswordMessage p && authentication != null) {
        authenticate(ctx, p);
      } else {
        throw PgException.fatal(SqlState.PROTOCOL_VIOLATION, "unexpected message before authentication");
      }
    } catch (PgException e) {
      fail(ctx, e);
    }
  }

  private void negotiateTls(ChannelHandlerContext ctx) {
    if (context.sslContext() == null || tls) {
      ctx.writeAndFlush(new BackendMessage.EncryptionResponse(false));
      return;
    }
    // The 'S' goes out in clear; everything after it is TLS.
    ctx.writeAndFlush(new BackendMessage.EncryptionResponse(true));
    SslHandler ssl = context.sslContext().newHandler(ctx.alloc());
    ctx.pipeline().addFirst("tls", ssl);
    tls = true;
  }

  private void startup(ChannelHandlerContext ctx, FrontendMessage.Startup s) {
    context.loginRateLimiter().checkAllowed(clientAddress(ctx));
    if (context.requireTls() && !tls) {
      throw PgException.fatal(
          SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "this server requires an encrypted connection: connect with sslmode=require");
    }
    startupParameters = s.parameters();
    String user = startupParameters.get("user");
    if (user == null || user.isEmpty()) {
      throw PgException.fatal(
          SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "no PostgreSQL user name specified in startup packet");
    }
    if (startupParameters.containsKey("replication")
        && !"false".equalsIgnoreCase(startupParameters.get("replication"))) {
      throw PgException.fatal(SqlState.FEATURE_NOT_SUPPORTED, "replication connections are not supported");
    }
    if (!registry.tryAcquireConnection(context.maxConnections())) {
      throw PgException.fatal(SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already");
    }
    counted = true;
    Optional<Role> role = context.roles().find(user);
    authentication = new Authentication(user, role, tls, context.allowCleartextOverTls(),
        context.tlsServerEndPointHash(), context.loginRateLimiter(), clientAddress(ctx));
    ctx.writeAndFlush(authentication.request());
  }

  /** The peer's IP address, which failed logins count against; null for a non-network channel. */
  private static InetAddress clientAddress(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
  }

  private void authenticate(ChannelHandlerContext ctx, FrontendMessage.PasswordMessage p) {
    BackendMessage reply = authentication.respond(p.body());
    if (reply != null) {
      ctx.write(reply);
    }
    if (!authentication.succeeded()) {
      ctx.flush();
      return;
    }
    authentication = null;
    ctx.writeAndFlush(new BackendMessage.AuthenticationOk());
    String user = startupParameters.get("user");
    String database = startupParameters.getOrDefault("database", user);
    Role role = admit(user);
    // Opening the tenant may touch disk: do it off the event loop.
    opening = new java.util.ArrayList<>();
    context.workers().execute(() -> openSession(ctx, role, database));
  }

  /**
   * The authenticated role, if it may start a session now (PostgreSQL's checks at session start):
   * it still exists (it may have been dropped during the exchange), has LOGIN, and is within its
   * CONNECTION LIMIT, from which superusers are exempt.
   */
  private Role admit(String user) {
    Role role = context.roles().find(user).orElseThrow(() -> PgException.fatal(
        SqlState.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\""));
    if (!role.canLogin()) {
      throw PgException.fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "role \"" + role.name() + "\" is not permitted to log in");
    }
    int limit = role.superuser() ? -1 : role.connectionLimit();
    if (!registry.tryAcquireRoleConnection(role.oid(), limit)) {
      throw PgException.fatal(SqlState.TOO_MANY_CONNECTIONS,
          "too many connections for role \"" + role.name() + "\"");
    }
    countedRole = role;
    return role;
  }

  private void openSession(ChannelHandlerContext ctx, Role role, String database) {
    try {
      EngineSession engine = context.engine().openSession(database, role.name());
      Session s = new Session(ctx.channel(), context, registry, engine, role, startupParameters);
      ctx.executor().execute(() -> {
        java.util.List<FrontendMessage> pendingDuringOpen = opening;
        opening = null;
        if (!ctx.channel().isActive()) {
          s.close(); // the client left while the session was being opened
          return;
        }
        session = s;
        s.start();
        pendingDuringOpen.forEach(s::submit);
      });
    } catch (RuntimeException e) {
      PgException pg = ErrorResponses.toPgException(e);
      ctx.executor().execute(() -> fail(ctx, PgException.fatal(pg.sqlState(), pg.getMessage())));
    }
  }

  private void fail(ChannelHandlerContext ctx, PgException e) {
    if (e.severity() != PgException.Severity.FATAL) {
      e = PgException.fatal(e.sqlState(), e.getMessage());
    }
    ctx.writeAndFlush(ErrorResponses.error(e)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (session != null && ctx.channel().isWritable()) {
      session.onWritable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      if (session == null) {
        ctx.close();
      } else {
        session.onIdleTimeout();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (counted) {
      registry.releaseConnection();
      counted = false;
    }
    if (countedRole != null) {
      registry.releaseRoleConnection(countedRole.oid());
      countedRole = null;
    }
    if (session != null) {
      Session s = session;
      session = null;
      s.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof PgException pg) {
      // A malformed frame: report it and drop this connection, the server carries on.
      fail(ctx, pg);
      return;
    }
    if (root instanceof java.io.IOException) {
      log.debug("connection error: {}", root.getMessage());
    } else {
      log.warn("connection error", root);
    }
    ctx.close();
  }
}
