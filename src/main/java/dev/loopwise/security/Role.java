package dev.loopwise.security;

import dev.loopwise.common.AccountMessages;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The roles. An admin runs the workspace; a reviewer judges replies (admins may also review); a service
 * account is a helpdesk integration: its API keys ask for answers and send feedback, nothing else, so
 * that nobody who judges replies can also feed the traffic those replies are drawn from.
 */
public final class Role {
    private Role() {
    }

    public static final String ADMIN = "admin";
    public static final String REVIEWER = "reviewer";
    public static final String SERVICE = "service";

    /** Parses a comma-separated role list, rejecting unknown names. */
    public static Set<String> parse(String roles) {
        Set<String> parsed = new LinkedHashSet<>();
        Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(role -> {
            if (!role.equals(ADMIN) && !role.equals(REVIEWER) && !role.equals(SERVICE)) {
                throw ApiException.badRequest("unknown_role", AccountMessages.unknownRole(role));
            }
            parsed.add(role);
        });
        if (parsed.isEmpty()) {
            throw ApiException.badRequest("unknown_role", AccountMessages.unknownRole(roles));
        }
        return parsed;
    }

    /** Roles to give an account: known names, and never a reviewer who also sends the traffic reviewers judge. */
    public static Set<String> parseForAccount(String roles) {
        Set<String> parsed = parse(roles);
        if (parsed.contains(REVIEWER) && parsed.contains(SERVICE)) {
            throw ApiException.badRequest("conflicting_roles", Messages.REVIEWER_AND_SERVICE);
        }
        return parsed;
    }
}
