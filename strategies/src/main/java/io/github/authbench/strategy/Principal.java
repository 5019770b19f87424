package io.github.authbench.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who a credential speaks for: the subject, its roles and free-form attributes (tenant, email, ...).
 *
 * <p>Roles and attributes keep their insertion order, so a principal encodes to the same bytes every time: credential sizes
 * reported by the suite do not depend on hash ordering.
 */
public record Principal(String subject, Set<String> roles, Map<String, String> attributes) {

    public Principal {
        requireText(requireSubject(subject), "subject");
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(roles, "roles")));
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes")));
        roles.forEach(role -> requireText(role, "role"));
        attributes.forEach((name, value) -> {
            requireText(name, "attribute name");
            requireText(value, "attribute " + name);
        });
    }

    /**
     * Present and encodable as UTF-8: an unpaired surrogate has no UTF-8 form, so a credential or stored session
     * carrying it would not decode to the principal it was issued for.
     */
    private static void requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " has an unpaired surrogate at index " + i);
            }
        }
    }

    /**
     * The subject, if it can name a user: not null, not blank. Every method taking a subject checks it, so a bad
     * argument is refused instead of being read as the user whose subject is the text "null".
     */
    public static String requireSubject(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        return subject;
    }

    /** A principal with roles and no attributes. */
    public static Principal of(String subject, String... roles) {
        return new Principal(subject, new LinkedHashSet<>(java.util.List.of(roles)), Map.of());
    }
}
