package dev.loopwise.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of accounts and sign-in. Each can be set by environment variable, e.g. {@code LOOPWISE_SECURITY_ADMIN_PASSWORD}. */
@ConfigMapping(prefix = "loopwise.security")
public interface SecurityConfig {
    /** Username of the first admin, created at start when no admin exists yet. */
    @WithDefault("admin")
    String adminUsername();

    /** Password of that first admin. Without it, no admin is created: there is no default password outside demo mode. */
    Optional<String> adminPassword();

    /** Shortest password accepted for new accounts. */
    @WithDefault("10")
    int minPasswordLength();
}
