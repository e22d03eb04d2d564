package dev.loopwise.security;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The two roles. An admin runs the workspace; a reviewer judges replies. Admins may also review. */
public final class Role {
    private Role() {
    }

    public static final String ADMIN = "admin";
    public static final String REVIEWER = "reviewer";

    /** Parses a comma-separated role list, rejecting unknown names. */
    public static Set<String> parse(String roles) {
        Set<String> parsed = new LinkedHashSet<>();
        Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).forEach(role -> {
            if (!role.equals(ADMIN) && !role.equals(REVIEWER)) {
                throw ApiException.badRequest("unknown_role", Messages.unknownRole(role));
            }
            parsed.add(role);
        });
        if (parsed.isEmpty()) {
            throw ApiException.badRequest("unknown_role", Messages.unknownRole(roles));
        }
        return parsed;
    }
}
