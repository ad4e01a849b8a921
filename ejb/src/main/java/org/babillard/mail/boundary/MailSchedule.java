package org.babillard.mail.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.babillard.mail.control.MailConfig;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mail timers: the outbox every {@code babillard.mail.outbox-seconds} (retries and mails held for quiet
 * hours; new mails go at once after their commit), the inbound mailbox every {@code babillard.mail.inbox-seconds},
 * the daily digest at {@code babillard.mail.digest-hour} in {@code babillard.timezone}. Not persistent: after a
 * restart the outbox still holds what was due, and a missed digest hour waits for the next day.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSchedule {

    private static final Logger LOG = Logger.getLogger(MailSchedule.class.getName());
    private static final String OUTBOX = "outbox";
    private static final String INBOX = "inbox";
    private static final String DIGEST = "digest";

    @Resource
    TimerService timers;

    @Inject
    MailConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    Digests digests;

    @PostConstruct
    void schedule() {
        int outboxSeconds = config.outboxSeconds();
        if (outboxSeconds > 0) {
            timers.createIntervalTimer(10_000L, outboxSeconds * 1000L, new TimerConfig(OUTBOX, false));
        }
        int inboxSeconds = config.inboxSeconds();
        if (inboxSeconds > 0) {
            timers.createIntervalTimer(15_000L, inboxSeconds * 1000L, new TimerConfig(INBOX, false));
        }
        ScheduleExpression daily = new ScheduleExpression().hour(config.digestHour()).minute(0).second(0)
                .timezone(config.zone().getId());
        timers.createCalendarTimer(daily, new TimerConfig(DIGEST, false));
        LOG.info(() -> "Mail: outbox every " + outboxSeconds + " s, inbound mailbox every " + inboxSeconds
                + " s (0: off), daily digest at " + config.digestHour() + ":00 " + config.zone().getId());
    }

    @Timeout
    void run(Timer timer) {
        try {
            switch (String.valueOf(timer.getInfo())) {
                case OUTBOX -> outbox.sendDue();
                case INBOX -> inbox.read();
                case DIGEST -> digests.sendAll();
                default -> LOG.warning("Unknown mail timer " + timer.getInfo());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail timer " + timer.getInfo() + " failed", e);
        }
    }
}
