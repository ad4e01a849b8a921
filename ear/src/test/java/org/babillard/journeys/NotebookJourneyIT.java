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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An employee keeps private notes in their notebook; a colleague, an administrator at that, finds them nowhere. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(7)
class NotebookJourneyIT extends Journey {

    private static final String AUTHOR = "elodie.lacroix";
    private static final String READER = "nadia.benali";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aNotebookEntryIsFoundInOnesNotebookAndNowhereByAnyoneElse() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String open = "Public news " + run;
        String note = "Private note " + run + " salary talk on Friday";
        String fromHome = "Home note " + run + " call the dentist";

        openBabillard("en-GB");
        logIn(AUTHOR, "demo");
        waitFor(By.id("composer:text")).sendKeys(open);
        browser.findElement(By.id("composer:publish")).click();
        waitForPost(open);

        // "Only me" on the home composer writes into the notebook.
        new Select(browser.findElement(By.id("composer:audience"))).selectByVisibleText("Only me (notebook)");
        browser.findElement(By.id("composer:text")).sendKeys(fromHome);
        Browser.screenshot(browser, "notebook-01-home-audience");
        browser.findElement(By.id("composer:publish")).click();
        WebElement homeEntry = waitForPost(fromHome);
        assertEquals("🔒 Notebook", homeEntry.findElement(By.cssSelector(".badge-notebook")).getText());

        browser.findElement(By.id("notebook")).click();
        waitFor(By.id("notebookComposer:text")).sendKeys(note);
        browser.findElement(By.id("notebookComposer:write")).click();
        WebElement entry = waitForPost(note);
        String id = entry.getDomAttribute("data-post-id");
        assertEquals("My notebook", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("notebookComposer:text")).getDomProperty("value").isEmpty());
        assertEquals(2, browser.findElements(By.xpath(postWith(run))).size(), "both notes, and not the public post");
        assertTrue(browser.findElement(By.xpath(postWith(run))).getText().contains(note), "newest first");
        Browser.screenshot(browser, "notebook-02-page");

        browser.findElement(By.id("search:words")).sendKeys("CALL THE Dentist");
        browser.findElement(By.id("search:find")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.numberOfElementsToBe(By.xpath(postWith(run)), 1));
        assertTrue(browser.findElement(By.xpath(postWith(run))).getText().contains(fromHome));
        Browser.screenshot(browser, "notebook-03-search");

        browser.findElement(By.id("logout:submit")).click();
        logIn(READER, "demo");
        waitFor(By.id("composer:text"));
        assertFalse(browser.getPageSource().contains(run + " salary") || browser.getPageSource().contains(run + " call"),
                "not in the colleague's home");
        browser.findElement(By.id("streams:company")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                By.cssSelector("#timeline .section-title"), "EVERYTHING IN THE COMPANY"));
        waitForPost(open);
        assertFalse(browser.getPageSource().contains("Private note " + run), "not in the company stream");
        assertFalse(browser.getPageSource().contains("Home note " + run), "not in the company stream");
        Browser.screenshot(browser, "notebook-04-company-other");

        browser.get(Browser.baseUrl() + "person.xhtml?u=" + AUTHOR);
        waitForPost(open);
        assertFalse(browser.getPageSource().contains("Private note " + run), "not on the author's profile");
        assertFalse(browser.getPageSource().contains("Home note " + run), "not on the author's profile");

        browser.get(Browser.baseUrl() + "notebook.xhtml");
        waitFor(By.id("notebookComposer:text"));
        assertFalse(browser.getPageSource().contains(run), "one's own notebook holds none of someone else's notes");

        browser.get(Browser.baseUrl() + "post.xhtml?id=" + id);
        waitForHeading("There is no such post.");
        assertFalse(browser.getPageSource().contains(run));
        Browser.screenshot(browser, "notebook-05-guessed-url");
    }

    private static String postWith(String marker) {
        return "//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + marker + "')]]";
    }

    private WebElement waitForPost(String marker) {
        return waitFor(By.xpath(postWith(marker)));
    }
}
