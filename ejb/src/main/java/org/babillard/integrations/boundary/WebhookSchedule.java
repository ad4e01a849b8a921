package org.babillard.integrations.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outgoing webhooks' timers: a retry at the time a failed delivery is due again, and a sweep every
 * {@code babillard.webhooks.sweep-seconds} (60) for what a restart interrupted. Not persistent: the outbox table
 * holds what is due.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookSchedule {

    private static final Logger LOG = Logger.getLogger(WebhookSchedule.class.getName());
    private static final String SWEEP = "webhooks-sweep";
    private static final String RETRY = "webhooks-retry";

    @Resource
    TimerService timers;

    @Inject
    WebhookDeliveries deliveries;

    @PostConstruct
    void schedule() {
        long seconds = Long.getLong("babillard.webhooks.sweep-seconds", 60);
        if (seconds > 0) {
            timers.createIntervalTimer(20_000L, seconds * 1000L, new TimerConfig(SWEEP, false));
        }
    }

    /** Sends what is due at that time (a failed delivery's next attempt). */
    public void retryAt(Instant due) {
        long delay = Math.max(0, Duration.between(Clock.systemUTC().instant(), due).toMillis()) + 50;
        timers.createSingleActionTimer(delay, new TimerConfig(RETRY, false));
    }

    @Timeout
    void run(Timer timer) {
        try {
            deliveries.sendDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook timer " + timer.getInfo() + " failed", e);
        }
    }
}
