package dev.mallard.session;

import dev.mallard.wire.codec.BackendEncoder;
import dev.mallard.wire.codec.FrontendDecoder;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Sets up each accepted connection: frame decoding, message encoding, the connection handler. */
public final class PgChannelInitializer extends ChannelInitializer<SocketChannel> {
  private static final BackendEncoder ENCODER = new BackendEncoder();
  /** Stop producing rows once this much is queued for a slow client; resume below the low mark. */
  private static final WriteBufferWaterMark WATER_MARK =
      new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

  private final ServerContext context;
  private final SessionRegistry sessions = new SessionRegistry();

  public PgChannelInitializer(ServerContext context) {
    this.context = context;
  }

  public SessionRegistry sessions() {
    return sessions;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ch.config().setWriteBufferWaterMark(WATER_MARK);
    ch.config().setTcpNoDelay(true);
    long idle = context.idleSessionTimeout().toMillis();
    if (idle > 0) {
      ch.pipeline().addLast("idle", new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS));
    }
    ch.pipeline()
        .addLast("decoder", new FrontendDecoder(context.maxMessageSize()))
        .addLast("encoder", ENCODER)
        .addLast("connection", new ConnectionHandler(context, sessions));
  }
}
