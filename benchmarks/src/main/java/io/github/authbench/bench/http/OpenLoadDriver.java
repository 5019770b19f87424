package io.github.authbench.bench.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * An open-model load (wrk2's model): request {@code i} is due at {@code start + i / rate} and is sent then, whether or
 * not earlier ones have answered; its latency counts from that due instant, so a server that stalls is charged for
 * every request it made wait, not only for the one it stalled on. The driver's own lateness (due to sent) is recorded
 * apart, to show the driver was not the bottleneck.
 *
 * <p>Everything runs on one Netty event loop, as wrk2 runs each of its threads: the schedule runs on the loop as a
 * timed task, sends every request that is due, and the same thread reads the answers. A schedule thread beside a
 * client's thread pool (this driver's first design) made the schedule wait for the CPU behind the client's threads: on
 * one pinned CPU it ran milliseconds late at a few thousand requests per second.
 *
 * <p>When the driver has CPUs of its own ({@code spin}), the loop polls instead of sleeping: a sleeping thread lets a
 * virtual CPU halt, and waking it again is the host's business, which on a shared host now and then takes
 * milliseconds, whatever the driver does. Shared with the server, it sleeps between events (epoll's timer, or Java
 * NIO's millisecond one where the native library does not load; the output names the transport).
 */
public final class OpenLoadDriver implements AutoCloseable {

    /**
     * Ready connections the loop reads before it looks at the schedule again: after a server stall its answers arrive
     * together, and reading hundreds of them in one turn would send every request due meanwhile late.
     */
    static final int EVENTS_PER_TURN = 16;

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap template;
    private final boolean epoll;
    private final boolean spin;
    private final Duration timeout;
    /** Whether a warm-up has rehearsed the schedule yet. */
    private boolean rehearsed;

    public OpenLoadDriver(Duration timeout, boolean spin) {
        this.timeout = timeout;
        this.epoll = Epoll.isAvailable();
        this.spin = spin;
        // Polling: the strategy always takes the ready events without blocking, so the loop goes round again at once.
        SelectStrategyFactory wait = spin ? () -> (readyNow, hasTasks) -> readyNow.get()
                : DefaultSelectStrategyFactory.INSTANCE;
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory(EVENTS_PER_TURN, wait)
                : NioIoHandler.newFactory(SelectorProvider.provider(), wait);
        // The loop thread outranks the JVM's others (where the OS lets it: see the authbench script) so that a compiler
        // or GC thread on the same CPU waits for the schedule rather than the other way round.
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("load-driver", true, Thread.MAX_PRIORITY), io);
        loop = group.next();
        template = new Bootstrap().channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class);
    }

    /** How the event loop waits, for the output: {@code epoll, polling} or {@code nio, sleeping} and the like. */
    public String transport() {
        return (epoll ? "epoll" : "nio") + (spin ? ", polling on its own CPU" : ", sleeping between events");
    }

    /**
     * Keep-alive connections to one server, at most {@code maxConnections}, on this driver's event loop; close them
     * when that server is done.
     */
    public HttpConnections connect(URI server, int maxConnections) {
        return new HttpConnections(loop, template, server, maxConnections, timeout);
    }

    /**
     * How a warm-up went: requests sent, time taken, the last round's closed-loop rate, how long the server's JIT
     * compiled during that round (-1 when the server does not say) and whether the plan's rule was met.
     */
    public record Warmup(long requests, Duration took, double lastRate, long lastRoundCompileMillis, boolean settled) {
    }

    /** How long the server JVM's JIT compilers have worked so far, in milliseconds, or -1 when it does not say. */
    @FunctionalInterface
    public interface ServerCompiler {
        long millis() throws IOException, InterruptedException;
    }

    /**
     * Warms the server (and this driver) up as {@code plan} says: closed-loop rounds, each answer sending the next
     * request (JIT compilation counts invocations, and a cold server offered a fixed rate would queue instead of
     * compiling): first the plan's number of requests of the workload's {@linkplain Workload#warmupMix() warm-up mix}
     * (for at most {@link WarmupPlan#mixLimit()}), then the measured mix until the server's compiler is quiet and its
     * rate steady; before this driver's first ladder, the open-model schedule at half that rate, unrecorded (the
     * schedule path is this JVM's, compiled once for all servers). Rounds are measured in time, not requests: a
     * compilation takes seconds whatever the rate. Not measured.
     */
    public Warmup warmUp(Workload workload, WarmupPlan plan, ServerCompiler compiler)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Workload mix = workload.warmupMix();
        long sent = 0;
        if (mix != workload && plan.mixRequests() > 0) {
            long mixEnd = started + plan.mixLimit().toNanos();
            sent = await(new ClosedLoop(mix, 0, plan.mixRequests(), mixEnd).start(plan.inFlight()),
                    mixEnd - started);
        }
        long deadline = started + plan.limit().toNanos();
        double previous = 0;
        double rate = 0;
        long compiledSoFar = compiler.millis();
        long compiled = -1;
        boolean settled = false;
        while (System.nanoTime() < deadline && !settled) {
            long roundStart = System.nanoTime();
            long roundEnd = Math.min(deadline, roundStart + plan.round().toNanos());
            long roundSent = await(new ClosedLoop(workload, sent, Long.MAX_VALUE, roundEnd).start(plan.inFlight()),
                    roundEnd - roundStart);
            long roundNanos = System.nanoTime() - roundStart;
            sent += roundSent;
            rate = roundSent / (roundNanos / 1e9);
            long compiledNow = compiler.millis();
            compiled = compiledSoFar < 0 || compiledNow < 0 ? -1 : compiledNow - compiledSoFar;
            compiledSoFar = compiledNow;
            settled = sent >= plan.minimum() && System.nanoTime() - started >= plan.atLeast().toNanos()
                    && plan.settled(rate, previous, compiled < 0 ? -1 : TimeUnit.MILLISECONDS.toNanos(compiled),
                            roundNanos);
            previous = rate;
        }
        if (rate > 0 && !plan.rehearsal().isZero() && !rehearsed) {
            run(workload, rate / 2, plan.rehearsal(), Duration.ZERO);
            sent += requestsIn(plan.rehearsal(), rate / 2);
            rehearsed = true;
        }
        return new Warmup(sent, Duration.ofNanos(System.nanoTime() - started), rate, compiled, settled);
    }

    /**
     * Offers {@code rate} requests per second for {@code settle} (not recorded: connections open, queues reach their
     * level) and then {@code measure}, and waits for the last answer or its timeout.
     */
    public LoadStep run(Workload workload, double rate, Duration settle, Duration measure) throws InterruptedException {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
        long unrecorded = requestsIn(settle, rate);
        long total = unrecorded + requestsIn(measure, rate);
        // As JMH's -gc: collect now, so that the garbage of the rates before is not collected in this one's window.
        System.gc();
        Schedule schedule = new Schedule(workload, rate, unrecorded, total);
        return await(schedule.start(), settle.plus(measure).toNanos());
    }

    /** Requests a schedule at {@code rate} sends in {@code time}. */
    private static long requestsIn(Duration time, double rate) {
        return (long) Math.ceil(time.toNanos() / (1e9 / rate));
    }

    private <T> T await(CompletableFuture<T> done, long withinNanos) throws InterruptedException {
        try {
            // Every request ends by its timeout after it is sent; the 5 s only guard against a lost reply.
            return done.get(Math.max(0, withinNanos) + timeout.toNanos() + TimeUnit.SECONDS.toNanos(5),
                    TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the load driver failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the load driver lost track of its requests", e);
        }
    }

    /** One rate's schedule, run on the event loop: each wake-up sends what is due and sleeps until the next is. */
    private final class Schedule implements Runnable {

        private final Workload workload;
        private final double rate;
        private final double periodNanos;
        private final long unrecorded;
        private final long total;
        private final Histogram latency = LoadStep.histogram();
        private final Histogram lag = LoadStep.histogram();
        private final CompletableFuture<LoadStep> done = new CompletableFuture<>();
        private long start;
        private long next;
        private long answered;
        private final Map<String, Long> failures = new HashMap<>();

        Schedule(Workload workload, double rate, long unrecorded, long total) {
            this.workload = workload;
            this.rate = rate;
            this.periodNanos = 1e9 / rate;
            this.unrecorded = unrecorded;
            this.total = total;
        }

        CompletableFuture<LoadStep> start() {
            loop.execute(() -> {
                start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
                loop.schedule(this, start - System.nanoTime(), TimeUnit.NANOSECONDS);
            });
            return done;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            long due = dueAt(next);
            while (next < total && due <= now) {
                boolean recorded = next >= unrecorded;
                if (recorded) {
                    lag.recordValue(Math.min(LoadStep.HIGHEST_MICROS, (now - due) / 1_000));
                }
                long dueOfThis = due;
                workload.send(next, outcome -> answered(recorded, dueOfThis, outcome));
                next++;
                due = dueAt(next);
                now = System.nanoTime();
            }
            if (next < total) {
                loop.schedule(this, due - now, TimeUnit.NANOSECONDS);
            }
        }

        private long dueAt(long index) {
            return start + (long) (index * periodNanos);
        }

        private void answered(boolean recorded, long due, Outcome outcome) {
            if (recorded) {
                latency.recordValue(Math.min(LoadStep.HIGHEST_MICROS, (System.nanoTime() - due) / 1_000));
                if (!outcome.ok()) {
                    LoadStep.count(failures, outcome.failure());
                }
            }
            if (++answered == total) {
                done.complete(new LoadStep(rate, total - unrecorded, failures, latency, lag));
            }
        }
    }

    /**
     * A warm-up round, run on the event loop: a number of requests in flight, each answer sends the next, until
     * {@code count} are sent or the {@code end} instant.
     */
    private final class ClosedLoop {

        private final Workload workload;
        private final long first;
        private final long count;
        private final long end;
        private final CompletableFuture<Long> done = new CompletableFuture<>();
        private long sent;
        private long inFlight;

        ClosedLoop(Workload workload, long first, long count, long end) {
            this.workload = workload;
            this.first = first;
            this.count = count;
            this.end = end;
        }

        CompletableFuture<Long> start(int concurrency) {
            loop.execute(() -> {
                for (int i = 0; i < concurrency; i++) {
                    sendNext();
                }
                finishIfIdle();
            });
            return done;
        }

        private void sendNext() {
            if (sent < count && System.nanoTime() < end) {
                inFlight++;
                workload.send(first + sent++, outcome -> {
                    inFlight--;
                    sendNext();
                    finishIfIdle();
                });
            }
        }

        /** The round ends when nothing is in flight, so the next round starts on an idle server. */
        private void finishIfIdle() {
            if (inFlight == 0) {
                done.complete(sent);
            }
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
