package org.babillard.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.babillard.platform.boundary.DatabaseOutage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The settings rows as last read, for every request to use without asking the database. A change on this node
 * forgets them at once; a change on another node shows here within {@link #REREAD} (each node re-reads them then).
 * While the database cannot be read, the last copy goes on serving (a page drawn during a database outage still
 * knows its limits: docs/reliability.md).
 */
@ApplicationScoped
public class SettingsCache {

    private static final Logger LOG = Logger.getLogger(SettingsCache.class.getName());

    /** How old the copy may grow before the next reader refreshes it (other nodes' changes). */
    public static final Duration REREAD = Duration.ofSeconds(30);

    private record Snapshot(Map<String, String> values, Instant readAt) {
    }

    private volatile Snapshot snapshot;

    /** The values, read again through {@code reader} when the copy is missing or older than {@link #REREAD}. */
    public Map<String, String> values(Supplier<Map<String, String>> reader) {
        Snapshot current = snapshot;
        Instant now = Instant.now();
        if (current == null || current.readAt().plus(REREAD).isBefore(now)) {
            try {
                current = new Snapshot(Map.copyOf(reader.get()), now);
            } catch (RuntimeException e) {
                if (current == null || !DatabaseOutage.isCause(e)) {
                    throw e;
                }
                // Kept as they were read last; the next reader tries again.
                LOG.log(Level.FINE, "settings not read again, the last copy serves", e);
                return current.values();
            }
            snapshot = current;
        }
        return current.values();
    }

    /** After a change on this node: the next reader reads the rows again. */
    public void forget() {
        snapshot = null;
    }
}
