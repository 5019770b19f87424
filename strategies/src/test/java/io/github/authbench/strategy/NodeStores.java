package io.github.authbench.strategy;

import io.github.authbench.store.CaffeineSessionStore;
import io.github.authbench.store.SessionStore;
import io.github.authbench.testkit.MutableClock;

/** How the nodes of a test {@link Cluster} get their store; closed with the cluster. */
interface NodeStores extends AutoCloseable {

    /** The store for one more node; every node's store sees the same data. */
    SessionStore storeFor(MutableClock clock);

    @Override
    void close();

    /** One in-process store shared by every node: the embedded deployment. */
    static NodeStores caffeine() {
        return new NodeStores() {
            private CaffeineSessionStore shared;

            @Override
            public SessionStore storeFor(MutableClock clock) {
                if (shared == null) {
                    shared = new CaffeineSessionStore(clock);
                }
                return shared;
            }

            @Override
            public void close() {
                if (shared != null) {
                    shared.close();
                }
            }
        };
    }
}
