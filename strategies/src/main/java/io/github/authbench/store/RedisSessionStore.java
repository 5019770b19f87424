package io.github.authbench.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The shared store: state in Redis, seen alike by every node that uses the same server or cluster. Works on any
 * {@link UnifiedJedis}, so one code path serves a single server and a Redis Cluster.
 *
 * <p><b>Encoding.</b> A value is stored as 13 ASCII digits of its logical expiry (epoch milliseconds) followed by the
 * strategy's bytes. Digits rather than a binary long because the Lua scripts must read the expiry ({@code tonumber} of a
 * substring), and the logical expiry must live in the value because it follows the strategies' clock, which tests move
 * by hours. The key's Redis TTL (expiry plus retention) only frees memory.
 *
 * <p><b>Round trips.</b> get, put without an index, getAll (MGET), getAndExtend and swap (Lua scripts, atomic) are one
 * round trip each. An indexed put is SET plus an index script in one pipeline: one round trip on a single server, one
 * per node touched on a cluster (the entry and the index live in different slots). revokeSubject reads the index, then
 * swaps every entry in one pipeline: two round trips. getAll needs its keys in one cluster slot: the strategies give
 * such keys a shared hash tag.
 *
 * <p><b>Faults.</b> Any Redis error becomes {@link StoreUnavailableException}; the client's timeouts bound every call.
 * A pooled connection opened before a Redis restart fails on its next use, so an operation that is safe to repeat is
 * retried once, on a fresh connection, after a connection error: reads, puts, extends and revocations. A swap is not:
 * if the first attempt reached Redis, a repeat would see its own tombstone, and a refresh would be reported as reuse.
 * A failing call thus ends within twice the client timeout.
 */
public final class RedisSessionStore implements SessionStore {

    private static final int EXPIRY_DIGITS = 13;

    /** Returns the value as it was; when it was live, rewrites its expiry prefix and TTL. */
    private static final RedisScript GET_AND_EXTEND = new RedisScript("""
            local v = redis.call('GET', KEYS[1])
            if not v then return false end
            if tonumber(string.sub(v, 1, 13)) > tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], ARGV[2] .. string.sub(v, 14), 'PX', ARGV[3])
            end
            return v
            """);

    /** Returns the value as it was; when it was live, replaces the bytes after the expiry prefix, keeping the TTL. */
    private static final RedisScript SWAP = new RedisScript("""
            local v = redis.call('GET', KEYS[1])
            if not v then return false end
            if tonumber(string.sub(v, 1, 13)) > tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], string.sub(v, 1, 13) .. ARGV[2], 'KEEPTTL')
            end
            return v
            """);

    /**
     * Adds a key to a subject's index, a sorted set scored by the end of retention of the key's renewal cap (not of its
     * current expiry, which sliding renewal moves without touching the index): members past it are pruned, so the index
     * stays as small as the subject's logins that can still be live, and it lives as long as its longest member.
     */
    private static final RedisScript INDEX = new RedisScript("""
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[4]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[4])
            end
            return 1
            """);

    private final UnifiedJedis redis;
    private final Clock clock;
    private final Duration retention;
    private final String namespace;

