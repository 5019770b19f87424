package io.github.authbench.strategy;

/**
 * {@code session} and {@code sliding-session}: the client holds only an opaque 256-bit id; the principal lives on the
 * server. Logout takes effect at once on every node that shares the store. The two ids differ only in the session's
 * {@link SessionLifetime}: fixed ({@code accessTtl} from login) or sliding ({@code idleTimeout} from the last request,
 * capped at {@code absoluteTimeout} from login).
 */
final class SessionStrategy implements AuthStrategy {

    private final String id;
    private final StoreLease lease;
    private final ServerSessions sessions;

    SessionStrategy(String id, StrategyConfig config, SessionLifetime lifetime) {
        this.id = id;
        this.lease = StoreLease.of(config);
        this.sessions = new ServerSessions(id, lease.store(), config.clock(), lifetime);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Credentials login(Principal principal) {
        ServerSessions.Started session = sessions.start(principal);
        return Credentials.accessOnly(session.id(), session.expiresAt());
    }

    @Override
    public Principal authenticate(String credential) throws AuthException {
        return sessions.resume(CredentialText.require(credential));
    }

    /** A session id is the only credential; a sliding session renews on every request instead. */
    @Override
    public Credentials refresh(String credential) {
        throw new UnsupportedOperationException(id + " has no refresh credential");
    }

    @Override
    public void logout(String credential) {
        sessions.end(credential);
    }

    @Override
    public void logoutEverywhere(String subject) {
        sessions.endAll(subject);
    }

    @Override
    public void close() {
        lease.close();
    }
}
