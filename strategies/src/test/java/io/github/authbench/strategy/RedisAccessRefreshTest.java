package io.github.authbench.strategy;

/** {@link AccessRefreshTest} on a real Redis: every node its own client. */
class RedisAccessRefreshTest extends AccessRefreshTest {

    @Override
    Cluster cluster(String algorithm) {
        return new Cluster(algorithm, new RedisNodeStores());
    }
}
