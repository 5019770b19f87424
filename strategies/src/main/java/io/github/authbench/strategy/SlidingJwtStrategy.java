package io.github.authbench.strategy;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code sliding-jwt}: the sliding session of the JWT world, with no server state. The access token lives
 * {@code accessTtl}; {@code refresh(access)} re-issues it with a later exp while the login is younger than
 * {@code absoluteTimeout}. The login instant travels in the token as {@code auth_time} (the OpenID Connect claim), and no
 * re-issued token outlives {@code auth_time + absoluteTimeout}.
 *
 * <p>Like {@code stateless-jwt}, logout revokes nothing: the current token works until its exp.
 */
final class SlidingJwtStrategy implements AuthStrategy {

    private final StrategyConfig config;
    private final Clock clock;
    private final JwtTokens tokens;

    SlidingJwtStrategy(StrategyConfig config) {
        this.config = config;
        this.clock = config.clock();
        this.tokens = new JwtTokens(config);
    }

    @Override
    public String id() {
        return "sliding-jwt";
    }

    @Override
    public Credentials login(Principal principal) {
        Instant now = clock.instant();
        return issue(principal, JwtTokens.wholeSeconds(now), now);
    }

    @Override
    public Principal authenticate(String credential) throws AuthException {
        return JwtTokens.principalOf(tokens.verify(credential, JwtTokens.ACCESS_TYPE));
    }

    /** Takes the current, still valid access token and returns its successor. */
    @Override
    public Credentials refresh(String credential) throws AuthException {
        VerifiedClaims claims = tokens.verify(credential, JwtTokens.ACCESS_TYPE);
        if (!(claims.get(JwtTokens.AUTH_TIME) instanceof Number authTime)) {
            throw new AuthException(Reason.MALFORMED, "token has no auth_time");
        }
        // An integer NumericDate in range (JwtTokens checked it), so this Instant exists; a login cannot follow its token.
        Instant loginAt = Instant.ofEpochSecond(authTime.longValue());
        if (loginAt.isAfter(claims.issuedAt())) {
            throw new AuthException(Reason.MALFORMED, "auth_time lies after the token was issued");
        }
        Instant now = clock.instant();
        if (!now.isBefore(loginAt.plus(config.absoluteTimeout()))) {
            throw new AuthException(Reason.EXPIRED, "login is older than the absolute timeout");
        }
        return issue(JwtTokens.principalOf(claims), loginAt, now);
    }

    private Credentials issue(Principal principal, Instant loginAt, Instant now) {
        Instant expiresAt = JwtTokens.wholeSeconds(
                SessionLifetime.min(now.plus(config.accessTtl()), loginAt.plus(config.absoluteTimeout())));
        String token = tokens.sign(tokens.newAccessToken(principal, now, expiresAt)
                .claim(JwtTokens.AUTH_TIME, loginAt.getEpochSecond()));
        return Credentials.accessOnly(token, expiresAt);
    }

    /** Nothing to do: the token is stateless and works until its exp. */
    @Override
    public void logout(String credential) {
    }

    /** Nothing to do: there is no server state to end. */
    @Override
    public void logoutEverywhere(String subject) {
        Principal.requireSubject(subject);
    }

    @Override
    public void close() {
    }
}
