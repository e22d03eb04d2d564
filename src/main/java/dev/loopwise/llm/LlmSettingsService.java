package dev.loopwise.llm;

import dev.loopwise.common.PlainText;
import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.ApiException;
import dev.loopwise.common.ApplicationStopping;
import dev.loopwise.common.LlmMessages;
import dev.loopwise.security.StoredSecrets;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The LLM settings in effect, held in memory so that answering never waits for the database: saved ones replace
 * the configuration's, and other instances pick a change up within {@link LlmConfig#settingsRefresh()}.
 */
@ApplicationScoped
public class LlmSettingsService {
    private static final Logger LOG = Logger.getLogger(LlmSettingsService.class);
    static final int MAX_BRAND_VOICE = 2000;
    static final int MAX_KEY = 1000;
    /** Binds a sealed key to this column: sealed for anything else, it does not open here. */
    static final String KEY_PURPOSE = "llm_settings.api_key";

    @Inject
    LlmConfig config;
    @Inject
    AuditLog audit;
    @Inject
    StoredSecrets secrets;

    private volatile LlmSettings current;
    private volatile boolean keyUnreadable;
    private volatile long readAt;

    /** What an admin sends from the page; a null or blank key keeps the stored one. */
    public record Change(boolean enabled, String baseUrl, String model, String apiKey, boolean clearKey, Double timeoutSeconds,
                         Integer drafts, Double temperature, String brandVoice) {
    }

    public LlmSettings current() {
        LlmSettings settings = current;
        if (settings == null || System.nanoTime() - readAt > config.settingsRefresh().toNanos() * 2) {
            settings = reload();
        }
        return settings;
    }

