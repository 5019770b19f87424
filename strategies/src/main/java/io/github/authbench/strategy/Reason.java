package io.github.authbench.strategy;

/** Why a credential was rejected. Reports show these to users, so each strategy must give the honest one. */
public enum Reason {
    /** Not a credential of the expected shape: empty, wrong format, undecodable, or missing a required claim. */
    MALFORMED,
    /** Longer than the limit, rejected before any decoding so oversized input costs nothing. */
    TOO_LARGE,
    /** Not signed by this server's key with its one algorithm: forged, tampered with, unsigned or another key's. */
    BAD_SIGNATURE,
    /** Was valid, but its lifetime (or the login's absolute lifetime) has passed. */
    EXPIRED,
    /** Was valid, but its login was ended by logout, logout-everywhere or refresh-token reuse. */
    REVOKED,
    /** Well-formed, but the server has no record of it (never issued, or forgotten long after it ended). */
    UNKNOWN,
    /** Genuine, but a different kind of credential: a refresh token sent as an access token, another audience's token. */
    WRONG_TYPE,
    /** A refresh token that was already exchanged; its whole family is revoked (RFC 9700 section 4.14.2). */
    REUSED,
    /** The store that must vouch for the credential could not be asked; the request fails closed. */
    UNAVAILABLE
}
