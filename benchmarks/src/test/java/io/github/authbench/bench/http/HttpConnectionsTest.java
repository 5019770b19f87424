package io.github.authbench.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's connections against a real Jetty server on loopback: every request ends exactly once, with its answer
 * or without one, whatever the server does (answers, stalls, closes, sends too much, is not there), and never over
 * more connections than allowed.
 */
class HttpConnectionsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private static LoopbackServer server;
    private static URI uri;
    private static final Set<SocketAddress> CLIENTS = ConcurrentHashMap.newKeySet();
    /** The connection each request came on, in the order they came. */
    private static final List<SocketAddress> CLIENT_ORDER = new CopyOnWriteArrayList<>();
    /** What {@code POST /login} answers, as JSON. */
    private static volatile String loginAnswer = "{}";

    private OpenLoadDriver driver;

    @BeforeAll
    static void startServer() throws Exception {
        server = LoopbackServer.start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                CLIENTS.add(request.getConnectionMetaData().getRemoteSocketAddress());
                CLIENT_ORDER.add(request.getConnectionMetaData().getRemoteSocketAddress());
                switch (Request.getPathInContext(request)) {
                    case "/stall" -> Thread.sleep(TIMEOUT.toMillis() * 3);
                    case "/close" -> response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
                    case "/login" -> {
                        response.write(true, ByteBuffer.wrap(loginAnswer.getBytes()), callback);
                        return true;
                    }
                    case "/huge" -> {
                        response.write(true, ByteBuffer.wrap(new byte[256 * 1024]), callback);
                        return true;
                    }
                    default -> { }
                }
                response.write(true, ByteBuffer.wrap("ok".getBytes()), callback);
                return true;
            }
        });
        uri = server.uri();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void startDriver() {
        CLIENTS.clear();
        CLIENT_ORDER.clear();
        driver = new OpenLoadDriver(TIMEOUT, false);
    }

    @AfterEach
    void stopDriver() {
        driver.close();
    }

    /** Sends {@code count} requests to {@code path} at once and returns each one's status, 0 for no answer. */
    private List<Integer> sendAll(HttpConnections connections, String path, int count) throws InterruptedException {
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            connections.send(connections.request(HttpMethod.GET, path), answer -> {
                statuses.add(answer == null ? 0 : answer.status().code());
                ended.countDown();
            });
        }
        assertThat(ended.await(TIMEOUT.toMillis() * count + 5_000, TimeUnit.MILLISECONDS))
                .as("every request ended").isTrue();
        return statuses;
    }

    /** This test's driver, with another timeout than {@link #TIMEOUT}. */
    private void timeout(Duration timeout) {
        driver.close();
        driver = new OpenLoadDriver(timeout, false);
    }

    @Test
    void manyRequestsShareTheAllowedConnectionsAndAllAreAnswered() throws Exception {
        // 500 at once wait their turn for 4 connections, the last ones longer than TIMEOUT on a cold JVM.
        timeout(Duration.ofSeconds(30));
        try (HttpConnections connections = driver.connect(uri, 4)) {
            List<Integer> statuses = sendAll(connections, "/ok", 500);
            assertThat(statuses).hasSize(500).containsOnly(200);
        }
        assertThat(CLIENTS).as("connections the server saw").hasSize(4);
    }

    @Test
    void oneRequestAtATimeGoesRoundEveryAllowedConnection() throws Exception {
        // As wrk2's connections: a light load still uses them all, so none first carries a request at a high rate.
        try (HttpConnections connections = driver.connect(uri, 4)) {
            for (int i = 0; i < 12; i++) {
                assertThat(sendAll(connections, "/ok", 1)).containsExactly(200);
            }
        }
        assertThat(CLIENTS).as("connections the server saw").hasSize(4);
        for (int i = 0; i + 4 < CLIENT_ORDER.size(); i++) {
            assertThat(CLIENT_ORDER.get(i + 4)).as("request %d goes where request %d went", i + 4, i)
                    .isEqualTo(CLIENT_ORDER.get(i));
        }
    }

    @Test
    void aServerThatStallsEndsEveryRequestUnansweredAfterTheTimeout() throws Exception {
        try (HttpConnections connections = driver.connect(uri, 64)) {
            long start = System.nanoTime();
            List<Integer> statuses = sendAll(connections, "/stall", 3);
            assertThat(statuses).containsExactly(0, 0, 0);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(3));
            // The connections it abandoned are replaced: the next request is answered.
            assertThat(sendAll(connections, "/ok", 1)).containsExactly(200);
        }
    }

    @Test
    void requestsWaitingForAConnectionTimeOutInLine() throws Exception {
        try (HttpConnections connections = driver.connect(uri, 1)) {
            assertThat(sendAll(connections, "/stall", 3)).containsExactly(0, 0, 0);
        }
    }

    @Test
    void aServerThatClosesEachConnectionStillAnswersEveryRequest() throws Exception {
        try (HttpConnections connections = driver.connect(uri, 64)) {
            assertThat(sendAll(connections, "/close", 20)).hasSize(20).containsOnly(200);
        }
    }

    @Test
    void anAnswerTooLargeToReadEndsWithoutOne() throws Exception {
        try (HttpConnections connections = driver.connect(uri, 64)) {
            assertThat(sendAll(connections, "/huge", 2)).containsExactly(0, 0);
            assertThat(sendAll(connections, "/ok", 1)).containsExactly(200);
        }
    }

    @Test
    void aServerThatIsNotThereEndsEveryRequestWithoutAnAnswer() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, new InetSocketAddress("127.0.0.1", 0).getAddress())) {
            freePort = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + freePort + "/");
        try (HttpConnections connections = driver.connect(nobody, 64)) {
            assertThat(sendAll(connections, "/ok", 5)).containsExactly(0, 0, 0, 0, 0);
        }
    }

    @Test
    void closingEndsWhatIsStillWaiting() throws Exception {
        timeout(Duration.ofSeconds(30));
        HttpConnections connections = driver.connect(uri, 1);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            connections.send(connections.request(HttpMethod.GET, "/stall"), answer -> {
                statuses.add(answer == null ? 0 : answer.status().code());
                ended.countDown();
            });
        }
        connections.close();
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(statuses).containsExactly(0, 0, 0);
    }

    @Test
    void aLoginAnswerWithoutAUsableCredentialIsARefusedLoginNotACrash() throws Exception {
        String[] hostile = {"not json", "[1]", "{}", "{\"access_token\": 5}", "{\"access_token\": {\"a\": 1}}",
            "{\"access_token\": \"\"}", "{\"access_token\": null}"};
        try (HttpConnections connections = driver.connect(uri, 64)) {
            for (String answer : hostile) {
                loginAnswer = answer;
                for (CredentialTransport transport : CredentialTransport.values()) {
                    assertThatThrownBy(() -> Population.logIn(connections, transport, 2, Duration.ofSeconds(5)))
                            .as(transport + " " + answer).isInstanceOf(IOException.class)
                            .hasMessageContaining("refused the login");
                }
            }
            loginAnswer = "{\"access_token\": \"a-token\"}";
            assertThat(Population.logIn(connections, CredentialTransport.BEARER, 2, Duration.ofSeconds(5)).access(1))
                    .isEqualTo("a-token");
        }
    }

    @Test
    void anOpenLoadSchedulesEveryRequestAndHearsEveryAnswer() throws Exception {
        try (HttpConnections connections = driver.connect(uri, 64)) {
            // A bisected rate: 1e9 / (1e9 / 6727) is 6727.000000000001, and the report finds a rate's step by its rate.
            LoadStep step = driver.run(new PingWorkload(connections), 6_727, Duration.ofMillis(100),
                    Duration.ofMillis(300));
            assertThat(step.offeredRate()).as("the rate asked for, exactly").isEqualTo(6_727);
            assertThat(step.scheduled()).as("0.3 s at 6,727/s").isEqualTo(2_019);
            assertThat(step.failed()).isZero();
            assertThat(step.latency().getTotalCount()).isEqualTo(2_019);
            assertThat(step.lag().getTotalCount()).isEqualTo(2_019);
        }
    }
}
