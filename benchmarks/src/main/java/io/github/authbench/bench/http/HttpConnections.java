package io.github.authbench.bench.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive HTTP/1.1 connections to one server, all served by the driver's single event loop: a request opens a
 * connection while there are fewer than the limit, or takes the connection idle the longest, or waits in line for the
 * next connection to answer (so when the server falls behind, the queue grows here and is charged to latency, as in
 * wrk2, where every connection sends one request at a time). Every connection carries requests from the first ones on,
 * as wrk2's do: a pool that opened its later connections only when the load first needed them sent their first
 * requests at the highest rates, and the server's JIT recompiled its request parsing for them in the middle of the
 * measured windows. Every request ends exactly once: with the answer, or with none when it did not come
 * within the timeout or the connection broke. Everything runs on the event loop, so there is no lock: the driver's
 * schedule, the writes and the answers share one thread and never wait for each other's locks.
 */
public final class HttpConnections implements AutoCloseable {

    /** The largest answer read: a login answer with its cookies is a few KiB. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    /** How often requests past their timeout are looked for. */
    private static final long SWEEP_MILLIS = 50;

    /**
     * How a request ends: with the complete answer, or with null when none came in time or the connection broke. The
     * answer is released when {@code answered} returns, so read what you need from it there.
     */
    @FunctionalInterface
    public interface Reply {
        void answered(FullHttpResponse responseOrNull);
    }

    private record Pending(FullHttpRequest request, Reply reply, long since) {
    }

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final URI server;
    private final String host;
    private final int maxConnections;
    private final long timeoutNanos;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> open = new ArrayList<>();
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private final ScheduledFuture<?> sweeper;
    private int connecting;
    private boolean closed;

    HttpConnections(EventLoop loop, Bootstrap template, URI server, int maxConnections, Duration timeout) {
        this.loop = loop;
        this.server = server;
        this.maxConnections = maxConnections;
        this.timeoutNanos = timeout.toNanos();
        int port = server.getPort() < 0 ? 80 : server.getPort();
        this.host = server.getHost() + ":" + port;
        this.bootstrap = template.clone().group(loop).remoteAddress(new InetSocketAddress(server.getHost(), port))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_ANSWER_BYTES),
                                new Connection());
                    }
                });
        this.sweeper = loop.scheduleAtFixedRate(this::endOverdue, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The server these connections go to. */
    public URI uri() {
        return server;
    }

    /** A request to this server: {@code method path}, with the Host header set; the caller adds what else it needs. */
    public FullHttpRequest request(HttpMethod method, String path) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path);
        request.headers().set(HttpHeaderNames.HOST, host);
        HttpUtil.setContentLength(request, 0);
        return request;
    }

    /** Sends the request from any thread; {@code reply} runs on the event loop, exactly once. */
    public void send(FullHttpRequest request, Reply reply) {
        Pending pending = new Pending(request, reply, System.nanoTime());
        if (loop.inEventLoop()) {
            dispatch(pending);
        } else {
            loop.execute(() -> dispatch(pending));
        }
    }

    private void dispatch(Pending pending) {
        if (closed) {
            end(pending, null);
            return;
        }
        if (mayOpen()) {
            connect(pending);
            return;
        }
        Connection connection = idle.pollFirst();
        if (connection != null) {
            connection.write(pending);
        } else {
            waiting.addLast(pending);
        }
    }

    private boolean mayOpen() {
        return open.size() + connecting < maxConnections;
    }

    private void connect(Pending first) {
        connecting++;
        ChannelFuture connected = bootstrap.connect();
        connected.addListener(done -> {
            connecting--;
            if (!done.isSuccess() || closed) {
                connected.channel().close();
                end(first, null);
                return;
            }
            Connection connection = connected.channel().pipeline().get(Connection.class);
            open.add(connection);
            connection.write(first);
        });
    }

    /** A connection finished its request: it takes the next in line, or waits idle. */
    private void free(Connection connection) {
        Pending next = waiting.pollFirst();
        if (next != null) {
            connection.write(next);
        } else {
            idle.addLast(connection);
        }
    }

    private void endOverdue() {
        long now = System.nanoTime();
        // The line first: a connection abandoned below takes the next in line, which should not be one already late.
        while (!waiting.isEmpty() && now - waiting.peekFirst().since() > timeoutNanos) {
            end(waiting.pollFirst(), null);
        }
        for (Connection connection : List.copyOf(open)) {
            if (connection.current != null && now - connection.current.since() > timeoutNanos) {
                connection.abandon();
            }
        }
    }

    private static void end(Pending pending, FullHttpResponse response) {
        if (response == null) {
            pending.request().release();
        }
        pending.reply().answered(response);
    }

    /** Closes every connection; requests still waiting or in flight end without an answer. */
    @Override
    public void close() throws InterruptedException {
        loop.submit(() -> {
            closed = true;
            sweeper.cancel(false);
            while (!waiting.isEmpty()) {
                end(waiting.pollFirst(), null);
            }
            for (Connection connection : List.copyOf(open)) {
                connection.abandon();
            }
        }).await(timeoutNanos + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
    }

    /** One keep-alive connection; at most one request on it at a time (no pipelining, as browsers and wrk2 do). */
    private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {

        private Channel channel;
        private Pending current;

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            // Before the connect listener runs: Netty completes a connect's future before it fires channelActive.
            channel = context.channel();
        }

        void write(Pending pending) {
            current = pending;
            channel.writeAndFlush(pending.request(), channel.voidPromise());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
            Pending answered = current;
            current = null;
            if (answered == null) {
                return;
            }
            answered.reply().answered(response);
            if (HttpUtil.isKeepAlive(response) && !closed) {
                free(this);
            } else {
                abandon();
            }
        }

        /** The request in flight, if any, ends unanswered, and the connection closes. */
        void abandon() {
            Pending lost = current;
            current = null;
            open.remove(this);
            idle.remove(this);
            channel.close();
            if (lost != null) {
                lost.reply().answered(null);
            }
            if (!closed && !waiting.isEmpty() && mayOpen()) {
                connect(waiting.pollFirst());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            abandon();
            super.channelInactive(context);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            abandon();
        }
    }
}
