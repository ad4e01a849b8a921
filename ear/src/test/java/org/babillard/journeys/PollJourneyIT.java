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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A poll from the composer to the results, voted on by two colleagues in two browsers, in French and English. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PollJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void twoColleaguesVoteAndBothSeeTheCounts() {
        openBabillard("fr-FR");
        logIn("camille.durand", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("composer:text")).sendKeys("Où déjeune-t-on vendredi ? " + marker);
        browser.findElement(By.id("composer:pollOn")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("input.poll-choice-input"), 2));
        assertEquals("Ajouter un sondage", browser.findElement(By.cssSelector(".poll-toggle")).getText().trim());
        browser.findElement(By.cssSelector(".poll-composer-bar button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("input.poll-choice-input"), 3));
        List<WebElement> choices = browser.findElements(By.cssSelector("input.poll-choice-input"));
        choices.get(0).sendKeys("Pizzeria <b>Da Marco</b>");
        choices.get(1).sendKeys("Cantine");
        choices.get(2).sendKeys("Sushi");
        new Select(browser.findElement(By.cssSelector("select.poll-deadline"))).selectByValue("P3D");
        Browser.screenshot(browser, "poll-01-composer-fr");
        browser.findElement(By.id("composer:publish")).click();

        WebElement post = waitForPost(browser, marker);
        String postId = post.getDomAttribute("data-post-id");
        assertEquals(3, post.findElements(By.cssSelector(".poll-options input[type=radio]")).size());
        assertEquals("Pizzeria <b>Da Marco</b>", post.findElements(By.cssSelector(".poll-options label")).get(0).getText(),
                "choices are shown as typed, escaped");
        assertTrue(post.findElement(By.cssSelector(".poll-meta")).getText().contains("Clôture dans"), post.getText());
        assertTrue(post.findElements(By.cssSelector(".poll-result")).isEmpty(), "no counts before voting");
        Browser.screenshot(browser, "poll-02-before-vote-fr");

        post.findElements(By.cssSelector(".poll-options input[type=radio]")).get(0).click();
        post.findElement(By.cssSelector(".poll-vote")).click();
        post = waitForResults(browser, marker);
        assertEquals("1 vote", post.findElement(By.cssSelector(".poll-total")).getText());
        assertEquals("100% (1)", post.findElements(By.cssSelector(".poll-figures")).get(0).getText());
        Browser.screenshot(browser, "poll-03-voted-fr");

        WebDriver second = Browser.open("en-US");
        try {
            second.get(Browser.baseUrl());
            new WebDriverWait(second, Duration.ofSeconds(15)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys("emilie.cote");
            second.findElement(By.id("login:password")).sendKeys("demo");
            second.findElement(By.id("login:submit")).click();
            Journey.skipWelcome(second);
            new WebDriverWait(second, Duration.ofSeconds(15)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("label.composer-prompt")));
            second.get(Browser.baseUrl() + "post.xhtml?id=" + postId);
            WebElement seen = waitForPost(second, marker);
            assertTrue(seen.findElements(By.cssSelector(".poll-result")).isEmpty(), "no counts before voting");
            assertTrue(seen.findElement(By.cssSelector(".poll-meta")).getText().contains("Results show once you have voted"));
            // Voting without a choice says what to do.
            seen.findElement(By.cssSelector(".poll-vote")).click();
            new WebDriverWait(second, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".poll-notice"), "Pick a choice, then vote."));
            seen = waitForPost(second, marker);
            seen.findElements(By.cssSelector(".poll-options input[type=radio]")).get(2).click();
            seen.findElement(By.cssSelector(".poll-vote")).click();
            seen = waitForResults(second, marker);
            assertEquals("2 votes", seen.findElement(By.cssSelector(".poll-total")).getText());
            List<WebElement> figures = seen.findElements(By.cssSelector(".poll-figures"));
            assertEquals(List.of("50% (1)", "0% (0)", "50% (1)"), figures.stream().map(WebElement::getText).toList());
            assertTrue(seen.findElements(By.cssSelector(".poll-result")).get(2).getDomAttribute("class").contains("poll-mine"));
            assertTrue(seen.findElement(By.cssSelector(".poll-meta")).getText().contains("Closes in 3 days"),
                    seen.findElement(By.cssSelector(".poll-meta")).getText());
            Browser.screenshot(second, "poll-04-second-voter-en");
        } finally {
            second.quit();
        }

        browser.navigate().refresh();
        post = waitForResults(browser, marker);
        assertEquals("2 votes", post.findElement(By.cssSelector(".poll-total")).getText());
        assertEquals("50% (1)", post.findElements(By.cssSelector(".poll-figures")).get(0).getText());
        Browser.screenshot(browser, "poll-05-author-sees-both-fr");
    }

    @Test
    void theAskerMarksTheBestAnswer() {
        openBabillard("fr-FR");
        logIn("camille.durand", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("composer:text")).sendKeys("Qui connaît le code du wifi invités ? " + marker);
        browser.findElement(By.id("composer:questionOn")).click();
        browser.findElement(By.id("composer:publish")).click();
        By question = By.xpath("//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '"
                + marker + "')]][.//span[contains(@class,'badge-question')]]");
        String postId = waitFor(question).getDomAttribute("data-post-id");

        WebDriver second = Browser.open("en-US");
        try {
            second.get(Browser.baseUrl());
            new WebDriverWait(second, Duration.ofSeconds(15)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("login:username"))).sendKeys("emilie.cote");
            second.findElement(By.id("login:password")).sendKeys("demo");
            second.findElement(By.id("login:submit")).click();
            Journey.skipWelcome(second);
            new WebDriverWait(second, Duration.ofSeconds(15)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("label.composer-prompt")));
            second.get(Browser.baseUrl() + "post.xhtml?id=" + postId);
            new WebDriverWait(second, Duration.ofSeconds(15)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("reply:text"))).sendKeys("It is on the fridge " + marker);
            second.findElement(By.id("reply:send")).click();
            new WebDriverWait(second, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//div[contains(@class,'thread-replies')]//p[contains(., 'It is on the fridge')]")));
            assertTrue(second.findElements(By.cssSelector(".mark-best")).isEmpty(), "only the asker marks the best answer");
        } finally {
            second.quit();
        }

        browser.get(Browser.baseUrl() + "post.xhtml?id=" + postId);
        waitFor(By.cssSelector(".thread-replies .mark-best")).click();
        WebElement best = waitFor(By.cssSelector(".thread-replies .badge-best"));
        assertEquals("✔ Meilleure réponse", best.getText());
        assertTrue(browser.findElements(By.cssSelector(".mark-best")).isEmpty(), "marked: no button left");
        Browser.screenshot(browser, "poll-06-best-answer-fr");
    }

    private static WebElement waitForPost(WebDriver driver, String marker) {
        By post = By.xpath("//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + marker + "')]][.//div[contains(@class,'poll')]]");
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(post));
        } catch (RuntimeException e) {
            Browser.failure(driver, "PollJourneyIT-post");
            throw e;
        }
    }

    private static WebElement waitForResults(WebDriver driver, String marker) {
        By post = By.xpath("//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + marker + "')]][.//div[contains(@class,'poll-shown')]]");
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(post));
        } catch (RuntimeException e) {
            Browser.failure(driver, "PollJourneyIT-results");
            throw e;
        }
    }
}
