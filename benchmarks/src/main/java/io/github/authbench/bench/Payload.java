package io.github.authbench.bench;

import io.github.authbench.strategy.Principal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How much a principal carries, sized like real applications: a bare API client (2 claims), a typical web user
 * (10 claims: a few roles, profile and tenant attributes) and an enterprise user with fine-grained permissions
 * (50 claims). Values are fixed per user number, so every run builds the same bytes.
 */
public enum Payload {
    SMALL(1, 1),
    TYPICAL(4, 6),
    LARGE(20, 30);

    private static final String[] PROFILE = {"email", "name", "tenant", "locale", "department", "plan"};

    private final int roles;
    private final int attributes;

    Payload(int roles, int attributes) {
        this.roles = roles;
        this.attributes = attributes;
    }

    /** Claims besides the subject: roles plus attributes. */
    public int claims() {
        return roles + attributes;
    }

    public Principal principal(int user) {
        String subject = "user-" + user;
        Set<String> roleSet = new LinkedHashSet<>();
        for (int i = 0; i < roles; i++) {
            roleSet.add(i == 0 ? "user" : "perm:resource-" + i + ":read");
        }
        Map<String, String> attributeMap = new LinkedHashMap<>();
        for (int i = 0; i < attributes; i++) {
            String name = i < PROFILE.length ? PROFILE[i] : "attr-" + i;
            attributeMap.put(name, name.equals("email") ? subject + "@example.com" : name + "-value-" + (user % 97));
        }
        return new Principal(subject, roleSet, attributeMap);
    }
}
