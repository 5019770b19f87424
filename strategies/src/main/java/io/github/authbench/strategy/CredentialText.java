package io.github.authbench.strategy;

/**
 * Checks every strategy runs on a presented credential before spending anything on it: present, not blank, and not longer
 * than {@link StrategyConfig#MAX_CREDENTIAL_CHARS}, so an attacker's megabyte costs one length comparison.
 */
final class CredentialText {

    private CredentialText() {
    }

    static String require(String credential) throws AuthException {
        if (credential == null) {
            throw new AuthException(Reason.MALFORMED, "no credential");
        }
        if (credential.length() > StrategyConfig.MAX_CREDENTIAL_CHARS) {
            throw new AuthException(Reason.TOO_LARGE,
                    "credential of " + credential.length() + " chars exceeds " + StrategyConfig.MAX_CREDENTIAL_CHARS);
        }
        if (credential.isBlank()) {
            throw new AuthException(Reason.MALFORMED, "blank credential");
        }
        return credential;
    }

    /** Whether the text has the two dots of a compact JWS; used to tell a JWT from an opaque token. */
    static boolean hasJwsShape(String credential) {
        int first = credential.indexOf('.');
        return first >= 0 && credential.indexOf('.', first + 1) >= 0;
    }
}
