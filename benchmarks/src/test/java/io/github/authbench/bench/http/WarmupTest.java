package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The warm-up against a real server on loopback whose {@code /info} reports a scripted JIT: it goes on while the
 * server's compiler is busy, however steady the rate, and ends in the first round after the compiler goes quiet.
 */
class WarmupTest {

    private static final Duration ROUND = Duration.ofMillis(100);
    /** Any two rates count as steady, so that only the compiler decides (a 100 ms round's rate is noisy here). */
    private static final double ANY_RATE = 100;

    private final AtomicInteger infoAsked = new AtomicInteger();
    /** Every path the server was asked for but {@code /info}, in the order asked. */
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private LoopbackServer server;
    private OpenLoadDriver driver;

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
            driver = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** A server answering {@code /ping}, and {@code /info} with the compilation time {@code jit} gives the n-th ask. */
    private URI serve(IntToLongFunction jit) throws Exception {
        return serveInfo(asked -> {
            long millis = jit.applyAsLong(asked);
            return "{\"strategy\":\"session\"" + (millis < 0 ? "" : ",\"compilerMillis\":" + millis) + "}";
        });
    }

    /** A server answering {@code /ping}, and {@code /info} with the body {@code info} gives the n-th ask. */
    private URI serveInfo(IntFunction<String> info) throws Exception {
        server = LoopbackServer.start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String body = "pong";
                String path = Request.getPathInContext(request);
                if (path.equals("/info")) {
                    body = info.apply(infoAsked.getAndIncrement());
                } else {
                    paths.add(path);
                }
                response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.US_ASCII)), callback);
                return true;
            }
        });
        driver = new OpenLoadDriver(Duration.ofSeconds(2), false);
        return server.uri();
    }

    private OpenLoadDriver.Warmup warmUp(URI target, Duration atLeast, Duration limit, double steadyShare)
            throws Exception {
        WarmupPlan plan = new WarmupPlan(0, 10, ROUND, 2, atLeast, limit, WarmupPlan.QUIET, steadyShare, Duration.ZERO);
        try (HttpConnections connections = driver.connect(target, 2)) {
            return driver.warmUp(new PingWorkload(connections), plan,
                    () -> ServerInfo.compilerMillis(ServerInfo.fetch(connections, Duration.ofSeconds(2))));
        }
    }

    @Test
    void goesOnWhileTheServersCompilerIsBusyAndEndsInTheFirstQuietRound() throws Exception {
        // 300 ms of compilation per 100 ms round for the first five rounds (a busy compiler), then none.
        URI target = serve(asked -> 300L * Math.min(asked, 5));

        OpenLoadDriver.Warmup warmup = warmUp(target, Duration.ZERO, Duration.ofSeconds(10), ANY_RATE);

        assertThat(warmup.settled()).isTrue();
        assertThat(warmup.lastRoundCompileMillis()).isZero();
        assertThat(infoAsked).as("asked before the first round and after each of six rounds").hasValue(7);
        assertThat(warmup.requests()).isPositive();
    }

    @Test
    void aCompilerThatNeverGoesQuietEndsTheWarmUpAtItsLimitUnsettled() throws Exception {
        URI target = serve(asked -> 300L * asked);

        OpenLoadDriver.Warmup warmup = warmUp(target, Duration.ZERO, Duration.ofMillis(800), ANY_RATE);

        assertThat(warmup.settled()).isFalse();
        assertThat(warmup.lastRoundCompileMillis()).isEqualTo(300);
        assertThat(warmup.took()).isBetween(Duration.ofMillis(800), Duration.ofSeconds(5));
    }

    @Test
    void aServerThatDoesNotSayIsJudgedByItsRateAlone() throws Exception {
        URI target = serve(asked -> -1);

        OpenLoadDriver.Warmup warmup = warmUp(target, Duration.ofMillis(300), Duration.ofSeconds(10), ANY_RATE);

        assertThat(warmup.settled()).isTrue();
        assertThat(warmup.lastRoundCompileMillis()).isEqualTo(-1);
        assertThat(warmup.took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aCompilerFigureThatIsNotANumberCountsAsNoneAndAnInfoThatIsNotJsonStopsTheWarmUpWithItsName()
            throws Exception {
        URI target = serveInfo(asked -> "{\"compilerMillis\":\"idle, honest\"}");

        OpenLoadDriver.Warmup warmup = warmUp(target, Duration.ZERO, Duration.ofSeconds(10), ANY_RATE);

        assertThat(warmup.settled()).as("judged by its rate, as a server that does not say").isTrue();
        assertThat(warmup.lastRoundCompileMillis()).isEqualTo(-1);

        stop();
        URI notJson = serveInfo(asked -> "[\"compilerMillis\", 0]");
        assertThatThrownBy(() -> warmUp(notJson, Duration.ZERO, Duration.ofSeconds(10), ANY_RATE))
                .isInstanceOf(IOException.class).hasMessageContaining("/info");
    }

    /** {@code GET path}; its warm-up mix is {@code mix}, or itself when there is none. */
    private record PathWorkload(HttpConnections server, String path, Workload mix) implements Workload {

        @Override
        public void send(long index, Done done) {
            server.send(server.request(HttpMethod.GET, path), answer -> done.completed(Outcome.of(answer)));
        }

        @Override
        public String name() {
            return path;
        }

        @Override
        public Workload warmupMix() {
            return mix == null ? this : mix;
        }
    }

    @Test
    void theWarmUpMixGoesFirstForExactlyItsCountAndTheMeasuredMixDecidesWhenItEnds() throws Exception {
        URI target = serve(asked -> 0);
        WarmupPlan plan = new WarmupPlan(300, 10, ROUND, 2, Duration.ZERO, Duration.ofSeconds(10), WarmupPlan.QUIET,
                ANY_RATE, Duration.ZERO);

        OpenLoadDriver.Warmup warmup;
        try (HttpConnections connections = driver.connect(target, 2)) {
            Workload measured = new PathWorkload(connections, "/ping", new PathWorkload(connections, "/mix", null));
            warmup = driver.warmUp(measured, plan,
                    () -> ServerInfo.compilerMillis(ServerInfo.fetch(connections, Duration.ofSeconds(2))));
        }

        assertThat(paths.subList(0, 300)).as("the first 300 requests").containsOnly("/mix");
        assertThat(paths.subList(300, paths.size())).as("the rest").isNotEmpty().containsOnly("/ping");
        assertThat(warmup.requests()).isEqualTo(paths.size());
        assertThat(warmup.settled()).isTrue();
    }

    @Test
    void twoRoundsSettleOnlyWhenTheirRatesAgreeAndTheCompilerWasQuiet() {
        WarmupPlan plan = WarmupPlan.atLeast(0);
        long second = Duration.ofSeconds(1).toNanos();

        assertThat(plan.settled(10_500, 10_000, Duration.ofMillis(20).toNanos(), second)).isTrue();
        assertThat(plan.settled(10_500, 10_000, Duration.ofMillis(400).toNanos(), second))
                .as("a busy compiler").isFalse();
        assertThat(plan.settled(12_000, 10_000, 0, second)).as("still getting faster").isFalse();
        assertThat(plan.settled(10_000, 0, 0, second)).as("the first round has nothing to compare with").isFalse();
        assertThat(plan.settled(10_000, 10_000, -1, second)).as("a server that does not say").isTrue();
    }
}
