package dev.loopwise.security.user;

import dev.loopwise.common.runtime.RunMode;
import dev.loopwise.security.Role;
import dev.loopwise.security.SecurityConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Creates the first admin from configuration, so a production install never ships a default password. */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    SecurityConfig config;
    @Inject
    UserService users;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        // Two instances starting at once would otherwise both find no admin and both create the first one.
        User.lockAccountWrites();
        if (User.countAdmins() > 0) {
            return;
        }
        if (config.adminPassword().isEmpty()) {
            if (RunMode.isCommand()) {
                return; // a command (user add, api-key create) says what it did or what is wrong, and nothing else
            }
            LOG.warnf("No admin account exists. Set LOOPWISE_SECURITY_ADMIN_PASSWORD (and optionally "
                    + "LOOPWISE_SECURITY_ADMIN_USERNAME) and restart, or run './loopwise user add NAME --role admin'.");
            return;
        }
        users.create(config.adminUsername(), config.adminPassword().get(), Role.ADMIN, "Administrator");
        LOG.infof("Created the first admin account '%s' from configuration.", config.adminUsername());
    }
}
