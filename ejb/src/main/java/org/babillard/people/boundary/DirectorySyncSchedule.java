package org.babillard.people.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the directory sync every {@code babillard.directory.sync-minutes} minutes (default 15; 0 turns it off),
 * the first time one minute after the start. The timer is not persistent: after a restart the schedule begins
 * again rather than catching up.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class DirectorySyncSchedule {

    private static final Logger LOG = Logger.getLogger(DirectorySyncSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    DirectorySync sync;

    @PostConstruct
    void schedule() {
        long minutes = Long.getLong("babillard.directory.sync-minutes", 15);
        if (minutes <= 0) {
            LOG.info("Directory sync: off (babillard.directory.sync-minutes=0)");
            return;
        }
        TimerConfig config = new TimerConfig("directory-sync", false);
        timers.createIntervalTimer(Duration.ofMinutes(1).toMillis(), Duration.ofMinutes(minutes).toMillis(), config);
        LOG.info(() -> "Directory sync: every " + minutes + " minutes");
    }

    @Timeout
    void run() {
        try {
            sync.synchronize();
        } catch (RuntimeException e) {
            // The run is recorded as failed by the sync itself when the directory is at fault; this is the rest.
            LOG.log(Level.WARNING, "Directory sync failed", e);
        }
    }
}
