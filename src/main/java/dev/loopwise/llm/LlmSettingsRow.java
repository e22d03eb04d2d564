package dev.loopwise.llm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/** The LLM connection saved on the admin page: a single row, id 1. */
@Entity
@Table(name = "llm_settings")
public class LlmSettingsRow extends PanacheEntityBase {
    static final int ID = 1;

    @Id
    public Integer id = ID;
    public boolean enabled;
    @Column(name = "base_url")
    public String baseUrl;
    public String model;
    /** Sealed ({@link dev.loopwise.security.StoredSecrets}) wherever a session key is configured. */
    @Column(name = "api_key")
    public String apiKey;
    @Column(name = "timeout_ms")
    public int timeoutMs;
    public int drafts;
    public float temperature;
    @Column(name = "brand_voice")
    public String brandVoice;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    static LlmSettingsRow current() {
        return findById(ID);
    }

    /** @param openedKey the stored key, opened */
    LlmSettings settings(String openedKey) {
        // The column is a float: widened as is, a saved 0.7 came back as 0.699999988079071 in the form that saved it.
        return new LlmSettings(enabled, baseUrl, model, openedKey, Duration.ofMillis(timeoutMs), drafts,
                Double.parseDouble(Float.toString(temperature)), brandVoice, "this page");
    }
}
