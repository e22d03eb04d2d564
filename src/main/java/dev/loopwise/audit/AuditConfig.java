package dev.loopwise.audit;

import dev.loopwise.common.config.SettingRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** How long the audit trail is kept ({@code LOOPWISE_AUDIT_RETENTION_MONTHS}). */
@ConfigMapping(prefix = "loopwise.audit")
public interface AuditConfig {
    /**
     * Months an audit entry is kept (0: every one). Audit trails are often kept for compliance, so nothing is removed
     * unless this is set.
     */
    @WithDefault("0")
    @WithConverter(SettingRange.Months.class)
    int retentionMonths();
}
