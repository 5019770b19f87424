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
 * access token carries: iss, aud, iat, exp, sub, jti, 4 roles and 6 profile attributes, typ at+jwt.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"})
public class FloorHarness {

    private static final int POOL = 1024;
    private static final String ISSUER = "https://authbench.example";
    private static final String AUDIENCE = "authbench-api";
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

    @Param({"HS256", "ES256"})
    public String algorithm;

    private final String[] jjwtTokens = new String[POOL];
    private final String[] nimbusTokens = new String[POOL];
    private final String[] javaJwtTokens = new String[POOL];
    private final byte[][] signingInputs = new byte[POOL][];
    private final byte[][] signatures = new byte[POOL][];
    private SecretKey secret;
    private KeyPair pair;
    private Mac mac;
    private Signature ecdsa;
    private JwtParser jjwt;
    private JWSVerifier nimbusVerifier;
    private DefaultJWTClaimsVerifier<SecurityContext> nimbusClaims;
    private JWTVerifier javaJwt;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException, JOSEException {
        boolean hmac = algorithm.equals("HS256");
        if (hmac) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            secret = new SecretKeySpec(key, "HmacSHA256");
            mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
            ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
            ecdsa.initVerify(pair.getPublic());
        }
        Clock pinned = Clock.fixed(ISSUED, ZoneOffset.UTC);
        jjwt = (hmac ? Jwts.parser().verifyWith(secret) : Jwts.parser().verifyWith(pair.getPublic()))
                .sig().clear().add(hmac ? Jwts.SIG.HS256 : Jwts.SIG.ES256).and()
                .zip().clear().and()
                .requireIssuer(ISSUER).requireAudience(AUDIENCE)
                .clock(() -> Date.from(ISSUED)).build();
        nimbusVerifier = hmac ? new MACVerifier(secret) : new ECDSAVerifier((ECPublicKey) pair.getPublic());
        nimbusClaims = new DefaultJWTClaimsVerifier<>(AUDIENCE, new JWTClaimsSet.Builder().issuer(ISSUER).build(),
                Set.of()) {
            @Override
            protected Date currentTime() {
                return Date.from(ISSUED);
            }
        };
        Algorithm auth0 = hmac ? Algorithm.HMAC256(secret.getEncoded())
                : Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
        javaJwt = JWT.require(auth0).withIssuer(ISSUER).withAudience(AUDIENCE).build(pinned);

        JWSSigner nimbusSigner = hmac ? new MACSigner(secret) : new ECDSASigner((ECPrivateKey) pair.getPrivate());
        for (int i = 0; i < POOL; i++) {
            Map<String, Object> claims = claims(i);
            jjwtTokens[i] = Jwts.builder().header().type("at+jwt").and().claims(claims)
                    .signWith(hmac ? secret : pair.getPrivate()).compact();
            JWTClaimsSet.Builder nimbusClaimsOf = new JWTClaimsSet.Builder();
            claims.forEach(nimbusClaimsOf::claim);
            SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(algorithm))
                    .type(new JOSEObjectType("at+jwt")).build(), nimbusClaimsOf.build());
            signed.sign(nimbusSigner);
            nimbusTokens[i] = signed.serialize();
            javaJwtTokens[i] = JWT.create().withHeader(Map.of("typ", "at+jwt")).withPayload(claims).sign(auth0);
            int lastDot = jjwtTokens[i].lastIndexOf('.');
            signingInputs[i] = jjwtTokens[i].substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
            signatures[i] = Base64.getUrlDecoder().decode(jjwtTokens[i].substring(lastDot + 1));
        }
    }

    /** The typical principal of authbench, as claims: a web user with 4 roles and 6 profile attributes. */
    private static Map<String, Object> claims(int user) {
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

    private int next() {
        next = (next + 1) & (POOL - 1);
        return next;
    }

    @Benchmark
    public boolean rawVerify() throws GeneralSecurityException {
        int i = next();
        if (mac != null) {
            return MessageDigest.isEqual(mac.doFinal(signingInputs[i]), signatures[i]);
        }
        ecdsa.update(signingInputs[i]);
        return ecdsa.verify(signatures[i]);
    }

    @Benchmark
    public Jws<Claims> jjwtVerify() {
        return jjwt.parseSignedClaims(jjwtTokens[next()]);
    }

    @Benchmark
    public JWTClaimsSet nimbusVerify() throws ParseException, JOSEException,
            com.nimbusds.jwt.proc.BadJWTException {
        SignedJWT jwt = SignedJWT.parse(nimbusTokens[next()]);
        if (!jwt.getHeader().getAlgorithm().getName().equals(algorithm) || !jwt.verify(nimbusVerifier)) {
            throw new IllegalStateException("a genuine token did not verify");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        nimbusClaims.verify(claims, null);
        return claims;
    }

    @Benchmark
    public Object javaJwtVerify() {
        return javaJwt.verify(javaJwtTokens[next()]);
    }
}
