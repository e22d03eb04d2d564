package dev.loopwise.model.encoder;

import dev.loopwise.model.transformer.bert.TunedEncoderWeights;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The tuned layers of a fine-tuned encoder, stored once per content (see {@link EncoderRef#tuned}): two
 * versions tuned to the same bytes share one row, and a row is never changed after it is written.
 */
@Entity
@Table(name = "tuned_encoders")
public class TunedEncoder extends PanacheEntityBase {
    @Id
    @Column(name = "hash_prefix")
    public String hashPrefix;

    public String sha256;

    @Column(name = "base_encoder_id")
    public String baseEncoderId;

    public byte[] weights;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    /** Stores the tuned layers of {@code base} (unless identical ones are stored) and returns the tuned encoder. */
    public static EncoderRef store(EncoderRef base, TunedEncoderWeights tuned) {
        byte[] bytes = tuned.toBytes();
        String sha256 = TunedEncoderWeights.sha256(bytes);
        EncoderRef ref = EncoderRef.tuned(base, sha256);
        QuarkusTransaction.joiningExisting().run(() -> insertIfMissing(ref, base, bytes, sha256));
        return ref;
    }

    private static void insertIfMissing(EncoderRef ref, EncoderRef base, byte[] bytes, String sha256) {
        if (findById(ref.tunedHash()) == null) {
            TunedEncoder row = new TunedEncoder();
            row.hashPrefix = ref.tunedHash();
            row.sha256 = sha256;
            row.baseEncoderId = base.id();
            row.weights = bytes;
            row.sizeBytes = bytes.length;
            row.persist();
        }
    }

    /** The tuned layers of a fine-tuned encoder, checked against their content address. */
    public static TunedEncoderWeights load(EncoderRef encoder) {
        TunedEncoder row = QuarkusTransaction.joiningExisting().call(() -> findById(encoder.tunedHash()));
        if (row == null) {
            throw new IllegalStateException("The tuned layers of the encoder " + encoder.id() + " are missing from the database: "
                    + "restore the database from a backup, or train a new version.");
        }
        if (!TunedEncoderWeights.sha256(row.weights).equals(row.sha256)) {
            throw new IllegalStateException("The tuned layers of the encoder " + encoder.id() + " do not match their checksum; "
                    + "refusing to serve them");
        }
        return TunedEncoderWeights.fromBytes(row.weights);
    }
}
