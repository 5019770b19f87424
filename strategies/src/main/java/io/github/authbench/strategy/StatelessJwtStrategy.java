package io.github.authbench.strategy;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code stateless-jwt}: a signed JWT carrying the whole principal (sub, roles, attrs) with iss, aud, iat, exp, jti and
 * {@code typ: at+jwt}; the server keeps nothing. Each request costs one signature check and no store call.
 *
 * <p>The price, and the point the suite measures: logout and logout-everywhere cannot revoke anything. A token stays
 * valid until its exp (plus the allowed clock skew) on every node. There is deliberately no hidden state here.
 */
final class StatelessJwtStrategy implements AuthStrategy {

    private final Clock clock;
    private final JwtTokens tokens;
    private final StrategyConfig config;

    StatelessJwtStrategy(StrategyConfig config) {
        this.config = config;
        this.clock = config.clock();
        this.tokens = new JwtTokens(config);
    }

    @Override
    public String id() {
        return "stateless-jwt";
    }

    @Override
    public Credentials login(Principal principal) {
        Instant now = clock.instant();
        Instant expiresAt = JwtTokens.wholeSeconds(now.plus(config.accessTtl()));
        return Credentials.accessOnly(tokens.sign(tokens.newAccessToken(principal, now, expiresAt)), expiresAt);
    }

    @Override
    public Principal authenticate(String credential) throws AuthException {
        return JwtTokens.principalOf(tokens.verify(credential, JwtTokens.ACCESS_TYPE));
    }

    @Override
    public Credentials refresh(String credential) {
        throw new UnsupportedOperationException("stateless-jwt has no refresh credential");
    }

    /** Nothing to do: a stateless token cannot be revoked; it works until its exp. */
    @Override
    public void logout(String credential) {
    }

    /** Nothing to do: without server state there is no list of a subject's tokens to end. */
    @Override
    public void logoutEverywhere(String subject) {
        Principal.requireSubject(subject);
    }

    @Override
    public void close() {
    }
}
