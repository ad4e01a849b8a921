package org.babillard.integrations.control;

import java.time.Duration;

/**
 * The outgoing webhooks' settings (system properties): {@code babillard.webhooks.retry-seconds} (30) the first
 * delay before a failed delivery is tried again, doubled each time (at most an hour);
 * {@code babillard.webhooks.max-attempts} (8); {@code babillard.webhooks.timeout-seconds} (10) to connect and to
 * answer.
 */
public final class WebhookSettings {

    private WebhookSettings() {
    }

    public static Duration firstRetry() {
        return Duration.ofSeconds(Math.max(1, Long.getLong("babillard.webhooks.retry-seconds", 30)));
    }

    public static int maxAttempts() {
        return Math.max(1, Integer.getInteger("babillard.webhooks.max-attempts", 8));
    }

    public static Duration timeout() {
        return Duration.ofSeconds(Math.max(1, Long.getLong("babillard.webhooks.timeout-seconds", 10)));
    }
}