    @Scheduled(every = "${loopwise.llm.settings-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ApplicationStopping.class)
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.debugf("Could not read the LLM settings (kept the ones in memory): %s", e.getMessage());
        }
    }

    /**
     * Whether the saved key could not be opened: sealed under another session key (changed since, or another on this
     * instance). The LLM is then called without a key until an admin types it again.
     */
    public boolean keyUnreadable() {
        current();
        return keyUnreadable;
    }

    synchronized LlmSettings reload() {
        boolean[] unreadable = {false};
        LlmSettings loaded = QuarkusTransaction.requiringNew().call(() -> {
            LlmSettingsRow row = LlmSettingsRow.current();
            if (row == null) {
                return LlmSettings.from(config);
            }
            StoredSecrets.Opened key = secrets.open(row.apiKey, KEY_PURPOSE);
            unreadable[0] = key.unreadable();
            return row.settings(key.value());
        });
        if (unreadable[0] && !keyUnreadable) {
            LOG.warn(LlmMessages.LLM_KEY_UNREADABLE);
        }
        keyUnreadable = unreadable[0];
        current = loaded;
        readAt = System.nanoTime();
        return loaded;
    }

    /** The settings a change would make, checked field by field, without saving them (Test connection tries these). */
    public LlmSettings preview(Change change) {
        LlmSettings before = current();
        String baseUrl = blankToNull(change.baseUrl());
        String model = blankToNull(change.model());
        if (baseUrl != null) {
            LlmAddress.checkUrl(baseUrl);
        }
        if (change.enabled() && (baseUrl == null || model == null)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_NEEDS_URL_AND_MODEL);
        }
        if (model != null && PlainText.length(model) > 200) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_MODEL_TOO_LONG);
        }
        if (model != null && model.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_MODEL_CONTROL);
        }
        double timeout = change.timeoutSeconds() == null ? before.timeout().toMillis() / 1000.0 : change.timeoutSeconds();
        if (!(timeout >= 0.1 && timeout <= 600)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_TIMEOUT_RANGE);
        }
        int drafts = change.drafts() == null ? before.drafts() : change.drafts();
        if (drafts < 1 || drafts > 8) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_DRAFTS_RANGE);
        }
        double temperature = change.temperature() == null ? before.temperature() : change.temperature();
        if (!(temperature >= 0 && temperature <= 2)) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_TEMPERATURE_RANGE);
        }
        String voice = blankToNull(change.brandVoice()) == null ? before.brandVoice() : change.brandVoice().strip();
        if (PlainText.length(voice) > MAX_BRAND_VOICE) {
            throw ApiException.badRequest("validation_failed", LlmMessages.LLM_BRAND_VOICE_TOO_LONG);
        }
        String key = change.clearKey() ? null : blankToNull(change.apiKey()) != null ? LlmAddress.checkKey(change.apiKey().strip()) : before.apiKey();
        // The page shows only the stored key's last characters: were it sent to any address typed there, whoever borrows an
        // admin's session would read it in their own server's log. It stays with the server it was saved for.
        // A stored key this instance cannot open is kept too (another instance may open it), so it is bound to its server alike.
        boolean keyKept = key != null || keyKeptSealed(change);
        if (keyKept && blankToNull(change.apiKey()) == null && baseUrl != null && !LlmAddress.sameServer(baseUrl, before.baseUrl())) {
            throw ApiException.badRequest("key_for_other_server", LlmMessages.llmKeyForOtherServer(before.baseUrl()));
        }
        return new LlmSettings(change.enabled(), baseUrl, model, key, java.time.Duration.ofMillis(Math.round(timeout * 1000)), drafts,
                (float) temperature, voice, "this page");
    }

    /** Checks every field first: a refused change writes nothing. */
    @Transactional
    public LlmSettings save(Change change, String actor) {
        LlmSettings before = current();
        LlmSettings checked = preview(change);
        String baseUrl = checked.baseUrl();
        String model = checked.model();
        String key = checked.apiKey();
        boolean keepSealed = keyKeptSealed(change);
        LlmSettingsRow row = LlmSettingsRow.current();
        if (row == null) {
            row = new LlmSettingsRow();
        }
        boolean keyStored = row.apiKey != null;
        row.enabled = change.enabled();
        row.baseUrl = baseUrl;
        row.model = model;
        if (!keepSealed) {
            row.apiKey = secrets.seal(key, KEY_PURPOSE);
        }
        row.timeoutMs = (int) checked.timeout().toMillis();
        row.drafts = checked.drafts();
        row.temperature = (float) checked.temperature();
        row.brandVoice = checked.brandVoice();
        row.updatedBy = actor;
        row.updatedAt = OffsetDateTime.now();
        row.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", row.enabled);
        details.put("baseUrl", baseUrl);
        details.put("model", model);
        details.put("keyChanged", !keepSealed && (key == null ? keyStored : !key.equals(before.apiKey())));
        audit.record(actor, "llm.settings", "llm", details);
        LlmSettings saved = row.settings(key);
        current = saved;
        keyUnreadable = keepSealed;
        readAt = System.nanoTime();
        return saved;
    }

    /**
     * Whether a change leaves a stored key this instance cannot open as it is: saving other fields must not delete it for
     * every instance (one with the right session key still opens it) while the audit trail says the key did not change.
     */
    private boolean keyKeptSealed(Change change) {
        return keyUnreadable && !change.clearKey() && blankToNull(change.apiKey()) == null;
    }

    /** Forgets the saved settings: the configuration's apply again. */
    @Transactional
    public void forget(String actor) {
        LlmSettingsRow.deleteById(LlmSettingsRow.ID);
        audit.record(actor, "llm.settings.reset", "llm", Map.of());
        current = LlmSettings.from(config);
        keyUnreadable = false;
        readAt = System.nanoTime();
    }

    /** A key saved in clear (before sealing, or while no session key was set) is sealed at the first start that can. */
    void sealStoredKey(@Observes StartupEvent event) {
        if (!secrets.sealing()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // Under a lock: a save on a running instance meanwhile is waited for and kept, where writing back the row
                // read before it would undo that save.
                LlmSettingsRow row = LlmSettingsRow.findById(LlmSettingsRow.ID, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (row != null && row.apiKey != null && !StoredSecrets.isSealed(row.apiKey)) {
                    row.apiKey = secrets.seal(row.apiKey, KEY_PURPOSE);
                    LOG.info("Sealed the LLM key stored in clear.");
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not seal the LLM key stored in clear (it stays readable; tried again at the next start): %s", e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
