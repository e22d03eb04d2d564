package dev.loopwise.serving;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Holds the real encoder loop on the batch that holds one text until released, so that a test can fill the queue behind
 * a busy encoder. Closing it releases the loop and takes the hook away, so later tests meet a free encoder.
 */
final class HeldEncoder implements AutoCloseable {
    private final ServingPipeline pipeline;
    private final CountDownLatch busy = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** @param eachBatch also sees every batch's texts, before the held one waits */
    HeldEncoder(ServingPipeline pipeline, String held, Consumer<List<String>> eachBatch) {
        this.pipeline = pipeline;
        pipeline.beforeEncoding(texts -> {
            eachBatch.accept(texts);
            if (texts.contains(held)) {
                busy.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    HeldEncoder(ServingPipeline pipeline, String held) {
        this(pipeline, held, texts -> {
        });
    }

    /** Whether the encoder took the held text's batch within half a minute. */
    boolean busy() throws InterruptedException {
        return busy.await(30, TimeUnit.SECONDS);
    }

    void release() {
        release.countDown();
    }

    @Override
    public void close() {
        release.countDown();
        pipeline.beforeEncoding(texts -> {
        });
    }
}
