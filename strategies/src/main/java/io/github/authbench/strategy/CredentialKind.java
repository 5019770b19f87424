package io.github.authbench.strategy;

/** What the access credential a client sends is made of. */
public enum CredentialKind {
    /** Random bytes that mean something only to the server that stored them. */
    OPAQUE_ID,
    /** A signed JWT carrying the principal's claims. */
    JWT_WITH_CLAIMS,
    /** A signed JWT carrying only a reference to server-side state. */
    JWT_WITH_REFERENCE
}
