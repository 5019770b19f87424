package io.github.authbench.strategy;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code stateful-jwt}: a signed JWT that carries only a session id (plus iss, aud, iat, exp and typ); the principal lives
 * on the server, as with {@code session}. Each request pays for a signature check and a store lookup; logout takes effect
 * at once. This is the "JWT as a session cookie" design people adopt when they want JWTs and revocation both.
 */
final class StatefulJwtStrategy implements AuthStrategy {

    private final Clock clock;
    private final JwtTokens tokens;
    private final StoreLease lease;
    private final ServerSessions sessions;

    StatefulJwtStrategy(StrategyConfig config) {
        this.clock = config.clock();
        this.tokens = new JwtTokens(config);
        this.lease = StoreLease.of(config);
        this.sessions = new ServerSessions(id(), lease.store(), clock, SessionLifetime.fixed(config.accessTtl()));
    }

    @Override
    public String id() {
        return "stateful-jwt";
    }

    @Override
    public Credentials login(Principal principal) {
        Instant now = clock.instant();
        ServerSessions.Started session = sessions.start(principal);
        Instant expiresAt = JwtTokens.wholeSeconds(session.expiresAt());
        String token = tokens.sign(tokens.newToken(JwtTokens.SESSION_TYPE, now, expiresAt)
                .claim(JwtTokens.SESSION_ID, session.id()));
        return Credentials.accessOnly(token, expiresAt);
    }

    @Override
    public Principal authenticate(String credential) throws AuthException {
        return sessions.resume(sessionId(tokens.verify(credential, JwtTokens.SESSION_TYPE)));
    }

    @Override
    public Credentials refresh(String credential) {
        throw new UnsupportedOperationException("stateful-jwt has no refresh credential");
    }

    @Override
    public void logout(String credential) {
        VerifiedClaims claims = tokens.verifyForLogout(credential, JwtTokens.SESSION_TYPE);
        if (claims != null && claims.get(JwtTokens.SESSION_ID) instanceof String id) {
            sessions.end(id);
        }
    }

    @Override
    public void logoutEverywhere(String subject) {
        sessions.endAll(subject);
    }

    @Override
    public void close() {
        lease.close();
    }

    private static String sessionId(VerifiedClaims claims) throws AuthException {
        if (claims.get(JwtTokens.SESSION_ID) instanceof String id) {
            return id;
        }
        throw new AuthException(Reason.MALFORMED, "token has no sid");
    }
}
