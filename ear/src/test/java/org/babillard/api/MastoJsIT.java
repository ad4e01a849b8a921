package org.babillard.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.babillard.it.Browser;
import org.babillard.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * masto.js (npm "masto"), a Mastodon client nobody here wrote, drives Babillard with a token obtained through the
 * OAuth flow and the consent page: verify credentials, post, read the home timeline, reply, favourite, upload a
 * picture and post it, hear a colleague's post and its deletion on its WebSocket streams (and nothing of the
 * colleague's private channel), dismiss an announcement. The package is installed with {@code npm ci} from
 * src/test/node into target/masto-client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MastoJsIT extends ApiJourney {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path CLIENT = Path.of("target/masto-client");
    private static final String NODE = System.getProperty("babillard.it.node", "node");
    private static final String NPM = System.getProperty("babillard.it.npm", "npm");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void mastoJsPostsReadsReactsUploadsStreamsOverWebSocketAndDismisses() throws Exception {
        requireMasto();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String title = "Exercice masto " + marker;
        openBabillard("fr-FR");
        announceToEngineering(title);
        String token = tokenFor("camille.durand", "read write follow");
        String colleague = tokenFor("nadia.benali", "read write");

        JsonObject seen = run("masto.js", List.of(NODE, CLIENT.resolve("masto_client.mjs").toString(),
                Browser.baseUrl().replaceAll("/$", ""), token, colleague, marker, title));

        assertTrue(seen.getString("streamingUrl").startsWith("ws://"), "the instance tells where to stream: " + seen);
        assertEquals("camille.durand", seen.getJsonObject("me").getString("acct"));
        JsonObject posted = seen.getJsonObject("posted");
        assertTrue(posted.getString("content").contains("&lt;i&gt;markup?&lt;/i&gt;"), posted.getString("content"));
        assertEquals("public", posted.getString("visibility"));
        assertTrue(strings(seen.getJsonArray("home")).contains(posted.getString("id")), "the post is on the home timeline");
        assertEquals(posted.getString("id"), seen.getJsonObject("reply").getString("inReplyToId"));
        assertEquals(JsonValue.TRUE, seen.getJsonObject("favourite").get("favourited"));
        assertEquals(1, seen.getJsonObject("favourite").getInt("count"));
        JsonObject media = seen.getJsonObject("media");
        assertEquals("image", media.getString("type"));
        assertEquals("A dot " + marker, media.getString("description"));
        assertEquals(List.of(media.getString("id")), strings(media.getJsonArray("attached")));
        assertEquals(200, media.getInt("fileStatus"));
        assertEquals("image/png", media.getString("fileType"));

        assertEquals(JsonValue.TRUE, seen.get("streamedUpdate"), "the colleague's post came over the WebSocket: " + seen.get("events"));
        assertEquals(JsonValue.TRUE, seen.get("streamedDelete"), "and its deletion: " + seen.get("events"));
        String secret = seen.getString("secretId");
        for (JsonValue v : seen.getJsonArray("events")) {
            JsonObject event = (JsonObject) v;
            assertFalse(event.containsKey("error"), "the streams ran without error: " + event);
            assertFalse(secret.equals(event.getString("id", "")), "nothing of the colleague's private channel: " + event);
        }
        assertTrue(seen.getJsonArray("events").stream().map(v -> (JsonObject) v)
                .anyMatch(e -> e.getString("event").equals("update") && e.getJsonArray("stream").toString().contains("mastojs" + marker)),
                "the hashtag stream names itself in its events: " + seen.get("events"));

        JsonObject announcement = seen.getJsonObject("announcement");
        assertEquals(JsonValue.TRUE, announcement.get("found"), "the announcement is there: " + announcement);
        assertEquals(JsonValue.FALSE, announcement.get("readBefore"));
        assertEquals(JsonValue.TRUE, announcement.get("readAfter"), "dismissed = read");
    }

    /** masto.js must be installable in CI; elsewhere the test says what is missing and skips. */
    private static void requireMasto() throws Exception {
        require(works(NODE, "--version") && works(NPM, "--version"), "node and npm are missing (apt-get install nodejs npm)");
        Files.createDirectories(CLIENT);
        for (String name : List.of("package.json", "package-lock.json", "masto_client.mjs")) {
            Files.copy(SOURCE.resolve(name), CLIENT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(CLIENT.resolve("node_modules/masto"))) {
            Process install = new ProcessBuilder(NPM, "ci", "--no-audit", "--no-fund").directory(CLIENT.toFile())
                    .redirectErrorStream(true).redirectOutput(CLIENT.resolve("npm-ci.log").toFile()).start();
            if (!install.waitFor(300, TimeUnit.SECONDS)) {
                install.destroyForcibly();
            }
        }
        require(Files.isDirectory(CLIENT.resolve("node_modules/masto")),
                "npm ci could not install masto.js (see " + CLIENT.resolve("npm-ci.log").toAbsolutePath() + ")");
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
