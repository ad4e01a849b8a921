package org.babillard.journeys;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.babillard.it.Browser;
import org.babillard.it.Deployments;
import org.babillard.it.Journey;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HR publishes a must-read event to the engineering department: an engineer who has Babillard open sees the banner
 * arrive without reloading, acknowledges it, finds it in the news and adds it to their calendar; HR sees the
 * acknowledgement in the statistics and the export; someone from Finance never sees it, and cannot publish.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnnouncementJourneyIT extends Journey {

    private static final String HR = "helene.lefevre";
    private static final String ENGINEER = "camille.durand";
    private static final String FINANCE = "aurelien.lacroix";
    private static final String PLACE = "Amphi A, bâtiment 2; Paris";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aMustReadAnnouncementReachesItsDepartmentLiveAndNobodyElse() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String titleFr = "Exercice d'évacuation " + marker;
        String titleEn = "Fire drill " + marker;
        WebDriver engineer = Browser.open("fr-FR");
        try {
            // The engineer has Babillard open.
            engineer.get(Browser.baseUrl());
            logIn(engineer, ENGINEER);
            waitFor(engineer, By.id("composer:text"));
            awaitSocket(engineer);
            ((JavascriptExecutor) engineer).executeScript("window.sameDocument = true;");
            assertTrue(engineer.findElements(By.xpath(banner(titleFr))).isEmpty());

            // HR writes the announcement, French and English side by side, for the engineering department.
            openBabillard("en-GB");
            logIn(HR, "demo");
            waitFor(By.id("composer:text"));
            browser.findElement(By.id("news")).click();
            waitFor(By.id("compose")).click();
            waitFor(By.id("compose:titleFr")).sendKeys(titleFr);
            browser.findElement(By.id("compose:bodyFr")).sendKeys("Jeudi à 10 h, tout le monde sort par l'escalier B.\nMerci de confirmer.");
            browser.findElement(By.id("compose:titleEn")).sendKeys(titleEn);
            browser.findElement(By.id("compose:bodyEn")).sendKeys("Thursday at 10, everyone leaves by staircase B.\nPlease confirm.");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("compose:category"))).selectByValue("IT_SAFETY");
            browser.findElement(By.cssSelector("input[name='compose:departments'][value='Ingénierie']")).click();
            browser.findElement(By.id("compose:mustRead")).click();
            browser.findElement(By.id("compose:event")).click();
            ((JavascriptExecutor) browser).executeScript(
                    "document.getElementById('compose:eventStart').value = '2030-03-14T10:00';"
                            + "document.getElementById('compose:eventEnd').value = '2030-03-14T10:45';");
            browser.findElement(By.id("compose:eventPlace")).sendKeys(PLACE);
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
            Browser.screenshot(browser, "60-announcement-compose-en");
            ((JavascriptExecutor) browser).executeScript("document.getElementById('compose:event').scrollIntoView();");
            Browser.screenshot(browser, "60-announcement-compose-event-en");
            browser.findElement(By.id("compose:publish")).click();

            // Published: HR lands on its statistics.
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("announcement-stats.xhtml?a="));
            String id = browser.getCurrentUrl().replaceAll(".*[?&]a=(\\d+).*", "$1");
            waitFor(By.id("total-recipients"));
            long recipients = Long.parseLong(browser.findElement(By.id("total-recipients")).getText());
            assertTrue(recipients >= 1, "the engineer at least");
            assertEquals("0", browser.findElement(By.id("total-acknowledged")).getText());
            List<WebElement> departments = browser.findElements(By.cssSelector("#by-department tbody tr"));
            assertEquals(1, departments.size(), "only engineering was addressed");
            assertEquals("Ingénierie", departments.get(0).getDomAttribute("data-name"));

            // The banner arrives on the engineer's open page, in French, without a reload.
            WebElement arrived = waitFor(engineer, By.xpath(banner(titleFr)), Duration.ofSeconds(20));
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) engineer).executeScript("return window.sameDocument === true;"),
                    "the page was not reloaded");
            assertTrue(arrived.getText().contains("J'ai lu"), arrived.getText());
            Browser.screenshot(engineer, "61-announcement-banner-live-fr");
            // ... and stays on every page until acknowledged.
            engineer.get(Browser.baseUrl() + "people.xhtml");
            waitFor(engineer, By.xpath(banner(titleFr)));

            // The News page shows it, in French, with the event.
            engineer.get(Browser.baseUrl() + "news.xhtml");
            WebElement item = waitFor(engineer, By.cssSelector("article.announcement[data-announcement='" + id + "']"));
            assertTrue(item.getText().contains(titleFr), item.getText());
            assertFalse(item.getText().contains(titleEn), "one language per reader");
            assertTrue(item.getText().contains(PLACE));
            Browser.screenshot(engineer, "62-news-fr");

            // The .ics file parses with a real iCalendar parser.
            Object[] ics = fetch(engineer, "announcements/" + id + "/event.ics");
            assertEquals(200L, ics[0]);
            assertTrue(((String) ics[1]).startsWith("text/calendar"), (String) ics[1]);
            Calendar calendar = new CalendarBuilder().build(new StringReader((String) ics[2]));
            List<VEvent> events = calendar.getComponents(Component.VEVENT);
            assertEquals(1, events.size());
            VEvent event = events.get(0);
            assertEquals(titleFr, event.getProperty(Property.SUMMARY).orElseThrow().getValue());
            assertEquals(PLACE, event.getProperty(Property.LOCATION).orElseThrow().getValue(), "commas and semicolons survive");
            assertTrue(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue().contains("escalier B.\nMerci"),
                    "line breaks survive");
            assertEquals("announcement-" + id + "@babillard", event.getProperty(Property.UID).orElseThrow().getValue());
            assertTrue(event.getProperty(Property.DTSTART).orElseThrow().getValue().matches("20300314T\\d{6}Z"), "UTC");
            assertTrue(((String) ics[2]).contains("\r\n") && !((String) ics[2]).replace("\r\n", "").contains("\n"), "CRLF only");

            // The personal calendar feed: a calendar program reads it without any session, until it is revoked.
            engineer.get(Browser.baseUrl() + "news.xhtml");
            if (engineer.findElements(By.id("feed:url")).isEmpty()) {
                waitFor(engineer, By.id("feed:create")).click();
            }
            String feedUrl = waitFor(engineer, By.id("feed:url")).getDomProperty("value");
            assertTrue(feedUrl.matches("http://.*/calendar/[A-Za-z0-9_-]{43}\\.ics"), feedUrl);
            HttpClient calendarProgram = HttpClient.newHttpClient();
            HttpResponse<String> feed = calendarProgram.send(HttpRequest.newBuilder(URI.create(feedUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, feed.statusCode());
            assertTrue(feed.headers().firstValue("Set-Cookie").isEmpty(), "no session for a feed");
            Calendar subscribed = new CalendarBuilder().build(new StringReader(feed.body()));
            assertTrue(subscribed.<VEvent>getComponents(Component.VEVENT).stream().anyMatch(e ->
                    ("announcement-" + id + "@babillard").equals(e.getProperty(Property.UID).orElseThrow().getValue())));
            assertEquals(404, calendarProgram.send(HttpRequest.newBuilder(URI.create(feedUrl.replace("/calendar/", "/calendar/x")))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "a made-up token gives nothing");
            waitFor(engineer, By.id("feed:revoke")).click();
            waitFor(engineer, By.id("feed:create"));
            assertEquals(404, calendarProgram.send(HttpRequest.newBuilder(URI.create(feedUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a revoked address gives nothing");

            // "J'ai lu": the banner goes, for good.
            engineer.get(Browser.baseUrl());
            waitFor(engineer, By.xpath(banner(titleFr)));
            engineer.findElement(By.xpath(banner(titleFr) + "//button")).click();
            new WebDriverWait(engineer, Duration.ofSeconds(10)).until(
                    ExpectedConditions.invisibilityOfElementLocated(By.xpath(banner(titleFr))));
            engineer.navigate().refresh();
            waitFor(engineer, By.id("composer:text"));
            assertTrue(engineer.findElements(By.xpath(banner(titleFr))).isEmpty(), "acknowledged: no banner any more");

            // A crafted publication from the engineer's session is refused.
            Object[] crafted = fetch(engineer, "announce.xhtml", "compose=compose&compose%3AtitleEn=Fake&compose%3AbodyEn=Fake"
                    + "&compose%3Aeveryone=on&compose%3Apublish=");
            assertEquals(403L, crafted[0], "only HR and administrators reach the compose page");

            // HR sees the acknowledgement in the statistics and the export.
            browser.navigate().refresh();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                    "1".equals(d.findElement(By.id("total-acknowledged")).getText()));
            Browser.screenshot(browser, "63-announcement-stats-en");
            Object[] csv = fetch(browser, "announcements/" + id + "/acknowledgements.csv");
            assertEquals(200L, csv[0]);
            String line = ((String) csv[2]).lines().filter(l -> l.startsWith(ENGINEER + ",")).findFirst().orElseThrow();
            assertTrue(line.matches(".*,20\\d\\d-[^,]+Z,20\\d\\d-[^,]+Z"), "opened and acknowledged times: " + line);
            Object[] refusedCsv = fetch(engineer, "announcements/" + id + "/acknowledgements.csv");
            assertEquals(403L, refusedCsv[0], "the export is for HR and administrators");
        } finally {
            engineer.quit();
        }

        // Someone from Finance never sees it.
        openBabillard("fr-FR");
        logIn(FINANCE, "demo");
        waitFor(By.id("composer:text"));
        assertTrue(browser.findElements(By.xpath(banner(titleFr))).isEmpty(), "no banner outside the department");
        browser.get(Browser.baseUrl() + "news.xhtml");
        waitFor(By.cssSelector(".news-filter"));
        assertFalse(browser.getPageSource().contains(marker), "not in their news");
        assertTrue(browser.findElements(By.id("compose")).isEmpty(), "no compose link for an employee");
        browser.get(Browser.baseUrl() + "announce.xhtml");
        assertFalse(browser.getPageSource().contains("compose:publish"), "the compose page is closed to them");
    }

    private static String banner(String title) {
        return "//div[contains(@class,'must-read-banner')][.//a[contains(., \"" + title + "\")]]";
    }

    /** A request from the browser's own session: [status, content type, text]. */
    private static Object[] fetch(WebDriver driver, String path) {
        return fetch(driver, path, null);
    }

    private static Object[] fetch(WebDriver driver, String path, String postBody) {
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var options = arguments[1] === null ? {} : {method: 'POST', body: arguments[1],
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}};
                fetch(arguments[0], options).then(function (r) {
                    return r.text().then(function (t) { done([r.status, r.headers.get('content-type') || '', t]); });
                }).catch(function (e) { done([0, '', String(e)]); });""", Browser.baseUrl() + path, postBody);
        return ((List<?>) result).toArray();
    }

    private static void awaitSocket(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.babillard && babillard.live && babillard.live.connected);")));
    }

    private void logIn(WebDriver driver, String user) {
        waitFor(driver, By.id("login:username")).sendKeys(user);
        driver.findElement(By.id("login:password")).sendKeys("demo");
        driver.findElement(By.id("login:submit")).click();
        Journey.skipWelcome(driver);
    }

    private static WebElement waitFor(WebDriver driver, By by) {
        return waitFor(driver, by, Duration.ofSeconds(15));
    }

    private static WebElement waitFor(WebDriver driver, By by, Duration patience) {
        try {
            return new WebDriverWait(driver, patience).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (TimeoutException e) {
            Browser.failure(driver, "AnnouncementJourneyIT-other-" + by.toString().replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }
}
