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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An employee posts, finds the post from the box in the top bar with a word typed without its accent, sees the
 * word marked and the post's markup shown as text, saves the search, and finds a colleague among people.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(8)
class SearchJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPostIsFoundFromTheTopBarMarkedAndTheSearchSaved() {
        Random random = new Random();
        StringBuilder b = new StringBuilder("zj");
        for (int i = 0; i < 8; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        String run = b.toString();
        String text = "Revue du budget de l'équipe " + run + " <b>demain</b> #Budget";

        openBabillard("en-GB");
        logIn("camille.durand", "demo");
        waitFor(By.id("composer:text")).sendKeys(text);
        browser.findElement(By.id("composer:publish")).click();
        waitFor(By.xpath("//p[contains(@class,'post-text')][contains(., '" + run + "')]"));

        WebElement box = browser.findElement(By.id("top-q"));
        box.sendKeys("equipe " + run);
        box.sendKeys(Keys.ENTER);
        waitFor(By.cssSelector("h1"));
        // Indexing runs after the post's commit, on another thread: a search a moment later may come before it.
        for (int i = 0; i < 20 && browser.findElements(By.cssSelector(".search-hit")).isEmpty(); i++) {
            sleep(250);
            browser.navigate().refresh();
        }
        WebElement hit = waitFor(By.cssSelector(".search-hit"));
        assertEquals("Search", browser.findElement(By.tagName("h1")).getText());
        List<String> marked = hit.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
        assertTrue(marked.contains("l'équipe"), "the word found is marked: " + marked);
        assertTrue(hit.getText().contains("<b>demain</b>"), "markup in a post is shown as typed, never interpreted");
        assertTrue(hit.findElements(By.tagName("b")).isEmpty());
        Browser.screenshot(browser, "search-01-results");

        browser.findElement(By.id("results:save")).click();
        waitFor(By.cssSelector(".search-watched"));
        // The saved searches' part of the page is drawn again by the save: read it once it has settled.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("saved")).getText().contains("equipe " + run));
        Browser.screenshot(browser, "search-02-saved");
        // Removed again: a person keeps at most 20, and the test server's database outlives each run.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(By.xpath("//form[@id='saved']//li[contains(., 'equipe " + run + "')]//button")).click();
                    return true;
                });
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("saved")).getText().contains("equipe " + run));
        // The top bar holds the box without pushing anything off the page.
        assertTrue(browser.findElement(By.id("logout:submit")).getRect().getX()
                + browser.findElement(By.id("logout:submit")).getRect().getWidth() <= browser.manage().window().getSize().getWidth(),
                "the top bar fits the window");

        browser.findElement(By.cssSelector("a.search-tab[data-kind='people']")).click();
        WebElement box2 = waitFor(By.id("q"));
        box2.clear();
        box2.sendKeys("CAMILLE durand");
        box2.sendKeys(Keys.ENTER);
        WebElement person = waitFor(By.cssSelector("#people .person-name"));
        assertEquals("Camille Durand", person.getText());
        Browser.screenshot(browser, "search-03-people");

        // A date it cannot read is said, in the reader's words, and the rest of the search still runs.
        browser.get(Browser.baseUrl() + "search.xhtml?q=" + run + "+before:tomorrow");
        assertTrue(waitFor(By.cssSelector(".search-problem")).getText().contains("date"));
        assertEquals(1, browser.findElements(By.cssSelector(".search-hit")).size());

        // An administrator rebuilds the index from the administration page; searching goes on and finds the post.
        browser.findElement(By.id("logout:submit")).click();
        logIn("nadia.benali", "demo");
        waitFor(By.id("admin")).click();
        waitFor(By.id("directory")).click();
        assertTrue(waitFor(By.id("indexed")).getText().contains("posts in the search index"));
        browser.findElement(By.id("searchIndex:rebuild")).click();
        waitFor(By.xpath("//*[@id='searchIndex:messages'][contains(., 'rebuild has started')]"));
        Browser.screenshot(browser, "search-04-admin-rebuild");
        assertTrue(browser.findElement(By.id("logout:submit")).getRect().getX()
                + browser.findElement(By.id("logout:submit")).getRect().getWidth() <= browser.manage().window().getSize().getWidth(),
                "the top bar fits the window, an administrator's too");
        browser.get(Browser.baseUrl() + "search.xhtml?q=%22budget+de+l%27equipe%22+" + run + "&sort=date");
        waitFor(By.cssSelector("h1"));
        for (int i = 0; i < 40 && browser.findElements(By.cssSelector(".search-hit")).isEmpty(); i++) {
            sleep(250);
            browser.navigate().refresh();
        }
        assertEquals(1, browser.findElements(By.cssSelector(".search-hit")).size(), "an exact phrase, during or after the rebuild");
    }
}
