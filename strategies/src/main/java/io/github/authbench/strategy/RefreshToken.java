package io.github.authbench.strategy;

/**
 * An opaque refresh token of {@code access-refresh}: {@code rt_} followed by base64url of a 128-bit family id and a 256-bit
 * secret. The prefix makes the kind recognizable (to this server, and to secret scanners); the family id lets the server
 * find the login without a lookup; only a hash of the whole token is stored.
 */
record RefreshToken(String familyId, String text) {

    static final String PREFIX = "rt_";
    private static final int FAMILY_BYTES = 16;
    private static final int TOKEN_BYTES = FAMILY_BYTES + OpaqueTokens.ID_BYTES;

    /** A new refresh token of the family whose id bytes are given. */
    static RefreshToken issue(String familyId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        System.arraycopy(OpaqueTokens.decode(familyId), 0, bytes, 0, FAMILY_BYTES);
        System.arraycopy(OpaqueTokens.randomBytes(OpaqueTokens.ID_BYTES), 0, bytes, FAMILY_BYTES, OpaqueTokens.ID_BYTES);
        return new RefreshToken(familyId, PREFIX + OpaqueTokens.encode(bytes));
    }

    /** A fresh family id. */
    static String newFamilyId() {
        return OpaqueTokens.encode(OpaqueTokens.randomBytes(FAMILY_BYTES));
    }

    /** Whether the text claims to be a refresh token (it may still be malformed). */
    static boolean hasPrefix(String text) {
        return text.startsWith(PREFIX);
    }

    static RefreshToken parse(String text) throws AuthException {
        String body = hasPrefix(text) ? text.substring(PREFIX.length()) : "";
        if (!OpaqueTokens.isCanonical(body, TOKEN_BYTES)) {
            throw new AuthException(Reason.MALFORMED, "not a refresh token");
        }
        byte[] family = new byte[FAMILY_BYTES];
        System.arraycopy(OpaqueTokens.decode(body), 0, family, 0, FAMILY_BYTES);
        return new RefreshToken(OpaqueTokens.encode(family), text);
    }

    /** Where the token's state lives: a hash, so a store dump cannot be replayed; the family id keeps a cluster slot. */
    String storeKey() {
        return "refresh:{" + familyId + "}:" + OpaqueTokens.sha256(text);
    }

    static String familyKey(String familyId) {
        return "family:{" + familyId + "}";
    }
}
