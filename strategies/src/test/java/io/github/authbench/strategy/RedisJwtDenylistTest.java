package io.github.authbench.strategy;

/** {@link JwtDenylistTest} on a real Redis: every node its own client. */
class RedisJwtDenylistTest extends JwtDenylistTest {

    @Override
    Cluster cluster(String algorithm) {
        return new Cluster(algorithm, new RedisNodeStores());
    }
}
