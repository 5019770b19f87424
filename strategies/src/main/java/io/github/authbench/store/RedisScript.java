package io.github.authbench.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 (EVALSHA, so each call sends 40 bytes instead of the script), falling back to EVAL when
 * the server does not know it yet: after a restart the script cache is empty. A script makes several commands on one
 * key a single atomic round trip.
 */
final class RedisScript {

    private final byte[] source;
    private final byte[] sha1;

    RedisScript(String source) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        this.sha1 = sha1Hex(this.source);
    }

    Object run(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args) {
        try {
            return redis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException notLoadedYet) {
            return redis.eval(source, keys, args);
        }
    }

    /** The script's source, for pipelines, where a NOSCRIPT reply cannot be retried. */
    byte[] source() {
        return source;
    }

    private static byte[] sha1Hex(byte[] source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
