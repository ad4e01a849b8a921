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
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two colleagues at once, each in their own browser: what one does shows up on the other's open page without a
 * reload, through the Faces push channel.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveJourneyIT extends Journey {

    /** The reader (English) and the writer (French). */
    private static final String A = "siobhan.evans";
    private static final String B = "manon.roussel";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aFollowedColleaguesPostArrivesLiveOnTheHome() {
        WebDriver other = Browser.open("fr-FR");
        try {
            other.get(Browser.baseUrl());
            logIn(other, B);
            waitFor(other, By.id("composer:text"));

            openBabillard("en-GB");
            logIn(A, "demo");
            waitFor(By.id("composer:text"));
            browser.get(Browser.baseUrl() + "person.xhtml?u=" + B);
            waitForText(By.id("person-name"), "Manon Roussel");
            if (!browser.findElements(By.id("follow:unfollow")).isEmpty()) {
                // A database kept from an earlier run: start from not following.
                browser.findElement(By.id("follow:unfollow")).click();
                waitFor(By.id("follow:follow"));
            }
            long before = count(browser.findElement(By.id("follow:followers")).getText());
            browser.findElement(By.id("follow:follow")).click();
            waitForText(By.id("follow:unfollow"), "Following");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                    count(d.findElement(By.id("follow:followers")).getText()) == before + 1);
            Browser.screenshot(browser, "40-person-following-en");

            browser.get(Browser.baseUrl());
            waitFor(By.id("composer:text"));
            assertTrue(browser.findElements(By.id("newer:show")).isEmpty(), "nothing new yet");
            awaitSocket(browser);
            ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

            String marker = "live " + UUID.randomUUID().toString().substring(0, 8);
            other.findElement(By.id("composer:text")).sendKeys("Du nouveau : " + marker);
            // An impatient double click publishes once.
            new Actions(other).doubleClick(other.findElement(By.id("composer:publish"))).perform();

            WebElement newer = waitFor(By.id("newer:show"), Duration.ofSeconds(20));
            assertEquals("1 new post", newer.getText());
            assertTrue(browser.findElements(By.xpath(post(marker))).isEmpty(), "the post waits for the reader's click");
            Browser.screenshot(browser, "41-home-new-post-en");
            newer.click();
            WebElement arrived = waitFor(By.xpath(post(marker)));
            assertEquals("Manon Roussel", arrived.findElement(By.cssSelector(".author")).getText());
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"),
                    "the page was not reloaded");
            assertTrue(browser.findElements(By.id("newer:show")).isEmpty(), "the button goes once the posts show");

            // The Company tab shows everything, the Home tab again what the reader follows; the choice stays.
            browser.findElement(By.id("streams:company")).click();
            awaitTitle(browser, "Everything in the company");
            browser.findElement(By.id("streams:home")).click();
            awaitTitle(browser, "Your home");
            waitFor(By.xpath(post(marker)));
            assertEquals(1, browser.findElements(By.xpath(post(marker))).size());

            other.navigate().refresh();
            waitFor(other, By.xpath(post(marker)));
            assertEquals(1, other.findElements(By.xpath(post(marker))).size(), "a double click made one post");
        } finally {
            other.quit();
        }
    }

    @Test
    void aMentionChosenFromTheSuggestionsLightsUpTheBellInTheOtherBrowser() {
        WebDriver other = Browser.open("fr-FR");
        try {
            openBabillard("en-GB");
            logIn(A, "demo");
            waitFor(By.id("composer:text"));
            // Start from nothing unread.
            browser.findElement(By.id("bell")).click();
            waitFor(By.cssSelector(".notifications h1"));
            if (!browser.findElements(By.id("notifications:markAll")).isEmpty()) {
                browser.findElement(By.id("notifications:markAll")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                        ExpectedConditions.invisibilityOfElementLocated(By.id("notifications:markAll")));
            }
            browser.get(Browser.baseUrl());
            waitFor(By.id("composer:text"));
            assertFalse(browser.findElement(By.id("bell-count")).isDisplayed(), "no count when nothing is unread");
            awaitSocket(browser);
            ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

            other.get(Browser.baseUrl());
            logIn(other, B);
            WebElement area = waitFor(other, By.id("composer:text"));
            area.sendKeys("Regarde ça @siob");
            WebElement option = waitFor(other, By.xpath("//ul[contains(@class,'mention-list')]//li[@role='option'][contains(., '@" + A + "')]"));
            assertEquals("true", area.getDomAttribute("aria-expanded"));
            assertTrue(option.getText().contains("Siobhán Evans"), option.getText());
            Browser.screenshot(other, "42-mention-suggestions-fr");
            List<WebElement> options = other.findElements(By.cssSelector(".mention-list [role=option]"));
            int index = options.indexOf(option);
            for (int i = 0; i < index; i++) {
                area.sendKeys(Keys.ARROW_DOWN);
            }
            area.sendKeys(Keys.ENTER);
            assertEquals("Regarde ça @" + A + " ", area.getDomProperty("value"), "Enter inserts the login, not a line break");
            assertFalse(other.findElement(By.cssSelector(".mention-list")).isDisplayed(), "the list closes");
            area.sendKeys("stp");
            other.findElement(By.id("composer:publish")).click();
            waitFor(other, By.xpath(post("@" + A + " stp")));

            WebElement count = new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("bell-count")));
            assertEquals("1", count.getText());
            assertEquals("Notifications: 1 unread", browser.findElement(By.id("bell")).getDomAttribute("title"));
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"),
                    "the bell changed without a reload");
            Browser.screenshot(browser, "43-bell-lit-en");

            browser.findElement(By.id("bell")).click();
            WebElement first = waitFor(By.cssSelector(".notification"));
            assertTrue(first.getDomAttribute("class").contains("notification-unread"));
            assertEquals("Manon Roussel mentioned you", first.findElement(By.cssSelector(".notification-what")).getText());
            assertTrue(first.findElement(By.cssSelector(".notification-excerpt")).getText().contains("@" + A + " stp"));
            Browser.screenshot(browser, "44-notifications-en");

            first.findElement(By.cssSelector("a.notification-link")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("post.xhtml?id="));
            browser.get(Browser.baseUrl() + "notifications.xhtml");
            first = waitFor(By.cssSelector(".notification"));
            assertFalse(first.getDomAttribute("class").contains("notification-unread"), "opening it marked it read");
            assertFalse(browser.findElement(By.id("bell-count")).isDisplayed());
        } finally {
            other.quit();
        }
    }

    private static String post(String text) {
        return "//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + text + "')]]";
    }

    private static long count(String text) {
        String digits = text.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    /** Waits until the page's push socket is open (live.js tracks it), so that nothing sent meanwhile is missed. */
    private static void awaitSocket(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!(window.babillard && babillard.live && babillard.live.connected);")));
    }

    private static void awaitTitle(WebDriver driver, String title) {
        // Read in one script call: the AJAX update may replace the element between two WebDriver calls.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> title.equals(((JavascriptExecutor) d).executeScript(
                "var t = document.querySelector('#timeline .section-title'); return t && t.textContent.trim();")));
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
            Browser.failure(driver, "LiveJourneyIT-other-" + by.toString().replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }
}
