package dev.loopwise.common.job;

import java.util.function.BooleanSupplier;

/**
 * Whether an admin asked a long job (a training, a round) to stop, read from its row at most once a second: the
 * job asks between every step, and a query per step would cost more than the answer is worth. Once asked, it stays asked.
 */
public final class CancelRequest implements BooleanSupplier {
    private static final long READ_EVERY_NANOS = 1_000_000_000L;
    private final BooleanSupplier read;
    private long lastRead;
    private boolean asked;

    public CancelRequest(BooleanSupplier read) {
        this.read = read;
    }

    @Override
    public boolean getAsBoolean() {
        long now = System.nanoTime();
        if (!asked && (lastRead == 0 || now - lastRead > READ_EVERY_NANOS)) {
            lastRead = now;
            asked = read.getAsBoolean();
        }
        return asked;
    }
}