    /**
     * @param redis the client; the caller owns it and closes it after this store
     * @param namespace prefix of every key, so several suites or tests can share one server
     */
    public RedisSessionStore(UnifiedJedis redis, Clock clock, Duration retention, String namespace) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative: " + retention);
        }
        if (namespace.contains("{") || namespace.contains("}")) {
            throw new IllegalArgumentException("namespace must not contain braces: they would change cluster slots");
        }
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt, IndexedUnder index) {
        byte[] stored = key(key);
        byte[] blob = blob(expiresAt, value);
        long ttl = physicalTtlMillis(expiresAt);
        repeatable(() -> {
            if (index == null) {
                redis.set(stored, blob, SetParams.setParams().px(ttl));
                return null;
            }
            long now = clock.millis();
            long indexTtl = physicalTtlMillis(index.untilAtLeast(expiresAt));
            try (AbstractPipeline pipeline = redis.pipelined()) {
                pipeline.set(stored, blob, SetParams.setParams().px(ttl));
                pipeline.eval(INDEX.source(), List.of(indexKey(index.subject())), List.of(
                        stored, ascii(now + indexTtl), ascii(now), ascii(indexTtl)));
                pipeline.sync();
            }
            return null;
        });
    }

    @Override
    public StoredEntry get(String key) {
        return entry(repeatable(() -> redis.get(key(key))));
    }

    @Override
    public List<StoredEntry> getAll(List<String> keys) {
        byte[][] stored = new byte[keys.size()][];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = key(keys.get(i));
        }
        List<byte[]> blobs = repeatable(() -> redis.mget(stored));
        List<StoredEntry> entries = new ArrayList<>(blobs.size());
        for (byte[] blob : blobs) {
            entries.add(entry(blob));
        }
        return entries;
    }

    @Override
    public StoredEntry getAndExtend(String key, Instant newExpiresAt) {
        long ttl = physicalTtlMillis(newExpiresAt);
        return entry(repeatable(() -> GET_AND_EXTEND.run(redis, List.of(key(key)),
                List.of(ascii(clock.millis()), expiryDigits(newExpiresAt), ascii(ttl)))));
    }

    @Override
    public StoredEntry swap(String key, byte[] value) {
        return entry(once(() -> SWAP.run(redis, List.of(key(key)), List.of(ascii(clock.millis()), value))));
    }

    @Override
    public void revokeSubject(String subject, byte[] tombstone) {
        byte[] index = indexKey(subject);
        repeatable(() -> {
            List<byte[]> keys = redis.zrange(index, 0, -1);
            if (keys.isEmpty()) {
                return null;
            }
            byte[] now = ascii(clock.millis());
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (byte[] stored : keys) {
                    pipeline.eval(SWAP.source(), List.of(stored), List.of(now, tombstone));
                }
                pipeline.zrem(index, keys.toArray(new byte[0][]));
                pipeline.sync();
            }
            return null;
        });
    }

    /** The client belongs to the caller; closing the store releases nothing of its own. */
    @Override
    public void close() {
    }

    /** Runs a command that may run twice: once more after a connection error (a connection that died with Redis). */
    private <T> T repeatable(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisConnectionException staleOrDown) {
            return once(command);
        } catch (JedisException e) {
            throw new StoreUnavailableException("redis: " + e.getMessage(), e);
        }
    }

    private <T> T once(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new StoreUnavailableException("redis: " + e.getMessage(), e);
        }
    }

    private byte[] key(String key) {
        return (namespace + key).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] indexKey(String subject) {
        return (namespace + "subject:{" + subject + "}").getBytes(StandardCharsets.UTF_8);
    }

    private long physicalTtlMillis(Instant expiresAt) {
        return Math.max(1, Duration.between(clock.instant(), expiresAt.plus(retention)).toMillis());
    }

    /** The stored bytes as an entry, or null when absent or, on the store's clock, past its retention. */
    private StoredEntry entry(Object reply) {
        if (reply == null) {
            return null;
        }
        byte[] blob = (byte[]) reply;
        if (blob.length < EXPIRY_DIGITS) {
            throw new StoreUnavailableException("redis holds a value too short to be ours", null);
        }
        long expiresAtMillis;
        try {
            expiresAtMillis = Long.parseLong(new String(blob, 0, EXPIRY_DIGITS, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new StoreUnavailableException("redis holds a value without our expiry prefix", e);
        }
        Instant expiresAt = Instant.ofEpochMilli(expiresAtMillis);
        if (!clock.instant().isBefore(expiresAt.plus(retention))) {
            return null;
        }
        byte[] value = new byte[blob.length - EXPIRY_DIGITS];
        System.arraycopy(blob, EXPIRY_DIGITS, value, 0, value.length);
        return new StoredEntry(value, expiresAt);
    }

    private static byte[] blob(Instant expiresAt, byte[] value) {
        byte[] digits = expiryDigits(expiresAt);
        byte[] blob = new byte[digits.length + value.length];
        System.arraycopy(digits, 0, blob, 0, digits.length);
        System.arraycopy(value, 0, blob, digits.length, value.length);
        return blob;
    }

    /** Epoch milliseconds as exactly 13 digits: enough until the year 2286. */
    private static byte[] expiryDigits(Instant expiresAt) {
        return String.format("%013d", expiresAt.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }
}
