package floors;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floors of authbench's FloorBenchmark, written again against the libraries directly: raw JCA verification of a
 * token's signing input, and each library's verify the way its documentation recommends (one algorithm and key, the
 * issuer and audience required, a clock pinned at the tokens' issue time). Tokens carry what authbench's typical
 * access token carries: iss, aud, iat, exp, sub, jti, 4 roles and 6 profile attributes, typ at+jwt. Each library's
 * tokens are made in a state only its own benchmark uses, so a fork runs one library's code and no other's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"})
public class FloorHarness {

    private static final int POOL = 1024;
    private static final String ISSUER = "https://authbench.example";
    private static final String AUDIENCE = "authbench-api";
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

    /** The key material, from the JDK alone. */
    @State(Scope.Benchmark)
    public static class Keys {
        @Param({"HS256", "ES256"})
        public String algorithm;

        SecretKey secret;
        KeyPair pair;

        @Setup(Level.Trial)
        public void generate() throws GeneralSecurityException {
            if (hmac()) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                secret = new SecretKeySpec(key, "HmacSHA256");
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                pair = generator.generateKeyPair();
            }
        }

        boolean hmac() {
            return algorithm.equals("HS256");
        }
    }

    /** One thread's position in a pool. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int next() {
            next = (next + 1) & (POOL - 1);
            return next;
        }
    }

    /** Signing inputs and signatures made with JCA alone, and a JCA verifier. */
    @State(Scope.Thread)
    public static class Raw {
        final byte[][] signingInputs = new byte[POOL][];
        final byte[][] signatures = new byte[POOL][];
        Mac mac;
        Signature ecdsa;

        @Setup(Level.Trial)
        public void sign(Keys keys) throws GeneralSecurityException {
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String header = base64.encodeToString(("{\"typ\":\"at+jwt\",\"alg\":\"" + keys.algorithm + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            Signature signer = null;
            if (keys.hmac()) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(keys.secret);
            } else {
                signer = Signature.getInstance("SHA256withECDSAinP1363Format");
                signer.initSign(keys.pair.getPrivate());
                ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
                ecdsa.initVerify(keys.pair.getPublic());
            }
            for (int i = 0; i < POOL; i++) {
                String payload = base64.encodeToString(json(claims(i)).getBytes(StandardCharsets.UTF_8));
                signingInputs[i] = (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
                if (mac != null) {
                    signatures[i] = mac.doFinal(signingInputs[i]);
                } else {
                    signer.update(signingInputs[i]);
                    signatures[i] = signer.sign();
                }
            }
        }

        /** The claims as compact JSON, written by hand: no library may run in this fork. */
        private static String json(Map<String, Object> claims) {
            StringBuilder json = new StringBuilder("{");
            claims.forEach((name, value) -> {
                json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":");
                if (value instanceof Long) {
                    json.append(value);
                } else if (value instanceof List<?> list) {
                    json.append('[');
                    list.forEach(item -> json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                            .append('"').append(item).append('"'));
                    json.append(']');
                } else if (value instanceof Map<?, ?> map) {
                    json.append('{');
                    map.forEach((key, item) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                            .append('"').append(key).append("\":\"").append(item).append('"'));
                    json.append('}');
                } else {
                    json.append('"').append(value).append('"');
                }
            });
            return json.append('}').toString();
        }
    }

    @State(Scope.Thread)
    public static class JjwtTokens {
        final String[] tokens = new String[POOL];
        JwtParser parser;

        @Setup(Level.Trial)
        public void sign(Keys keys) {
            for (int i = 0; i < POOL; i++) {
                tokens[i] = Jwts.builder().header().type("at+jwt").and().claims(claims(i))
                        .signWith(keys.hmac() ? keys.secret : keys.pair.getPrivate()).compact();
            }
            parser = (keys.hmac() ? Jwts.parser().verifyWith(keys.secret) : Jwts.parser().verifyWith(keys.pair.getPublic()))
                    .sig().clear().add(keys.hmac() ? Jwts.SIG.HS256 : Jwts.SIG.ES256).and()
                    .zip().clear().and()
                    .requireIssuer(ISSUER).requireAudience(AUDIENCE)
                    .clock(() -> Date.from(ISSUED)).build();
        }
    }

    @State(Scope.Thread)
    public static class NimbusTokens {
        final String[] tokens = new String[POOL];
        JWSAlgorithm algorithm;
        JWSVerifier verifier;
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;

        @Setup(Level.Trial)
        public void sign(Keys keys) throws JOSEException {
            algorithm = JWSAlgorithm.parse(keys.algorithm);
            JWSSigner signer = keys.hmac() ? new MACSigner(keys.secret)
                    : new ECDSASigner((ECPrivateKey) keys.pair.getPrivate());
            for (int i = 0; i < POOL; i++) {
                JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
                claims(i).forEach(claims::claim);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(new JOSEObjectType("at+jwt")).build(),
                        claims.build());
                jwt.sign(signer);
                tokens[i] = jwt.serialize();
            }
            verifier = keys.hmac() ? new MACVerifier(keys.secret) : new ECDSAVerifier((ECPublicKey) keys.pair.getPublic());
            claimsVerifier = new DefaultJWTClaimsVerifier<>(AUDIENCE, new JWTClaimsSet.Builder().issuer(ISSUER).build(),
                    Set.of()) {
                @Override
                protected Date currentTime() {
                    return Date.from(ISSUED);
                }
            };
        }
    }

    @State(Scope.Thread)
    public static class JavaJwtTokens {
        final String[] tokens = new String[POOL];
        JWTVerifier verifier;

        @Setup(Level.Trial)
        public void sign(Keys keys) {
            Algorithm algorithm = keys.hmac() ? Algorithm.HMAC256(keys.secret.getEncoded())
                    : Algorithm.ECDSA256((ECPublicKey) keys.pair.getPublic(), (ECPrivateKey) keys.pair.getPrivate());
            for (int i = 0; i < POOL; i++) {
                tokens[i] = JWT.create().withHeader(Map.of("typ", "at+jwt")).withPayload(claims(i)).sign(algorithm);
            }
            // build(Clock) is java-jwt's own way to verify against a given time; it lives on BaseVerification
            verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER).withAudience(AUDIENCE))
                    .build(Clock.fixed(ISSUED, ZoneOffset.UTC));
        }
    }

    /** The typical principal of authbench, as claims: a web user with 4 roles and 6 profile attributes. */
    static Map<String, Object> claims(int user) {
        String subject = "user-" + user;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : List.of("email", "name", "tenant", "locale", "department", "plan")) {
            attributes.put(name, name.equals("email") ? subject + "@example.com" : name + "-value-" + (user % 97));
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("iat", ISSUED.getEpochSecond());
        claims.put("exp", ISSUED.getEpochSecond() + 900);
        claims.put("sub", subject);
        claims.put("jti", Long.toString(0x1000_0000_0000L + user * 7919L, 36));
        claims.put("roles", List.of("user", "perm:resource-1:read", "perm:resource-2:read", "perm:resource-3:read"));
        claims.put("attrs", attributes);
        return claims;
    }

    @Benchmark
    public boolean rawVerify(Raw raw, Cursor cursor) throws GeneralSecurityException {
        int i = cursor.next();
        if (raw.mac != null) {
            return MessageDigest.isEqual(raw.mac.doFinal(raw.signingInputs[i]), raw.signatures[i]);
        }
        raw.ecdsa.update(raw.signingInputs[i]);
        return raw.ecdsa.verify(raw.signatures[i]);
    }

    @Benchmark
    public Jws<Claims> jjwtVerify(JjwtTokens jjwt, Cursor cursor) {
        return jjwt.parser.parseSignedClaims(jjwt.tokens[cursor.next()]);
    }

    @Benchmark
    public JWTClaimsSet nimbusVerify(NimbusTokens nimbus, Cursor cursor)
            throws ParseException, JOSEException, BadJWTException {
        SignedJWT jwt = SignedJWT.parse(nimbus.tokens[cursor.next()]);
        if (!nimbus.algorithm.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(nimbus.verifier)) {
            throw new IllegalStateException("a genuine token did not verify");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        nimbus.claimsVerifier.verify(claims, null);
        return claims;
    }

    @Benchmark
    public Object javaJwtVerify(JavaJwtTokens javaJwt, Cursor cursor) {
        return javaJwt.verifier.verify(javaJwt.tokens[cursor.next()]);
    }
}
