package io.github.authbench.store;

/**
 * The store could not be asked: down, unreachable, slower than the client timeout, or holding data this version cannot
 * read. Strategies turn it into {@code AuthException(UNAVAILABLE)} on the request path (fail closed), and let it
 * propagate from login and logout, where silently carrying on would lose a login or a logout.
 */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
