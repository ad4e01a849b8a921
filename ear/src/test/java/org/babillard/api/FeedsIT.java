package org.babillard.api;

import jakarta.json.JsonObject;
import org.babillard.it.Browser;
import org.babillard.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Atom feeds of a person, a channel and a topic read by a real feed parser (Debian's python3-feedparser): the
 * address made in the settings and linked from the pages, what each token's owner may read and nothing more (no
 * notebook, no private channel one is not in, no deleted post), markup shown as text, conditional GET, revocation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FeedsIT extends ApiJourney {

    private static final Path READER = Path.of("src/test/python/feed_reader.py");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void feedReadersGetWhatTheTokensOwnerMayReadAndNothingElse() throws Exception {
        require(Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import feedparser").start().waitFor() == 0,
                "feedparser is missing (apt-get install python3-feedparser) for " + PYTHON);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "feed" + run;
        openBabillard("en-GB");
        String author = tokenFor("camille.durand", "read write");
        String company = status(author, "status=" + enc("Feed " + run + " <script>alert(1)</script> & more #" + tag));
        String note = status(author, "visibility=direct&status=" + enc("My feed note " + run + " #" + tag));
        String deleted = status(author, "status=" + enc("Deleted soon " + run + " #" + tag));
        assertEquals(200, send(HttpRequest.newBuilder(uri("/api/v1/statuses/" + deleted)).header("Authorization", "Bearer " + author)
                .DELETE()).statusCode());
        HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/api/v1/lists")).header("Authorization", "Bearer " + author)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Secret " + run + "\"}")));
        assertEquals(200, list.statusCode(), list.body());
        String secret = status(author, "status=" + enc("In the secret channel " + run + " #" + tag) + "&channel_id="
                + json(list.body()).getString("id"));

        // Camille (still logged in from the consent page) makes her feed address in the settings.
        noFeedAddress();
        browser.get(Browser.baseUrl() + "person.xhtml?u=camille.durand");
        assertTrue(waitFor(By.id("feed-link")).getAttribute("href").contains("mail-settings.xhtml"),
                "without a feed address, the subscribe link leads to the settings");
        String camilleOwn = makeFeedAddress();
        browser.get(Browser.baseUrl() + "person.xhtml?u=camille.durand");
        assertEquals(camilleOwn, waitFor(By.id("feed-link")).getAttribute("href"), "the profile links to its feed");
        browser.get(Browser.baseUrl() + "channels.xhtml");
        waitFor(By.linkText("Secret " + run)).click();
        String channelFeed = waitFor(By.id("feed-link")).getAttribute("href");
        browser.get(Browser.baseUrl() + "topic.xhtml?t=" + tag);
        String topicFeed = waitFor(By.id("feed-link")).getAttribute("href");
        assertTrue(topicFeed.endsWith("/topics/" + tag), topicFeed);

        JsonObject own = read(camilleOwn);
        assertEquals(0, own.getInt("bozo"), "a valid feed: " + own.getString("bozo_exception"));
        assertEquals(200, own.getInt("status"));
        assertEquals("atom10", own.getString("version"));
        assertEquals("application/atom+xml;charset=utf-8", own.getString("content_type").replace(" ", "").toLowerCase());
        assertTrue(own.getString("title").startsWith("Camille Durand"), own.getString("title"));
        JsonObject first = entry(own, company);
        assertTrue(first.getString("title").contains("<script>alert(1)</script> & more"), "markup is text in the title: " + first);
        assertTrue(first.getString("content").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"),
                "and in the content, escaped once as HTML: " + first.getString("content"));
        assertTrue(first.getString("link").endsWith("post.xhtml?id=" + company), first.getString("link"));
        assertEquals("Camille Durand", first.getString("author"));
        assertTrue(ids(own).contains(secret), "her own feed has her private channel's post, which she may read");
        assertFalse(ids(own).contains(note), "never a notebook entry, not even in its author's feed");
        assertFalse(ids(own).contains(deleted), "never a deleted post");
        assertEquals(own.getInt("bozo"), read(channelFeed).getInt("bozo"));
        assertEquals(List.of(secret), ids(read(channelFeed)), "the private channel's feed, for a member");

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(camilleOwn))
                .header("If-None-Match", own.getString("etag")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode(), "a feed reader polling an unchanged feed gets 304");
        assertEquals(304, read(camilleOwn, own.getString("etag")).getInt("status"));

        // Nadia, in no private channel of Camille's, gets her own address.
        openBabillard("en-GB");
        logIn("nadia.benali", "demo");
        waitFor(By.id("composer:text"));
        String nadiaToken = token(makeFeedAddress());
        String nadiaOnCamille = Browser.baseUrl() + "feeds/" + nadiaToken + "/people/camille.durand";
        JsonObject seenByNadia = read(nadiaOnCamille);
        assertEquals(0, seenByNadia.getInt("bozo"));
        assertTrue(ids(seenByNadia).contains(company), "a company-wide post is in everyone's feed");
        assertFalse(ids(seenByNadia).contains(secret), "not the private channel's post");
        assertFalse(ids(seenByNadia).contains(note), "nor the notebook");
        JsonObject topicForNadia = read(Browser.baseUrl() + "feeds/" + nadiaToken + "/topics/" + tag);
        assertEquals(List.of(company), ids(topicForNadia), "the topic's feed as Nadia may read it");
        assertEquals(List.of(company, secret).stream().sorted().toList(), ids(read(topicFeed)).stream().sorted().toList(),
                "and as Camille may");
        String channelForNadia = channelFeed.replace(token(camilleOwn), nadiaToken);
        assertEquals(404, httpStatus(channelForNadia), "a private channel's feed is not found for someone outside it");
        assertEquals(404, httpStatus(Browser.baseUrl() + "feeds/" + "x".repeat(43) + "/people/camille.durand"), "a made-up token");
        assertEquals(404, httpStatus(Browser.baseUrl() + "feeds/" + nadiaToken + "/people/nobody.here"));

        // Nadia renews her address: the old one stops working at once; then she turns feeds off.
        browser.findElement(By.id("feeds:renew")).click();
        // (the former address stays on the page until the answer replaces it: wait for the new one, read afresh)
        String renewed = new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String shown = d.findElement(By.id("feed-example")).getText();
                    return shown.contains("/feeds/") && !token(shown).equals(nadiaToken) ? token(shown) : null;
                });
        assertEquals(404, httpStatus(nadiaOnCamille), "the former address is gone");
        assertEquals(200, httpStatus(Browser.baseUrl() + "feeds/" + renewed + "/people/camille.durand"));
        browser.findElement(By.id("feeds:revoke")).click();
        waitFor(By.id("feeds:create"));
        assertEquals(404, httpStatus(Browser.baseUrl() + "feeds/" + renewed + "/people/camille.durand"), "revoked");
        assertTrue(read(Browser.baseUrl() + "feeds/" + renewed + "/people/camille.durand").getJsonArray("entries").isEmpty());
    }

    /** Makes the logged-in employee's feed address in the settings and answers the example address shown. */
    private String makeFeedAddress() {
        noFeedAddress();
        waitFor(By.id("feeds:create")).click();
        return waitFor(By.id("feed-example")).getText();
    }

    /** Revokes the logged-in employee's feed address if an earlier run left one (the test data outlive a run). */
    private void noFeedAddress() {
        browser.get(Browser.baseUrl() + "mail-settings.xhtml");
        waitFor(By.id("feeds"));
        if (!browser.findElements(By.id("feeds:revoke")).isEmpty()) {
            browser.findElement(By.id("feeds:revoke")).click();
            waitFor(By.id("feeds:create"));
        }
    }

    private static String token(String feedUrl) {
        String path = feedUrl.substring(feedUrl.indexOf("/feeds/") + "/feeds/".length());
        return path.substring(0, path.indexOf('/'));
    }

    private int httpStatus(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonObject read(String url, String... etag) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString(), READER.toString(), url));
        command.addAll(List.of(etag));
        return run("feedparser", command);
    }

    private static List<String> ids(JsonObject feed) {
        return feed.getJsonArray("entries").stream().map(v -> ((JsonObject) v).getString("link"))
                .map(link -> link.substring(link.indexOf("?id=") + 4)).toList();
    }

    private static JsonObject entry(JsonObject feed, String id) {
        return feed.getJsonArray("entries").stream().map(v -> (JsonObject) v)
                .filter(e -> e.getString("link").endsWith("?id=" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + id + " in " + feed));
    }
}
