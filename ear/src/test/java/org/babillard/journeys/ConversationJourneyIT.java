package org.babillard.journeys;

import org.babillard.it.Browser;
import org.babillard.it.Deployments;
import org.babillard.it.Journey;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Colleagues answering each other, reacting, keeping, editing and reporting posts, in a real browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(3)
class ConversationJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aColleagueRepliesReactsAndBookmarksAndTheAuthorSeesItOnHerHome() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        openBabillard("en-GB");
        logIn("camille.durand", "demo");
        publish("Who has a spare HDMI adapter for room 4? " + marker);
        long id = Long.parseLong(post(marker).getDomAttribute("data-post-id"));
        logOut();

        logIn("oliver.smith", "demo");
        waitFor(By.id("composer:text"));
        browser.get(Browser.baseUrl() + "post.xhtml?id=" + id);
        waitFor(By.id("reply:text")).sendKeys("I have one, come and get it " + marker);
        assertEquals("Reply to @camille.durand", browser.findElement(By.id("reply-prompt")).getText());
        browser.findElement(By.id("reply:send")).click();
        patiently(browser).until(d -> d.findElements(By.cssSelector(".thread-replies article.post")).size() == 1);
        assertTrue(browser.findElement(By.id("reply:text")).getDomProperty("value").isEmpty(), "the composer is empty again");
        WebElement first = browser.findElement(By.cssSelector(".thread-first article.post"));
        assertTrue(first.getText().contains("Who has a spare HDMI adapter"));
        WebElement reply = browser.findElement(By.cssSelector(".thread-replies article.post"));
        assertTrue(reply.getText().contains("I have one, come and get it"));
        assertEquals("Replying to @camille.durand", reply.findElement(By.cssSelector(".replying-to")).getText());
        assertEquals("1 reply", browser.findElement(By.id("replies-title")).getDomProperty("textContent").strip());

        // React and bookmark the first post: only that post changes, and says so to screen readers.
        first.findElement(By.cssSelector("button[data-emoji='LIKE']")).click();
        patiently(browser).until(ExpectedConditions.attributeToBe(
                By.cssSelector(".thread-first button[data-emoji='LIKE']"), "aria-pressed", "true"));
        WebElement like = browser.findElement(By.cssSelector(".thread-first button[data-emoji='LIKE']"));
        assertEquals("👍 1", like.getText());
        assertEquals("Oliver Smith", like.getDomAttribute("title"));
        browser.findElement(By.cssSelector(".thread-first button[id$=':bookmark']")).click();
        patiently(browser).until(ExpectedConditions.attributeToBe(
                By.cssSelector(".thread-first button[id$=':bookmark']"), "aria-pressed", "true"));
        assertEquals("Added to your bookmarks.", browser.findElement(By.cssSelector(".thread-first .post-notice")).getText());
        Browser.screenshot(browser, "conversation-01-thread");

        browser.findElement(By.id("bookmarks")).click();
        assertTrue(post(marker).getText().contains("Who has a spare HDMI adapter"), "the bookmark is listed");
        logOut();

        logIn("camille.durand", "demo");
        WebElement mine = post(marker);
        assertEquals("1 reply", mine.findElement(By.cssSelector(".replies-count")).getText());
        WebElement likeOnHome = mine.findElement(By.cssSelector("button[data-emoji='LIKE']"));
        assertEquals("👍 1", likeOnHome.getText());
        assertEquals("false", likeOnHome.getDomAttribute("aria-pressed"));
        Browser.screenshot(browser, "conversation-02-home-with-reactions");
        mine.findElement(By.cssSelector(".replies-link")).click();
        waitFor(By.cssSelector(".thread-replies article.post"));
        assertTrue(browser.getCurrentUrl().contains("post.xhtml?id=" + id));

        // The hashtag leads to its topic, which can be followed, next to the week's trending topics.
        String tag = "hdmi" + marker;
        browser.get(Browser.baseUrl());
        publish("Adapters are back in stock #" + tag + " " + marker.substring(0, 4) + "zzzz");
        post(marker.substring(0, 4) + "zzzz").findElement(By.cssSelector("a.hashtag")).click();
        waitForText(By.id("topic-name"), "#" + tag);
        assertTrue(post(marker.substring(0, 4) + "zzzz").isDisplayed());
        browser.findElement(By.id("follow:toggle")).click();
        patiently(browser).until(ExpectedConditions.attributeToBe(
                By.id("follow:toggle"), "aria-pressed", "true"));
        assertTrue(browser.findElements(By.cssSelector(".trend-list a")).stream().anyMatch(a -> a.getText().equals("#" + tag)));
        Browser.screenshot(browser, "conversation-06-topic");

        browser.get(Browser.baseUrl() + "post.xhtml?id=999999999");
        waitForText(By.cssSelector(".error-card h1"), "There is no such post.");
    }

    @Test
    void theAuthorEditsAndTheHistoryKeepsTheEarlierTextAndASecondEditorKeepsHerText() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        openBabillard("fr-FR");
        logIn("thomas.jones", "demo");
        publish("Réunion d'équipe jeudi à 10h " + marker);
        long id = Long.parseLong(post(marker).getDomAttribute("data-post-id"));

        // A second window of the same author opens the editor on the same version.
        WebDriver other = Browser.open("fr-FR");
        try {
            other.get(Browser.baseUrl());
            new WebDriverWait(other, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys("thomas.jones");
            other.findElement(By.id("login:password")).sendKeys("demo");
            other.findElement(By.id("login:submit")).click();
            Journey.skipWelcome(other);
            new WebDriverWait(other, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("composer:text")));
            other.get(Browser.baseUrl() + "post.xhtml?id=" + id);
            openEditor(other, ".thread-first");

            openEditor(browser, "article.post[data-post-id='" + id + "']");
            WebElement area = browser.findElement(By.cssSelector("textarea[id$=':editText']"));
            area.clear();
            area.sendKeys("Réunion d'équipe vendredi à 11h " + marker);
            browser.findElement(By.cssSelector("button[id$=':saveEdit']")).click();
            WebElement edited = waitFor(By.cssSelector("article.post[data-post-id='" + id + "'] .edited-mark"));
            assertEquals("modifié", edited.getText());
            assertEquals("Réunion d'équipe vendredi à 11h " + marker,
                    browser.findElement(By.cssSelector("article.post[data-post-id='" + id + "'] .post-text")).getText());

            edited.click();
            WebElement history = waitFor(By.cssSelector(".post-dialog .history"));
            List<WebElement> versions = history.findElements(By.tagName("li"));
            assertEquals(2, versions.size());
            assertTrue(versions.get(0).getText().contains("vendredi à 11h"));
            assertTrue(versions.get(1).getText().contains("Réunion d'équipe jeudi à 10h " + marker), "the earlier text is kept");
            Browser.screenshot(browser, "conversation-03-edit-history");

            // The second window still has the old version: its save is refused, and its text stays.
            WebElement otherArea = other.findElement(By.cssSelector("textarea[id$=':editText']"));
            otherArea.clear();
            otherArea.sendKeys("Ma version à moi " + marker);
            other.findElement(By.cssSelector("button[id$=':saveEdit']")).click();
            WebElement problem = patiently(other).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".thread-first .post-notice-error")));
            assertEquals("Ce message a été modifié entre-temps ; rechargez-le pour voir la nouvelle version.", problem.getText());
            assertEquals("Ma version à moi " + marker,
                    other.findElement(By.cssSelector("textarea[id$=':editText']")).getDomProperty("value"));
            Browser.screenshot(other, "conversation-04-changed-meanwhile");
        } finally {
            other.quit();
        }
    }

    @Test
    void aReportReachesTheAdministratorsWhoKeepThePost() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        openBabillard("en-GB");
        logIn("thomas.jones", "demo");
        publish("Selling my old bike, ask me " + marker);
        long id = Long.parseLong(post(marker).getDomAttribute("data-post-id"));
        logOut();

        logIn("oliver.smith", "demo");
        waitFor(By.id("composer:text"));
        browser.get(Browser.baseUrl() + "post.xhtml?id=" + id);
        WebElement first = waitFor(By.cssSelector(".thread-first article.post"));
        first.findElement(By.cssSelector("summary")).click();
        waitFor(By.cssSelector(".thread-first button[id$=':report']")).click();
        waitFor(By.cssSelector("textarea[id$=':reason']")).sendKeys("Private sales belong on the classifieds board " + marker);
        browser.findElement(By.cssSelector("button[id$=':sendReport']")).click();
        assertEquals("Thank you: the administrators will look at this post.",
                waitFor(By.cssSelector(".thread-first .post-notice")).getText());
        logOut();

        logIn("nadia.benali", "demo");
        waitFor(By.id("admin")).click();
        waitFor(By.id("reports")).click();
        WebElement report = waitFor(By.cssSelector("li.report[data-post-id='" + id + "']"));
        assertTrue(report.getText().contains("Private sales belong on the classifieds board " + marker));
        assertTrue(report.getText().contains("Selling my old bike, ask me " + marker));
        assertTrue(report.getText().contains("Reported by Oliver Smith"));
        Browser.screenshot(browser, "conversation-05-reports");
        report.findElement(By.cssSelector("button[id$=':dismiss']")).click();
        patiently(browser).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("li.report[data-post-id='" + id + "']")));
        assertFalse(browser.findElement(By.cssSelector(".notice")).getText().isBlank());
    }

    /** A wait that looks again when an AJAX update replaced the element it was reading. */
    private static WebDriverWait patiently(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void openEditor(WebDriver driver, String postSelector) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(postSelector + " summary"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(postSelector + " button[id$=':edit']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$=':editText']")));
    }

    private void publish(String text) {
        waitFor(By.id("composer:text")).sendKeys(text);
        browser.findElement(By.id("composer:publish")).click();
        post(text.substring(text.length() - 8));
    }

    private WebElement post(String marker) {
        return waitFor(By.xpath("//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + marker + "')]]"));
    }

    private void logOut() {
        browser.findElement(By.id("logout:submit")).click();
        waitFor(By.id("login:username"));
    }
}
