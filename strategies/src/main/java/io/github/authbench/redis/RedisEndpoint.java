package io.github.authbench.redis;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where a Redis is: one server, or the seed nodes of a Redis Cluster, and how it was found (for logs and run
 * descriptions).
 */
public record RedisEndpoint(List<HostAndPort> nodes, String origin) {

    public RedisEndpoint {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a Redis endpoint needs at least one node");
        }
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Parses {@code redis://host:port} (one server) or {@code redis://host1:port1,host2:port2,...} (seed nodes of a
     * cluster).
     */
    public static RedisEndpoint parse(String url, String origin) {
        String prefix = "redis://";
        if (url == null || !url.startsWith(prefix) || url.length() == prefix.length()) {
            throw new IllegalArgumentException("expected redis://host:port or redis://host1:port1,host2:port2, got '"
                    + url + "'");
        }
        List<HostAndPort> nodes = new ArrayList<>();
        for (String node : url.substring(prefix.length()).split(",")) {
            URI uri = URI.create(prefix + node.trim());
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("'" + node + "' in '" + url + "' is not host:port");
            }
            nodes.add(new HostAndPort(uri.getHost(), uri.getPort()));
        }
        return new RedisEndpoint(nodes, origin);
    }

    public boolean isCluster() {
        return nodes.size() > 1;
    }

    /**
     * A client whose every call gives up after {@code timeout}: connecting, reading a reply, and waiting for a pooled
     * connection. A store built on it fails closed within that time when Redis is down or stalled, and recovers by
     * itself, since the pool opens fresh connections once Redis answers again.
     */
    public UnifiedJedis connect(Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        JedisClientConfig client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .build();
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(16);
        pool.setMaxWait(timeout);
        pool.setTestOnBorrow(false);
        if (isCluster()) {
            return RedisClusterClient.builder()
                    .nodes(new LinkedHashSet<>(nodes))
                    .clientConfig(client)
                    .poolConfig(pool)
                    .maxAttempts(2)
                    .maxTotalRetriesDuration(timeout.multipliedBy(2))
                    .build();
        }
        return RedisClient.builder()
                .hostAndPort(nodes.get(0))
                .clientConfig(client)
                .poolConfig(pool)
                .build();
    }

    @Override
    public String toString() {
        return (isCluster() ? "Redis Cluster " : "Redis ") + nodes + " (" + origin + ")";
    }
}
