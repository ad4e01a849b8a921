package org.babillard.announcements.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 30 seconds: scheduled announcements whose time has come go out, and must-read reminders fall due. The
 * timer is not persistent: after a restart the first run catches up with whatever fell due meanwhile.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class AnnouncementSchedule {

    private static final Logger LOG = Logger.getLogger(AnnouncementSchedule.class.getName());
    static final long PERIOD_MILLIS = 30_000;

    @Resource
    TimerService timers;

    @Inject
    AnnouncementDispatch dispatch;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(PERIOD_MILLIS, PERIOD_MILLIS, new TimerConfig("announcements", false));
    }

    @Timeout
    void run() {
        try {
            int released = dispatch.releaseDue(Clock.systemUTC().instant());
            int reminded = dispatch.remindDue(Clock.systemUTC().instant());
            if (released + reminded > 0) {
                LOG.fine(() -> "Announcements: " + released + " went out, " + reminded + " reminders");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled announcements failed", e);
        }
    }
}
