package org.babillard.bench;

import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Brings a copy of the benchmark's data to the current schema with Babillard's own migrations, as an upgrade of an
 * existing installation would (the server would do the same at its start, but the start is measured). Migrations
 * missing below the copy's newest one are applied out of order.
 *
 * <pre>Migrate --url JDBC_URL --repo ROOT [--user U --password P]</pre>
 */
public final class Migrate {

    private Migrate() {
    }

    public static void main(String[] args) {
        String url = null;
        Path repo = Path.of(".");
        String user = "sa";
        String password = "sa";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--repo" -> repo = Path.of(args[++i]);
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                default -> throw new IllegalArgumentException("Usage: Migrate --url JDBC_URL --repo ROOT [--user U --password P]");
            }
        }
        long started = System.nanoTime();
        int applied = Flyway.configure().dataSource(url, user, password)
                .locations("filesystem:" + repo.resolve("ejb/src/main/resources/db/migration").toAbsolutePath())
                // Data generated before a branch's migration was merged lacks that migration although it has later
                // ones (21.1 merged after 22.1 was written): apply it where it is missing, as the generator would have.
                .outOfOrder(true)
                .load().migrate().migrationsExecuted;
        System.out.printf(Locale.ROOT, "Migrations applied to the copy: %d (%.1f s)%n", applied, (System.nanoTime() - started) / 1e9);
    }
}
