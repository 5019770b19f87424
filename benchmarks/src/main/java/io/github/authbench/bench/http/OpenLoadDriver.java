package io.github.authbench.bench.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An open-model load (wrk2's model): request {@code i} is due at {@code start + i / rate} and is sent then, whether or
 * not earlier ones have answered; its latency counts from that due instant, so a server that stalls is charged for
 * every request it made wait, not only for the one it stalled on. The driver's own lateness (due to sent) is recorded
 * apart, to show the driver was not the bottleneck. Requests go through Jetty's asynchronous client over keep-alive
 * connections; the schedule thread only parks and sends.
 */
public final class OpenLoadDriver implements AutoCloseable {

    /** Connections the client may open to the server: enough that queueing happens in the server, not in the client. */
    static final int MAX_CONNECTIONS = 256;
    /** The client's thread pool: its selector and the threads that complete responses. */
    static final int CLIENT_THREADS = 8;
    /** Two warm-up rounds this close in rate mean the server has stopped getting faster. */
    static final double STEADY = 0.10;

    private final HttpClient client;
    private final Duration timeout;

    public OpenLoadDriver(Duration timeout) throws Exception {
        this.timeout = timeout;
        // A few threads: the driver's callbacks only record a number, and every thread beyond the CPUs it runs on is
        // one more the schedule thread waits behind (Jetty's default pool grew to 200 on one CPU and the driver ran late).
        QueuedThreadPool threads = new QueuedThreadPool(CLIENT_THREADS, 2);
        threads.setName("load-driver");
        threads.setDaemon(true);
        client = new HttpClient();
        client.setExecutor(threads);
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS);
        client.setMaxRequestsQueuedPerDestination(Integer.MAX_VALUE);
        client.setFollowRedirects(false);
        // Each request carries its own user's credential; a shared cookie jar would mix users up.
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.start();
    }

    HttpClient client() {
        return client;
    }

    /** How a warm-up went: requests sent, time taken, the last round's closed-loop rate and whether it was steady. */
    public record Warmup(long requests, Duration took, double lastRate, boolean steady) {
    }

    /**
     * Warms the server (and this driver) up, {@code inFlight} requests at a time, as fast as it answers: JIT compilation
     * counts invocations, and a cold server offered a fixed rate would queue instead of compiling. It goes in rounds of
     * {@code round} requests and ends, after {@code minimum} requests, when a round's rate is within
     * {@link #STEADY} of the round before (the compiled code is in place), or when {@code within} runs out. Not
     * measured.
     */
    public Warmup warmUp(Workload workload, long minimum, long round, int inFlight, Duration within)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + within.toNanos();
        long sent = 0;
        double previous = 0;
        double rate = 0;
        boolean steady = false;
        while (System.nanoTime() < deadline && !steady) {
            long roundStart = System.nanoTime();
            long roundSent = closedLoop(workload, sent, round, inFlight, deadline);
            sent += roundSent;
            rate = roundSent / ((System.nanoTime() - roundStart) / 1e9);
            steady = sent >= minimum && previous > 0 && Math.abs(rate - previous) <= STEADY * previous;
            previous = rate;
        }
        return new Warmup(sent, Duration.ofNanos(System.nanoTime() - started), rate, steady);
    }

    /** Sends {@code requests} requests, {@code inFlight} at a time, and waits for their answers; returns how many went. */
    private long closedLoop(Workload workload, long first, long requests, int inFlight, long deadline)
            throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        long sent = 0;
        while (sent < requests && slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            workload.send(client, first + sent++, timeout.toMillis(), asExpected -> slots.release());
        }
        // Let what is in flight finish (each request ends by its timeout), so the next round starts on an idle server.
        slots.tryAcquire(inFlight, timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        return sent;
    }

    /**
     * Offers {@code rate} requests per second for {@code settle} (not recorded: connections open, queues reach their
     * level) and then {@code measure}, and waits for the last answer or its timeout.
     */
    public LoadStep run(Workload workload, double rate, Duration settle, Duration measure) throws InterruptedException {
        Thread current = Thread.currentThread();
        int priority = current.getPriority();
        current.setPriority(Thread.MAX_PRIORITY);
        try {
            return schedule(workload, rate, settle, measure);
        } finally {
            current.setPriority(priority);
        }
    }

    private LoadStep schedule(Workload workload, double rate, Duration settle, Duration measure)
            throws InterruptedException {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
        double periodNanos = 1e9 / rate;
        long unrecorded = (long) Math.ceil(settle.toNanos() / periodNanos);
        long total = unrecorded + (long) Math.ceil(measure.toNanos() / periodNanos);
        Recorder latency = new Recorder(LoadStep.HIGHEST_MICROS, LoadStep.SIGNIFICANT_DIGITS);
        Histogram lag = LoadStep.histogram();
        AtomicLong failed = new AtomicLong();
        CountDownLatch answered = new CountDownLatch((int) Math.min(Integer.MAX_VALUE, total));
        long timeoutMillis = timeout.toMillis();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * periodNanos);
            long now = System.nanoTime();
            while (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            boolean recorded = i >= unrecorded;
            if (recorded) {
                lag.recordValue(Math.min(LoadStep.HIGHEST_MICROS, (now - due) / 1_000));
            }
            workload.send(client, i, timeoutMillis, asExpected -> {
                if (recorded) {
                    latency.recordValue(Math.min(LoadStep.HIGHEST_MICROS, (System.nanoTime() - due) / 1_000));
                    if (!asExpected) {
                        failed.incrementAndGet();
                    }
                }
                answered.countDown();
            });
        }
        // The client's own timeout ends every request; the margin only guards against a lost callback.
        long unanswered = answered.await(timeoutMillis + 5_000, TimeUnit.MILLISECONDS) ? 0 : answered.getCount();
        Histogram latencies = latency.getIntervalHistogram();
        return new LoadStep(rate, total - unrecorded, failed.get() + unanswered, latencies, lag);
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
