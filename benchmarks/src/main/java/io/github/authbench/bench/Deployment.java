package io.github.authbench.bench;

import io.github.authbench.store.CountingSessionStore;
import io.github.authbench.store.SessionStore;
import io.github.authbench.strategy.AuthStrategy;
import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.SigningKeys;
import io.github.authbench.strategy.StrategyConfig;
import io.github.authbench.strategy.Strategies;
import io.github.authbench.strategy.StrategyKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Two nodes of one deployment of a strategy: shared keys and shared store data, each node with its own store view
 * (its own Redis client). Benchmarks use node A; revocation is measured from A to B. Node A's store calls are counted,
 * by a counter that sits in the path, only in deployments made for counting: timed ones run without it.
 */
public final class Deployment implements AutoCloseable {

    /** Benchmark time is pinned here: tokens issued at this instant never expire during a run. */
    public static final Instant PINNED = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * The library the fill's twin signs with: the quickest issuer measured here, which shortens each fork that fills a
     * JWT strategy's store (docs/measurements.md). The store's content is the same on every library.
     */
    static final JwtLibrary FILL_LIBRARY = JwtLibrary.JAVA_JWT;

    /** Population users are numbered from here, apart from the users the benchmarks log in. */
    static final int POPULATION_USERS = 1_000_000;

    private final String strategy;
    private final Clock clock;
    private final int fillThreads;
    private final StoreKind.Shared shared;
    private final SessionStore storeA;
    private final CountingSessionStore callsOfA;
    private int twinUsers;
    private final SessionStore storeB;
    private final AuthStrategy nodeA;
    private final AuthStrategy nodeB;

    public Deployment(String strategy, SigningKeys keys, JwtLibrary library, StoreKind store, Clock clock,
            boolean countCalls) {
        this.strategy = strategy;
        this.clock = clock;
        this.fillThreads = store.fillThreads();
        this.shared = store.open(clock);
        StrategyConfig config = StrategyConfig.builder()
                .clock(clock)
                .keys(keys)
                .library(library)
                .build();
        SessionStore viewOfA = shared.forNode();
        this.callsOfA = countCalls ? new CountingSessionStore(viewOfA) : null;
        this.storeA = countCalls ? callsOfA : viewOfA;
        this.storeB = shared.forNode();
        this.nodeA = Strategies.create(strategy, config.toBuilder().store(storeA).build());
        this.nodeB = Strategies.create(strategy, config.toBuilder().store(storeB).build());
    }

    /**
     * A deployment whose clock never moves, as every timed benchmark uses.
     *
     * @param library the id of the JWT library ({@code codec} in the benchmark matrix)
     */
    public static Deployment pinned(String strategy, String algorithm, String library, StoreKind store) {
        return pinned(strategy, SigningKeys.generate(algorithm), library, store);
    }

    public static Deployment pinned(String strategy, SigningKeys keys, String library, StoreKind store) {
        return new Deployment(strategy, keys, JwtLibrary.of(library), store, Clock.fixed(PINNED, ZoneOffset.UTC), false);
    }

    /** A pinned deployment on the default JWT library whose node A counts its store calls. */
    public static Deployment counting(String strategy, SigningKeys keys, StoreKind store) {
        return new Deployment(strategy, keys, JwtLibrary.JJWT, store, Clock.fixed(PINNED, ZoneOffset.UTC), true);
    }

    /**
     * Fills the shared store with other users' state, as a live system has: {@code logins} logins (for jwt-denylist,
     * whose logins leave nothing, logged-out tokens). A twin issues them at HS256 on {@link #FILL_LIBRARY}: what the
     * store holds per login depends on neither the signing algorithm nor the JWT library, and those keep the fill fast.
     * Strategies without server state are left alone: their logins would leave the store as empty as it is (and cost
     * each fork seconds of signing).
     */
    public void populate(int logins, Payload payload) {
        if (StrategyKind.of(strategy).traits().keepsServerState()) {
            issueWithTwin(logins, payload, strategy.equals("jwt-denylist"));
        }
    }

    /**
     * Logs {@code logins} other users in through an HS256 twin on the shared store, logging each out if asked. The twin
     * is thread-safe like every strategy, so the fill runs on as many threads as the store wants
     * ({@link StoreKind#fillThreads()}): it is setup, not measurement.
     */
    void issueWithTwin(int logins, Payload payload, boolean logOutEach) {
        int firstUser = POPULATION_USERS + twinUsers;
        twinUsers += logins;
        ForkJoinPool fill = new ForkJoinPool(fillThreads);
        StrategyConfig twinConfig = StrategyConfig.builder().clock(clock).algorithm("HS256").library(FILL_LIBRARY)
                .store(storeA).build();
        try (AuthStrategy twin = Strategies.create(strategy, twinConfig)) {
            fill.submit(() -> IntStream.range(0, logins).parallel().forEach(i -> {
                String access = twin.login(payload.principal(firstUser + i)).access();
                if (logOutEach) {
                    twin.logout(access);
                }
            })).join();
        } finally {
            fill.shutdown();
        }
        if (callsOfA != null) {
            callsOfA.reset();
        }
    }

    /** Bytes the shared store holds now, as the store can tell (see {@link StoreKind.Shared#memoryBytes()}). */
    public long storeMemoryBytes() {
        return shared.memoryBytes();
    }

    public AuthStrategy nodeA() {
        return nodeA;
    }

    public AuthStrategy nodeB() {
        return nodeB;
    }

    /** Store calls (round trips on Redis) made by node A, in a deployment made with {@link #counting}. */
    public CountingSessionStore callsOfA() {
        if (callsOfA == null) {
            throw new IllegalStateException("this deployment does not count store calls");
        }
        return callsOfA;
    }

    @Override
    public void close() {
        nodeA.close();
        nodeB.close();
        shared.close();
    }
}
