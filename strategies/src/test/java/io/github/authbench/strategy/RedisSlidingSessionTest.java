package io.github.authbench.strategy;

/** {@link SlidingSessionTest} on a real Redis: every node its own client. */
class RedisSlidingSessionTest extends SlidingSessionTest {

    @Override
    Cluster cluster(String algorithm) {
        return new Cluster(algorithm, new RedisNodeStores());
    }
}
