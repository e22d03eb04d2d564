package dev.loopwise.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.runtime.RunMode;
import dev.loopwise.security.StoredSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * A change of the {@code LOOPWISE_LLM_*} settings takes effect with a restart, out of sight of the audit trail that
 * records every change on the LLM page. So the first instance to start with settings unlike the ones last recorded
 * records them once; instances starting with the same settings record nothing. The key is never recorded: only a short
 * fingerprint keyed by the session key ({@link StoredSecrets#fingerprint}), enough to tell that it changed, and of no use to
 * someone who reads the audit trail and tries guesses against it.
 */
@ApplicationScoped
public class LlmConfigAudit {
    private static final Logger LOG = Logger.getLogger(LlmConfigAudit.class);
    static final String CONFIGURED = "llm.settings.configured";
    /** pg_advisory_xact_lock key ("LlmConfA" in ASCII): instances starting together compare and record one at a time. */
    private static final long LOCK = 0x4c6c6d436f6e6641L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LlmConfig config;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;
    @Inject
    StoredSecrets secrets;

    void atStart(@Observes StartupEvent event) {
        if (RunMode.isCommand()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> recordIfChanged(settings(LlmSettings.from(config), config.maxTokens())));
        } catch (RuntimeException e) {
            LOG.warnf("Could not compare the LLM settings of the configuration with the ones last recorded (tried again at the next"
                    + " start): %s", e.getMessage());
        }
    }

    /** The settings as recorded: every one in words, the key as a fingerprint (null without one). */
    Map<String, String> settings(LlmSettings configured, int maxTokens) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("enabled", String.valueOf(configured.enabled()));
        shown.put("baseUrl", configured.baseUrl());
        shown.put("model", configured.model());
        shown.put("keyFingerprint", secrets.fingerprint(configured.apiKey(), "llm api key"));
        shown.put("timeout", configured.timeout().toString());
        shown.put("drafts", String.valueOf(configured.drafts()));
        shown.put("temperature", String.valueOf(configured.temperature()));
        shown.put("maxTokens", String.valueOf(maxTokens));
        shown.put("brandVoice", configured.brandVoice());
        return shown;
    }

    /**
     * Records {@code now} if it differs from the settings last recorded; with none recorded yet, only if an LLM is configured
     * at all (a workspace that never configured one has nothing to audit). Joins the caller's transaction; true when recorded.
     */
    boolean recordIfChanged(Map<String, String> now) {
        AdvisoryLock.forTransaction(em, LOCK);
        // The action written out, not a parameter, so that the planner picks the partial index made for this look-up (V57).
        List<?> last = em.createNativeQuery("select cast(details as text) from audit_events where action = '" + CONFIGURED
                + "' order by id desc limit 1").getResultList();
        Map<String, Object> before = last.isEmpty() ? null : read((String) last.get(0));
        List<String> changed = now.keySet().stream()
                .filter(name -> before == null || !Objects.equals(now.get(name), before.get(name) == null ? null : String.valueOf(before.get(name))))
                .toList();
        boolean configured = "true".equals(now.get("enabled")) || now.get("baseUrl") != null || now.get("model") != null
                || now.get("keyFingerprint") != null;
        if (changed.isEmpty() || before == null && !configured) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>(now);
        details.put("changed", changed);
        details.put("keyChanged", before != null && changed.contains("keyFingerprint"));
        // Saved settings take the configuration's place: the change then waits until they are reset on the page.
        details.put("inEffect", em.createNativeQuery("select count(*) from llm_settings").getSingleResult() instanceof Number n
                && n.longValue() == 0);
        audit.record(AuditLog.SYSTEM, CONFIGURED, "llm", details);
        LOG.infof("The LLM settings of the configuration changed (%s): recorded in the audit trail.", String.join(", ", changed));
        return true;
    }

    private static Map<String, Object> read(String details) {
        try {
            return JSON.readValue(details, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
