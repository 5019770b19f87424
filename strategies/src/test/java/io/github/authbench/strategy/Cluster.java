package io.github.authbench.strategy;

import io.github.authbench.store.SessionStore;
import io.github.authbench.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Nodes of one deployment for tests: strategy instances sharing a clock, keys and the data of one store. Closing the
 * cluster closes its nodes and their stores.
 */
final class Cluster implements AutoCloseable {

    static final Duration ACCESS_TTL = Duration.ofMinutes(10);
    static final Duration REFRESH_TTL = Duration.ofMinutes(60);
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(2);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    final MutableClock clock = new MutableClock();
    /** The config every node shares; each node adds its own store. */
    final StrategyConfig config;
    private final NodeStores stores;
    private final List<AuthStrategy> nodes = new ArrayList<>();

    /** A cluster on the embedded store, signing with jjwt. */
    Cluster(String algorithm) {
        this(algorithm, NodeStores.caffeine());
    }

    Cluster(String algorithm, NodeStores stores) {
        this(algorithm, JwtLibrary.JJWT, stores);
    }

    /** A cluster on the embedded store for the case's algorithm and JWT library. */
    Cluster(StrategyCase c) {
        this(c, NodeStores.caffeine());
    }

    Cluster(StrategyCase c, NodeStores stores) {
        this(c.algorithm(), c.library(), stores);
    }

    private Cluster(String algorithm, JwtLibrary library, NodeStores stores) {
        this.stores = stores;
        this.config = StrategyConfig.builder()
                .clock(clock)
                .keys(TestKeys.of(algorithm))
                .library(library)
                .accessTtl(ACCESS_TTL)
                .refreshTtl(REFRESH_TTL)
                .idleTimeout(IDLE_TIMEOUT)
                .absoluteTimeout(ABSOLUTE_TIMEOUT)
                .clockSkew(CLOCK_SKEW)
                .build();
    }

    /** A new node running strategy {@code id}. */
    AuthStrategy node(String id) {
        return node(id, builder -> { });
    }

    /** A new node running strategy {@code id} on a config of its own (another clock, another skew), same data. */
    AuthStrategy node(String id, Consumer<StrategyConfig.Builder> adjust) {
        StrategyConfig.Builder builder = config.toBuilder().store(stores.storeFor(clock));
        adjust.accept(builder);
        AuthStrategy node = Strategies.create(id, builder.build());
        nodes.add(node);
        return node;
    }

    /** A view of the data every node shares, for planting what an attacker or another program left in the store. */
    SessionStore store() {
        return stores.storeFor(clock);
    }

    @Override
    public void close() {
        nodes.forEach(AuthStrategy::close);
        stores.close();
    }
}
