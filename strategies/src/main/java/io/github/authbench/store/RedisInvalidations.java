package io.github.authbench.store;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import io.github.authbench.redis.RedisEndpoint;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis pub/sub channel on which nodes announce the keys they changed, so the others drop their near-cached copies.
 * A daemon thread holds the subscription and resubscribes after a lost connection; {@link #isListening()} says whether
 * announcements are arriving now, because while they are not, a near cache must not be trusted.
 *
 * <p>It opens a client of its own: a pooled connection that carried a subscription is not fit for commands after it.
 */
public final class RedisInvalidations implements AutoCloseable {

    /** Announced instead of a key when a node cannot name the keys it changed (logout everywhere). */
    public static final String EVERYTHING = "*";

    private static final Duration RESUBSCRIBE_PAUSE = Duration.ofMillis(100);

    private final UnifiedJedis redis;
    private final String channel;
    /** Prefix of this bus's own announcements, which it ignores: its node already dropped the key. */
    private final String self = UUID.randomUUID() + " ";
    private final Thread subscriber;
    private final JedisPubSub subscription;
    private volatile Consumer<String> listener = key -> { };
    private volatile boolean listening;
    private volatile boolean closed;

    /** Connects to {@code endpoint} and subscribes at once; announcements give up after {@code timeout}. */
    public RedisInvalidations(RedisEndpoint endpoint, String channel, Duration timeout) {
        this.redis = endpoint.connect(timeout);
        this.channel = Objects.requireNonNull(channel, "channel");
        this.subscription = new JedisPubSub() {
            @Override
            public void onSubscribe(String ch, int count) {
                listening = true;
            }

            @Override
            public void onMessage(String ch, String message) {
                if (!message.startsWith(self)) {
                    listener.accept(message.substring(message.indexOf(' ') + 1));
                }
            }
        };
        this.subscriber = new Thread(this::subscribeUntilClosed, "authbench-invalidations-" + channel);
        this.subscriber.setDaemon(true);
        this.subscriber.start();
    }

    /** Where announced keys go; {@link #EVERYTHING} also arrives whenever the subscription was lost and is back. */
    void onInvalidation(Consumer<String> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Whether the subscription is up, so announcements from other nodes reach this one. */
    public boolean isListening() {
        return listening;
    }

    /** Tells every other node that {@code key} changed. One round trip. */
    void announce(String key) {
        try {
            redis.publish(channel, self + key);
        } catch (JedisException e) {
            throw new StoreUnavailableException("redis: could not announce a change: " + e.getMessage(), e);
        }
    }

    private void subscribeUntilClosed() {
        while (!closed) {
            try {
                redis.subscribe(subscription, channel);
            } catch (JedisException | IllegalStateException lost) {
                // Redis went away: announcements may have been missed, so whatever was cached is suspect.
            }
            listening = false;
            listener.accept(EVERYTHING);
            if (!closed) {
                try {
                    Thread.sleep(RESUBSCRIBE_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (subscription.isSubscribed()) {
            subscription.unsubscribe();
        }
        subscriber.interrupt();
        try {
            subscriber.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        redis.close();
    }
}
