package io.github.authbench.strategy;

/**
 * One way of authenticating requests: what a login hands the client, how each request's credential is checked, and how a
 * login ends. Every strategy the suite compares implements this contract, so tests and benchmarks treat them alike.
 *
 * <p>Implementations are thread-safe: one instance serves all request threads of one application node. Two instances
 * built from a {@link StrategyConfig} that shares keys and store behave as two nodes of one cluster.
 */
public interface AuthStrategy extends AutoCloseable {

    /** The stable id this strategy is registered under in {@link Strategies}, e.g. {@code "stateless-jwt"}. */
    String id();

    /**
     * Starts a login for an already verified principal and returns what the client keeps.
     *
     * @throws IllegalArgumentException if the principal is too large for this strategy (its token or stored state);
     *     the message says the limit. A login never hands out a credential its own authenticate would refuse.
     */
    Credentials login(Principal principal);

    /** The per-request check of an access credential; any credential that is not valid now is an {@link AuthException}. */
    Principal authenticate(String credential) throws AuthException;

    /**
     * Exchanges a credential for fresh ones (rotation or re-issue; each strategy documents which credential it takes).
     *
     * @throws UnsupportedOperationException where the strategy has nothing to refresh
     */
    Credentials refresh(String credential) throws AuthException;

    /** Revokes the login this credential belongs to, as far as the strategy can; idempotent and silent on bad input. */
    void logout(String credential);

    /**
     * Revokes every login of the subject, e.g. after a password change, however long each has been renewed.
     *
     * @throws NullPointerException if the subject is null, {@link IllegalArgumentException} if it is blank: nobody is
     *     revoked on a bad argument
     */
    void logoutEverywhere(String subject);

    /** Releases what this instance owns (a store it created); a store passed in through the config stays open. */
    @Override
    void close();
}
