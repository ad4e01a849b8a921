package org.babillard.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Takes the tests' database down and up again, for real, while the server runs (see {@link DatabaseSwitchServlet},
 * deployed beside Babillard as {@link #deployment()}), and counts what the database holds. Use it in a
 * try-with-resources block: closing it lets the database back up whatever happened.
 */
public final class DatabaseSwitch implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI address = URI.create(Browser.baseUrl() + "database-switch/switch");

    /** The switch's own small web application (its driver classes come from the server's modules). */
    public static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "database-switch.war").addClass(DatabaseSwitchServlet.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: com.h2database.h2, org.postgresql\n"));
    }

    /** Makes the database refuse connections and cuts the open ones; answers how, for the test's output. */
    public String down() throws IOException, InterruptedException {
        return turn("down");
    }

    public String up() throws IOException, InterruptedException {
        return turn("up");
    }

    @Override
    public void close() throws IOException {
        try {
            up();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while letting the database back up", e);
        }
    }

    /**
     * posts, mentions, tags, notifications, outbox, attachments: the rows holding this marker, or hanging on posts that
     * hold it.
     */
    public Map<String, Long> counts(String marker) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(address + "?marker=" + marker))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), "the database is counted: " + answer.body());
        Map<String, Long> counts = new HashMap<>();
        for (String line : answer.body().strip().split("\n")) {
            String[] pair = line.split("=");
            counts.put(pair[0], Long.parseLong(pair[1]));
        }
        return counts;
    }

    private String turn(String to) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(address + "?to=" + to))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), "the database is switched " + to + ": " + answer.body());
        System.out.println("DatabaseSwitch " + to + ": " + answer.body());
        return answer.body();
    }
}
