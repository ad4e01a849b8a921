package org.babillard.journeys;

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

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live coverage of an all-hands: its author makes the post an event and switches the thread to live; a colleague
 * who is only reading the conversation (not in the thread) answers "going" and sees each new reply appear without
 * reloading.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveCoverageJourneyIT extends Journey {

    private static final String AUTHOR = "camille.durand";
    private static final String READER = "manon.roussel";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void repliesInALiveThreadArriveForEveryoneViewingIt() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        WebDriver author = Browser.open("fr-FR");
        try {
            author.get(Browser.baseUrl());
            logIn(author, AUTHOR);
            waitFor(author, By.id("composer:text")).sendKeys("All-hands en direct " + marker);
            author.findElement(By.id("composer:publish")).click();
            WebElement post = waitFor(author, By.xpath(post("All-hands en direct " + marker)));
            String id = post.getDomAttribute("data-post-id");
            author.get(Browser.baseUrl() + "post.xhtml?id=" + id);
            // The author makes the post an event, then covers it live.
            waitFor(author, By.cssSelector(".post-event-form summary")).click();
            ((JavascriptExecutor) author).executeScript("document.getElementById('postEvent:eventStart').value = '2030-06-02T14:00';"
                    + "document.getElementById('postEvent:eventEnd').value = '2030-06-02T15:30';");
            author.findElement(By.id("postEvent:eventPlace")).sendKeys("Auditorium");
            author.findElement(By.id("postEvent:make")).click();
            // The event's part of the page is drawn again after the click: read the counts once it has settled.
            new WebDriverWait(author, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("post-rsvp-counts")).getText().startsWith("0 viennent"));
            waitFor(author, By.id("liveCoverage:switch")).click();
            waitFor(author, By.id("live-badge"));
            new WebDriverWait(author, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> "Terminer le direct".equals(d.findElement(By.id("liveCoverage:switch")).getText()));

            openBabillard("en-GB");
            logIn(READER, "demo");
            waitFor(By.id("composer:text"));
            browser.get(Browser.baseUrl() + "post.xhtml?id=" + id);
            waitForText(By.id("live-badge"), "Live");
            assertTrue(browser.findElements(By.id("liveCoverage:switch")).isEmpty(), "only its author, HR or an admin switch it");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("return !!(window.babillard && babillard.live && babillard.live.connected);")));
            browser.findElement(By.id("postRsvp:going")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("post-rsvp-counts")).getText().startsWith("1 going"));
            ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

            for (String reply : new String[] {"Premier intervenant " + marker, "Questions ouvertes " + marker}) {
                waitFor(author, By.id("reply:text")).sendKeys(reply);
                author.findElement(By.id("reply:send")).click();
                waitFor(author, By.xpath(post(reply)));
                waitFor(By.xpath(post(reply)), Duration.ofSeconds(20));
            }
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"),
                    "the replies arrived without a reload");
            Browser.screenshot(browser, "64-live-coverage-en");
        } finally {
            author.quit();
        }
    }

    private static String post(String text) {
        return "//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + text + "')]]";
    }

    private void logIn(WebDriver driver, String user) {
        waitFor(driver, By.id("login:username")).sendKeys(user);
        driver.findElement(By.id("login:password")).sendKeys("demo");
        driver.findElement(By.id("login:submit")).click();
        Journey.skipWelcome(driver);
    }

    private static WebElement waitFor(WebDriver driver, By by) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (TimeoutException e) {
            Browser.failure(driver, "LiveCoverageJourneyIT-other-" + by.toString().replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }
}
