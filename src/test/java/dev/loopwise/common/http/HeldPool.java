package dev.loopwise.common.http;

import dev.loopwise.model.ActiveModel;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The application's own pool, really exhausted: other threads hold each of its connections in an open transaction until
 * this is closed.
 */
final class HeldPool implements AutoCloseable {
    private final AgroalDataSource dataSource;
    private final ExecutorService holders;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Future<?>> held = new ArrayList<>();

    private HeldPool(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.holders = Executors.newFixedThreadPool(dataSource.getConfiguration().connectionPoolConfiguration().maxSize());
    }

    /**
     * Returns once every connection of the pool is held. It first waits for the first model version, which the test
     * profile trains in the background at start: a training starved of connections fails, and every later test that needs
     * an active version with it.
     */
    static HeldPool hold(AgroalDataSource dataSource) throws InterruptedException {
        ActiveModel.await();
        HeldPool pool = new HeldPool(dataSource);
        int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        CountDownLatch allHeld = new CountDownLatch(size);
        for (int i = 0; i < size; i++) {
            pool.held.add(pool.holders.submit(() -> {
                pool.holdOne(allHeld);
                return null;
            }));
        }
        if (!allHeld.await(2, TimeUnit.MINUTES)) {
            try {
                pool.close();
            } catch (Exception holderFailed) {
                // the holders that did get a connection are released; the one that could not is the failure reported below
            }
            throw new IllegalStateException("the pool's connections could not all be taken within two minutes: something holds"
                    + " one for good, or PostgreSQL allows fewer connections than the pool's size");
        }
        return pool;
    }

    @Override
    public void close() throws Exception {
        release.countDown();
        try {
            for (Future<?> holder : held) {
                holder.get(1, TimeUnit.MINUTES);
            }
        } finally {
            holders.shutdown();
        }
    }

    /** Takes a connection (waiting while others have them all), opens a transaction on it and keeps it until released. */
    private void holdOne(CountDownLatch allHeld) throws Exception {
        try (Connection connection = take(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("select 1");
            allHeld.countDown();
            release.await();
            connection.rollback();
        }
    }

    private Connection take() throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return dataSource.getConnection();
            } catch (SQLException busy) {
                // Another part of the application had every connection for the whole wait: try again, for a while.
                if (System.nanoTime() > deadline || release.getCount() == 0) {
                    throw busy;
                }
            }
        }
    }
}
