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
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(roles, "roles")));
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    /** A principal with roles and no attributes. */
    public static Principal of(String subject, String... roles) {
        return new Principal(subject, new LinkedHashSet<>(java.util.List.of(roles)), Map.of());
    }
}
