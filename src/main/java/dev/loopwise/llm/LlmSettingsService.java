package dev.loopwise.llm;

import dev.loopwise.audit.AuditLog;
import dev.loopwise.common.LlmMessages;
import dev.loopwise.common.job.AdvisoryLock;
import dev.loopwise.common.runtime.ApplicationStopping;
import dev.loopwise.security.StoredSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
    /** pg_advisory_xact_lock key of settings saves ("LlmSaves" in ASCII): taken while no row exists yet, too. */
    private static final long SETTINGS_LOCK = 0x4c6c6d5361766573L;
    /** Audit actions of a save and of a reset, which also mark when the settings in effect began. */
    static final String SAVED = "llm.settings";
    static final String RESET = "llm.settings.reset";

    @Inject
    LlmConfig config;
    @Inject
    AuditLog audit;
    @Inject
    StoredSecrets secrets;
    @Inject
    TransactionSynchronizationRegistry transactions;

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

    // Every instance refreshes its own copy: in Quartz's shared store only one instance would, per period.
    @Scheduled(identity = "llm-settings-refresh", every = "${loopwise.llm.settings-refresh:15s}", executeWith = Scheduled.SIMPLE,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = ApplicationStopping.class)
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
        Stored stored = QuarkusTransaction.requiringNew().call(this::read);
        if (stored.keyUnreadable() && !keyUnreadable) {
            LOG.warn(LlmMessages.LLM_KEY_UNREADABLE);
        }
        keep(stored.settings(), stored.keyUnreadable());
        return stored.settings();
    }

    /** The saved settings (or the configuration's), and whether the saved key could not be opened. */
    private record Stored(LlmSettings settings, boolean keyUnreadable) {
    }

    private Stored read() {
        LlmSettingsRow row = LlmSettingsRow.current();
        if (row == null) {
            return new Stored(LlmSettings.from(config), false);
        }
        StoredSecrets.Opened key = secrets.open(row.apiKey, KEY_PURPOSE);
        return new Stored(row.settings(key.value()), key.unreadable());
    }

    /**
     * Under the same lock as {@link #reload}: a reload that read just before a save committed then keeps its older copy
     * before the save's, never after it.
     */
    private synchronized void keep(LlmSettings settings, boolean unreadable) {
        keyUnreadable = unreadable;
        current = settings;
        readAt = System.nanoTime();
    }

    /**
     * The saved settings read now, not this instance's copy: behind a load balancer the page after a save may come from
     * another instance, and a form filled from a copy older than that save would write the old values back.
     */
    public LlmSettings readNow() {
        return reload();
    }

    /** The settings a change would make, checked field by field, without saving them (Test connection tries these). */
    public LlmSettings preview(Change change) {
        LlmSettings before = readNow();
        return LlmSettingsCheck.checked(change, before, keyUnreadable);
    }

    /**
     * Checks every field first: a refused change writes nothing. Saves take turns and each starts from the settings the one
     * before it committed (on any instance), not from this instance's copy: a field the change leaves as it was (the key
     * above all) would otherwise be written back as it was before the other save. The copy changes once the save commits.
     */
    @Transactional
    public LlmSettings save(Change change, String actor) {
        lockSettings();
        Stored stored = read();
        LlmSettings before = stored.settings();
        LlmSettings checked = LlmSettingsCheck.checked(change, before, stored.keyUnreadable());
        String baseUrl = checked.baseUrl();
        String model = checked.model();
        String key = checked.apiKey();
        boolean keepSealed = LlmSettingsCheck.keyKeptSealed(change, stored.keyUnreadable());
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
        audit.record(actor, SAVED, "llm", details);
        LlmSettings saved = row.settings(key);
        afterCommit(() -> keep(saved, keepSealed));
        return saved;
    }

    /** The row, or its absence, stays as read until this transaction ends; a save elsewhere waits for it. */
    private void lockSettings() {
        AdvisoryLock.forTransaction(LlmSettingsRow.getEntityManager(), SETTINGS_LOCK);
        LlmSettingsRow.findById(LlmSettingsRow.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Runs {@code kept} once the transaction has committed: a rolled-back save must not be answered with. */
    private void afterCommit(Runnable kept) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    kept.run();
                }
            }
        });
    }

    /** Forgets the saved settings: the configuration's apply again. */
    @Transactional
    public void forget(String actor) {
        lockSettings();
        LlmSettingsRow.deleteById(LlmSettingsRow.ID);
        audit.record(actor, RESET, "llm", Map.of());
        LlmSettings configured = LlmSettings.from(config);
        afterCommit(() -> keep(configured, false));
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
                LlmSettingsRow row = LlmSettingsRow.findById(LlmSettingsRow.ID, LockModeType.PESSIMISTIC_WRITE);
                if (row != null && row.apiKey != null && !StoredSecrets.isSealed(row.apiKey)) {
                    row.apiKey = secrets.seal(row.apiKey, KEY_PURPOSE);
                    LOG.info("Sealed the LLM key stored in clear.");
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not seal the LLM key stored in clear (it stays readable; tried again at the next start): %s", e.getMessage());
        }
    }
}
