package io.github.authbench.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.authbench.strategy.AuthException;
import io.github.authbench.strategy.JwtCodec;
import io.github.authbench.strategy.JwtLibrary;
import io.github.authbench.strategy.SigningKeys;
import io.github.authbench.strategy.StrategyConfig;
import io.github.authbench.strategy.Strategies;
import io.github.authbench.strategy.AuthStrategy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floors: what no strategy can do below, measured in the same run so a report can say "x times the raw
 * primitive". Raw JCA verification of typical access tokens' signing inputs, each JWT library's verify of the tokens
 * stateless-jwt issues with it (the library alone, as the strategies call it), a bare Caffeine get plus the
 * session-id format check, and 32 bytes from SecureRandom (a session id). The Redis round trip floor is
 * {@link RedisFloorBenchmark}.
 *
 * <p>Just this class: {@code java -jar benchmarks/target/benchmarks.jar FloorBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FloorBenchmark extends SuiteFork {

    /** The keys of one algorithm, shared by the raw and the library floors. */
    @State(Scope.Benchmark)
    public static class FloorKeys {
        @Param({"HS256", "RS256", "ES256", "EdDSA"})
        public String algorithm;

        SigningKeys keys;

        @Setup(Level.Trial)
        public void generate() {
            keys = SigningKeys.generate(algorithm);
        }
    }

    /**
     * The pool of typical stateless access tokens AuthenticateBenchmark verifies (same issuer settings, same users),
     * each taken apart the way a verifier sees it: a floor must see the same inputs as what it is a floor for.
     */
    @State(Scope.Thread)
    public static class SignedTokens {
        final byte[][] signingInputs = new byte[Cursor.POOL][];
        final byte[][] signatures = new byte[Cursor.POOL][];
        Mac mac;
        Signature verifier;

        @Setup(Level.Trial)
        public void sign(FloorKeys floorKeys) throws GeneralSecurityException {
            SigningKeys keys = floorKeys.keys;
            String algorithm = floorKeys.algorithm;
            String[] issued = issue(keys, JwtLibrary.JJWT);
            for (int i = 0; i < issued.length; i++) {
                int lastDot = issued[i].lastIndexOf('.');
                signingInputs[i] = issued[i].substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
                signatures[i] = Base64.getUrlDecoder().decode(issued[i].substring(lastDot + 1));
            }
            if (keys.verificationKey() instanceof SecretKey secret) {
                mac = Mac.getInstance(secret.getAlgorithm());
                mac.init(secret);
            } else {
                verifier = jcaVerifier(algorithm);
                verifier.initVerify((PublicKey) keys.verificationKey());
            }
            Settle.afterSetup();
        }

        private static Signature jcaVerifier(String algorithm) throws GeneralSecurityException {
            return switch (algorithm) {
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                case "PS256" -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    yield pss;
                }
                case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
                case "EdDSA" -> Signature.getInstance("Ed25519");
                default -> throw new IllegalArgumentException("no JCA floor for " + algorithm);
            };
        }
    }

    /** The typical access tokens of stateless-jwt on {@code library}, one per pooled user, time pinned. */
    static String[] issue(SigningKeys keys, JwtLibrary library) {
        String[] tokens = new String[Cursor.POOL];
        try (AuthStrategy issuer = Strategies.create("stateless-jwt", StrategyConfig.builder()
                .clock(Clock.fixed(Deployment.PINNED, ZoneOffset.UTC)).keys(keys).library(library).build())) {
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = issuer.login(Payload.TYPICAL.principal(i)).access();
            }
        }
        return tokens;
    }

    /**
     * The tokens AuthenticateBenchmark verifies for stateless-jwt on one library, and that library's verifier as the
     * strategies hold it ({@link JwtCodec}: built once, the deployment's algorithm and key, issuer and audience
     * required, dates left to the strategy). Only this library's code runs in the fork, as in AuthenticateBenchmark's.
     */
    @State(Scope.Thread)
    public static class LibraryTokens extends LibraryAxis {
        String[] tokens;
        JwtCodec library;

        @Setup(Level.Trial)
        public void sign(FloorKeys floorKeys) {
            JwtLibrary chosen = JwtLibrary.of(codec);
            StrategyConfig defaults = StrategyConfig.builder().build();
            tokens = issue(floorKeys.keys, chosen);
            library = chosen.codec(floorKeys.keys, defaults.issuer(), defaults.audience());
            Settle.rehearseThenSettle(Settle.REHEARSED_CHECKS, i -> library.verify(tokens[i & (Cursor.POOL - 1)]));
        }
    }

    /**
     * A plain bounded Caffeine cache holding as many sessions as the authenticate benchmark's store, with maintenance
     * on the calling thread as the store has it (with the default executor, every few reads would wake a ForkJoin
     * worker, and the "floor" would cost more than the strategy above it).
     */
    @State(Scope.Benchmark)
    public static class PlainCache {
        @Param({"100000"})
        public int population;

        Cache<String, byte[]> cache;
        String[] ids;

        @Setup(Level.Trial)
        public void fill() {
            cache = Caffeine.newBuilder().maximumSize(4_000_000).executor(Runnable::run).build();
            SecureRandom random = new SecureRandom();
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            ids = new String[Cursor.POOL];
            for (int i = 0; i < Math.max(population, ids.length); i++) {
                byte[] id = new byte[32];
                random.nextBytes(id);
                String encoded = encoder.encodeToString(id);
                cache.put("session:" + encoded, new byte[160]);
                if (i < ids.length) {
                    ids[i] = encoded;
                }
            }
            Settle.afterSetup();
        }
    }

    @State(Scope.Thread)
    public static class Randomness {
        final SecureRandom random = new SecureRandom();
    }

    /** Raw JCA: HMAC recomputed and compared in constant time, or the public-key signature verified. */
    @Benchmark
    public boolean rawVerify(SignedTokens tokens, Cursor cursor) throws GeneralSecurityException {
        int i = cursor.next();
        if (tokens.mac != null) {
            return MessageDigest.isEqual(tokens.mac.doFinal(tokens.signingInputs[i]), tokens.signatures[i]);
        }
        tokens.verifier.update(tokens.signingInputs[i]);
        return tokens.verifier.verify(tokens.signatures[i]);
    }

    /** One JWT library alone: its verify of a stateless-jwt token, as the strategies call it. */
    @Benchmark
    public String libraryVerify(LibraryTokens tokens, Cursor cursor) throws AuthException {
        String token = tokens.tokens[cursor.next()];
        tokens.library.verify(token);
        return token;
    }

    /** Which ASCII characters are base64url, the alphabet of a session id. */
    private static final boolean[] BASE64URL = new boolean[128];

    static {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64URL[alphabet.charAt(i)] = true;
        }
    }

    /**
     * A Caffeine get of a session plus the check that the id is 43 base64url characters, by table lookup: a chain of
     * range comparisons over random characters mispredicts branches, and that version cost 215 ns here against 118 ns
     * for the whole session check it was meant to be the floor of.
     */
    @Benchmark
    public byte[] caffeineGetWithIdCheck(PlainCache plain, Cursor cursor) {
        String id = plain.ids[cursor.next()];
        if (id.length() != 43) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= BASE64URL.length || !BASE64URL[c]) {
                return null;
            }
        }
        return plain.cache.getIfPresent("session:" + id);
    }

    /** 256 bits from the JDK's default CSPRNG: the least a session login costs. */
    @Benchmark
    public byte[] secureRandom32Bytes(Randomness randomness) {
        byte[] bytes = new byte[32];
        randomness.random.nextBytes(bytes);
        return bytes;
    }
}
