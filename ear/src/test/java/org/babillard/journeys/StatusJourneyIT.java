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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setting a status from the top bar, and a colleague seeing it next to one's name on a post and on the profile. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatusJourneyIT extends Journey {

    private static final String ME = "emily.hall";
    private static final String COLLEAGUE = "joel.perrin";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aStatusSetInTheTopBarShowsBesideTheNameForAColleague() {
        openBabillard("en-GB");
        logIn(ME, "demo");
        waitFor(By.cssSelector("label.composer-prompt"));

        // Too long first: the form says so and keeps what was typed.
        waitFor(By.id("my-status")).click();
        WebElement text = waitFor(By.id("topStatus:text"));
        text.clear();
        text.sendKeys("x".repeat(81));
        browser.findElement(By.id("topStatus:save")).click();
        WebElement error = waitFor(By.id("topStatus:textMessage"));
        assertEquals("A status holds at most 80 characters (an emoji counts as one). Make it shorter.", error.getText());
        Browser.screenshot(browser, "status-01-too-long");

        // Then empty.
        text = browser.findElement(By.id("topStatus:text"));
        text.clear();
        browser.findElement(By.id("topStatus:save")).click();
        waitFor(By.xpath("//*[@id='topStatus:textMessage'][.='Write a status, or clear it.']"));

        String marker = UUID.randomUUID().toString().substring(0, 6);
        String status = "In a workshop until 3 pm <b>" + marker + "</b> 🛠️";
        text = browser.findElement(By.id("topStatus:text"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", text, status);
        new Select(browser.findElement(By.id("topStatus:expiry"))).selectByVisibleText("4 hours");
        Browser.screenshot(browser, "status-02-form");
        browser.findElement(By.id("topStatus:save")).click();
        waitFor(By.xpath("//summary[@id='my-status']//span[contains(@class,'person-status')][contains(., '" + marker + "')]"));
        assertEquals(status, browser.findElement(By.cssSelector("#my-status .person-status")).getText(), "escaped, not made bold");
        Browser.screenshot(browser, "status-03-top-bar");

        // A post of mine carries the status beside my name.
        WebElement composer = browser.findElement(By.id("composer:text"));
        composer.click();
        composer.sendKeys("Status journey " + marker);
        browser.findElement(By.id("composer:publish")).click();
        WebElement post = waitFor(postWith(marker));
        assertEquals(status, post.findElement(By.cssSelector(".post-meta .person-status")).getText());

        // A colleague, in another browser and language, sees it on my post and on my profile.
        WebDriver mine = browser;
        browser = Browser.open("fr-FR");
        try {
            browser.get(Browser.baseUrl());
            logIn(COLLEAGUE, "demo");
            waitFor(By.cssSelector("label.composer-prompt"));
            assertTrue(browser.findElements(By.cssSelector("#my-status .person-status")).isEmpty(),
                    "the colleague's own top bar does not show my status");
            browser.get(Browser.baseUrl() + "person.xhtml?u=" + ME);
            WebElement shown = waitFor(By.cssSelector("#profile-status .person-status"));
            assertEquals(status, shown.getText());
            assertEquals(status, shown.getDomAttribute("title"), "the whole text in the tooltip");
            assertTrue(shown.findElements(By.tagName("b")).isEmpty(), "user text is escaped");
            post = waitFor(postWith(marker));
            WebElement onPost = post.findElement(By.cssSelector(".post-meta .person-status"));
            assertEquals(status, onPost.getText());
            assertEquals(status, onPost.getDomAttribute("title"));
            assertTrue(browser.findElements(By.id("profileStatus:text")).isEmpty(), "nobody else may change my status");
            Browser.screenshot(browser, "status-04-profile-seen-by-colleague");

            browser.get(Browser.baseUrl() + "people.xhtml?q=" + ME);
            WebElement card = waitFor(By.xpath("//li[contains(@class,'person-card')][.//a[contains(., 'Emily Hall')]]"));
            assertEquals(status, card.findElement(By.cssSelector(".person-status")).getText());
            Browser.screenshot(browser, "status-05-directory");
        } finally {
            browser.quit();
            browser = mine;
        }

        // I clear it from my profile; it no longer shows.
        browser.get(Browser.baseUrl() + "person.xhtml?u=" + ME);
        waitFor(By.cssSelector("#profile-status-edit > summary")).click();
        Browser.screenshot(browser, "status-06-profile-form");
        waitFor(By.id("profileStatus:clear")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#profile-status .person-status")));
        assertEquals("Set a status", browser.findElement(By.cssSelector("#my-status")).getText());
        assertTrue(browser.findElements(By.cssSelector(".post-meta .person-status")).isEmpty());
        Browser.screenshot(browser, "status-07-cleared");
    }

    private static By postWith(String marker) {
        return By.xpath("//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + marker + "')]]");
    }
}
