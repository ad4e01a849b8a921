package org.babillard.api;

import org.babillard.it.Browser;
import org.babillard.it.DatabaseSwitch;
import org.babillard.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes down while an employee posts, for real (no mock): H2 is put in exclusive mode, PostgreSQL
 * refuses connections and has its sessions cut ({@link DatabaseSwitch}); the server is not restarted. What people
 * notice: the composers of the home page and of a channel stay with the text and the audience chosen and say, in the
 * reader's language, that the post was not published and to try again; the API answers 503 with {@code Retry-After}
 * and the reason in the caller's language, for writes and reads. Nothing was stored meanwhile (counted in the
 * database once it is back); once it is back, without a restart, publishing again makes exactly one post each, with
 * its mention, its hashtag and its notification. See docs/reliability.md, "The database".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageJourneyIT extends ApiJourney {

    private static final String NOT_PUBLISHED_FR = "Votre message n'a pas été publié : Babillard est momentanément indisponible.";

    @Deployment(name = "babillard", testable = false, order = 1)
    static EnterpriseArchive babillard() {
        return Deployments.babillard();
    }

    @Deployment(name = "database-switch", testable = false, order = 2)
    static WebArchive databaseSwitch() {
        return DatabaseSwitch.deployment();
    }

    @Test
    void postsSentWhileTheDatabaseIsDownStayInTheComposerAndArePublishedOnceWhenItIsBack() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String home = "outage" + run + "home";
        String channel = "outage" + run + "channel";
        String api = "outage" + run + "api";
        String homeText = "Réunion reportée " + home + " @oliver.thompson #panne" + run;
        String channelText = "Dans le canal " + channel;

        openBabillard("fr-FR");
        // The colleague mentioned has a profile (logged in once); the author's token for the API.
        tokenFor("oliver.thompson", "read write");
        String token = tokenFor("gregoire.girard", "read write");

        // A channel of the author's, open in a tab, and the home page in another, each composer filled in.
        browser.get(Browser.baseUrl() + "channels.xhtml");
        skipWelcomeIfShown();
        waitFor(By.cssSelector("#create-panel > summary")).click();
        waitFor(By.id("create:name")).sendKeys("Panne " + run);
        browser.findElement(By.id("create:submit")).click();
        waitFor(By.id("channel-name"));
        String channelTab = browser.getWindowHandle();
        waitFor(By.id("composer:text")).sendKeys(channelText);
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(Browser.baseUrl());
        skipWelcomeIfShown();
        String homeTab = browser.getWindowHandle();
        waitFor(By.id("composer:text")).sendKeys(homeText);
        new Select(browser.findElement(By.id("composer:audience"))).selectByValue("MENTIONED");

        String idempotencyKey = "outage-" + run;
        try (DatabaseSwitch database = new DatabaseSwitch()) {
            database.down();

            for (int attempt = 1; attempt <= 2; attempt++) {
                notPublished(homeText);
                assertEquals("MENTIONED", new Select(browser.findElement(By.id("composer:audience"))).getFirstSelectedOption()
                        .getDomAttribute("value"), "the audience chosen stays");
            }
            Browser.screenshots(browser, "database-outage-composer-fr");
            browser.switchTo().window(channelTab);
            notPublished(channelText);

            HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/api/v1/statuses")).header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "fr-FR,fr;q=0.9").header("Idempotency-Key", idempotencyKey)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("status=" + api)));
            unavailable(posted, "momentanément indisponible");
            HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/timelines/home")).header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "en-GB"));
            unavailable(read, "temporarily unavailable");
        }

        // Back without a restart: the first read that works, then nothing of what was refused is there.
        long back = System.nanoTime();
        new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(250)).until(d -> {
            try {
                return get("/api/v1/timelines/home", token).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        System.out.println("DatabaseOutageJourneyIT: the API read again " + Duration.ofNanos(System.nanoTime() - back).toMillis()
                + " ms after the database was let back up");
        DatabaseSwitch database = new DatabaseSwitch();
        for (String marker : new String[] {home, channel, api}) {
            assertEquals(Map.of("posts", 0L, "mentions", 0L, "tags", 0L, "notifications", 0L, "outbox", 0L, "attachments", 0L), database.counts(marker),
                    "nothing of " + marker + " was stored during the outage");
        }

        // Sent again: published once each, with what hangs on them.
        publishedAgain(channelText, channel);
        browser.switchTo().window(homeTab);
        publishedAgain(homeText, home);
        String first = json(api(token, idempotencyKey, api).body()).getString("id");
        assertEquals(first, json(api(token, idempotencyKey, api).body()).getString("id"), "the same key, the same post");

        assertEquals(1L, database.counts(channel).get("posts"));
        assertEquals(1L, database.counts(api).get("posts"));
        Map<String, Long> stored = database.counts(home);
        assertEquals(1L, stored.get("posts"), "one post: " + stored);
        assertEquals(1L, stored.get("mentions"), "its mention: " + stored);
        assertEquals(1L, stored.get("tags"), "its hashtag: " + stored);
        // The notification is written after the post's commit (docs: flow of a post).
        new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(250))
                .until(d -> countsOf(database, home).get("notifications") == 1L);
        assertTrue(database.counts(home).get("outbox") <= 1L, "at most one mail for the one mention: " + database.counts(home));
    }

    /** Publishing while the database is down: the composer stays, with the text and the message in French. */
    private void notPublished(String text) {
        WebElement slot = browser.findElement(By.id("composer:problem"));
        long started = System.nanoTime();
        browser.findElement(By.id("composer:publish")).click();
        // The message slot is filled anew by the answer; the form's fields are the ones typed in.
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(Browser.gone(slot));
        WebElement problem = new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#composer .field-error")));
        System.out.println("DatabaseOutageJourneyIT: the composer said so " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms after the click");
        assertTrue(problem.getText().startsWith(NOT_PUBLISHED_FR), problem.getText());
        assertEquals(text, browser.findElement(By.id("composer:text")).getDomProperty("value"), "the text stays in the composer");
        assertTrue(browser.findElements(By.id("error-reason")).isEmpty(), "no error page");
    }

    private void publishedAgain(String text, String marker) {
        browser.findElement(By.id("composer:publish")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".post-text")).stream().anyMatch(p -> p.getText().contains(marker)));
        assertTrue(browser.findElements(By.cssSelector("#composer .field-error")).stream().allMatch(e -> e.getText().isBlank()),
                "no message left");
        assertTrue(browser.findElement(By.id("composer:text")).getDomProperty("value").isEmpty(), "the composer is empty again: " + text);
    }

    private static void unavailable(HttpResponse<String> answer, String reason) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After: " + answer.headers().map());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), answer.headers().map().toString());
        assertTrue(json(answer.body()).getString("error").contains(reason), answer.body());
    }

    private HttpResponse<String> api(String token, String idempotencyKey, String text) throws Exception {
        HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/api/v1/statuses")).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("status=" + text)));
        assertEquals(200, posted.statusCode(), posted.body());
        return posted;
    }

    private static Map<String, Long> countsOf(DatabaseSwitch database, String marker) {
        try {
            return database.counts(marker);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void skipWelcomeIfShown() {
        if (browser.getCurrentUrl().contains("/welcome.xhtml")) {
            skipWelcome(browser);
        }
    }
}
