package dev.loopwise.security;

import java.util.Set;

/** Who may call an endpoint, and what an allowed call answers. */
record Access(Surface surface, Set<String> roles, int allowedStatus, int alternativeStatus) {
    Access(Surface surface, Set<String> roles, int allowedStatus) {
        this(surface, roles, allowedStatus, allowedStatus);
    }

    /** The same, but an allowed caller may also get {@code status} (for example 204 when a queue is empty). */
    Access or(int status) {
        return new Access(surface, roles, allowedStatus, status);
    }

    /** Whether a caller's response status is the one the table expects. */
    boolean accepts(int status, Caller caller, Set<String> callerRoles) {
        int expected = expectedFor(caller, callerRoles);
        return status == expected || expected == allowedStatus && status == alternativeStatus;
    }

    enum Surface { PUBLIC, LOGIN, API, PAGE, PAGE_SCRIPT, MANAGEMENT }

    static Access open(int status) {
        return new Access(Surface.PUBLIC, Set.of(), status);
    }

    /** The login page: strangers see it, signed-in people are sent home. */
    static Access login() {
        return new Access(Surface.LOGIN, Set.of(), 200);
    }

    /** Metrics and API documentation: a browser session or an API key with the role; strangers get 401. */
    static Access management(int status, String... roles) {
        return new Access(Surface.MANAGEMENT, Set.of(roles), status);
    }

    static Access api(int status, String... roles) {
        return new Access(Surface.API, Set.of(roles), status);
    }

    /** A page's JSON endpoint polled by its script: a stranger gets 401 JSON, not a redirect. */
    static Access pageScript(int status, String... roles) {
        return new Access(Surface.PAGE_SCRIPT, Set.of(roles), status);
    }

    static Access page(int status, String... roles) {
        return new Access(Surface.PAGE, Set.of(roles), status);
    }

    /**
     * The status a caller must get. The API refuses browser sessions (401) and pages send strangers
     * to the login page (303); a known caller without the role gets 403.
     */
    int expectedFor(Caller caller, Set<String> callerRoles) {
        if (surface == Surface.PUBLIC) {
            return allowedStatus;
        }
        if (surface == Surface.LOGIN) {
            return caller.kind == Caller.Kind.ANONYMOUS ? 200 : 303;
        }
        if (caller.kind == Caller.Kind.ANONYMOUS) {
            return surface == Surface.PAGE ? 303 : 401;
        }
        if (surface == Surface.API && caller.kind == Caller.Kind.SESSION) {
            return 401;
        }
        boolean allowed = roles.isEmpty() || callerRoles.stream().anyMatch(roles::contains);
        return allowed ? allowedStatus : 403;
    }
}
