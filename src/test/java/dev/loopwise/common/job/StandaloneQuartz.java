package dev.loopwise.common.job;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.simpl.InitThreadContextClassLoadHelper;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * A plain Quartz scheduler on the application's tables, standing for another instance of the application: a
 * clustered JDBC job store (Quartz's own transactions), the same delegate and job-data format as the application.
 */
public final class StandaloneQuartz {
    private StandaloneQuartz() {
    }

    public static Scheduler create(String schedulerName, String instanceId, AgroalDataSource dataSource) throws SchedulerException {
        String source = "standalone-" + instanceId;
        DBConnectionManager.getInstance().addConnectionProvider(source, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public void initialize() {
            }
        });
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName", schedulerName);
        p.put("org.quartz.scheduler.instanceId", instanceId);
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.scheduler.idleWaitTime", "1000");
        p.put("org.quartz.scheduler.classLoadHelper.class", InitThreadContextClassLoadHelper.class.getName());
        p.put("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.put("org.quartz.threadPool.threadCount", "2");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "io.quarkus.quartz.runtime.jdbc.QuarkusPostgreSQLDelegate");
        p.put("org.quartz.jobStore.dataSource", source);
        p.put("org.quartz.jobStore.useProperties", "true");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        SchedulerRepository repository = SchedulerRepository.getInstance();
        // The JVM-wide repository holds one scheduler per name; the others of that name (the application's
        // own, or a second instance) are put back afterwards.
        Scheduler existing = repository.lookup(schedulerName);
        repository.remove(schedulerName);
        try {
            Scheduler created = new StdSchedulerFactory(p).getScheduler();
            repository.remove(schedulerName);
            return created;
        } finally {
            if (existing != null) {
                repository.bind(existing);
            }
        }
    }
}
