package org.babillard.it;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every browser journey does: open a browser, log in, wait for what a person would see, close. */
public abstract class Journey {

    protected WebDriver browser;

    /** A fresh browser asking for this language first, on Babillard's first page. */
    protected void openBabillard(String language) {
        if (browser != null) {
            browser.quit();
        }
        browser = Browser.open(language);
        browser.get(Browser.baseUrl());
    }

    /** Closes the browser; a journey during which the pages' security policy refused anything fails. */
    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            List<String> refused;
            try {
                refused = Browser.policyViolations(browser);
            } finally {
                browser.quit();
                browser = null;
            }
            assertEquals(List.of(), refused, "the Content-Security-Policy refused something during the journey");
        }
    }

    /**
     * Logs in. Someone who never finished or skipped the welcome of a first login lands on it: like an employee who
     * knows Babillard, the journey skips it and goes on from the home page (OnboardingJourneyIT walks through it).
     */
    protected void logIn(String name, String password) {
        waitFor(By.id("login:username")).sendKeys(name);
        browser.findElement(By.id("login:password")).sendKeys(password);
        WebElement submit = browser.findElement(By.id("login:submit"));
        submit.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(Browser.gone(submit));
        if (browser.getCurrentUrl().contains("/welcome.xhtml")) {
            skipWelcome(browser);
        }
    }

    /** Logs in in another browser than the journey's (an administrator beside an employee), past the welcome. */
    public static void logIn(WebDriver driver, String name, String password) {
        driver.get(Browser.baseUrl());
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
                .sendKeys(name);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        skipWelcome(driver);
    }

    /**
     * After a successful login in a browser of the journey's own: skips the welcome of a first login if it shows
     * (docs/onboarding.md), so that the journey goes on from the home page whichever journey ran first.
     */
    public static void skipWelcome(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> !d.getCurrentUrl().contains("login.xhtml"));
        if (driver.getCurrentUrl().contains("/welcome.xhtml")) {
            wait.until(ExpectedConditions.elementToBeClickable(By.id("skipAll:skip"))).click();
            wait.until(d -> !d.getCurrentUrl().contains("/welcome.xhtml"));
        }
    }

    /**
     * Waits until the page's heading reads this: after a click that opens another page, the old page's heading is
     * there until the new page replaces it, so reading the first heading found could read the old one (or one the
     * browser is discarding). On time-out, the heading last seen is in the failure.
     */
    protected void waitForHeading(String expected) {
        waitForText(By.tagName("h1"), expected);
    }

    /**
     * Waits until the element's text reads this, looking again while the page is being replaced: after a click that
     * loads a page where the same element is, the element found first can be the old page's (with its old text, or
     * already discarded). On time-out keeps a screenshot and fails with the text last seen.
     */
    protected void waitForText(By by, String expected) {
        waitForText(by, Duration.ofSeconds(15), expected);
    }

    protected void waitForText(By by, Duration patience, String expected) {
        String[] seen = {null};
        try {
            new WebDriverWait(browser, patience).ignoring(WebDriverException.class).until(d -> {
                seen[0] = d.findElement(by).getText();
                return expected.equals(seen[0]);
            });
        } catch (TimeoutException e) {
            Browser.failure(browser, getClass().getSimpleName() + "-" + by.toString().replaceAll("[^A-Za-z0-9]+", "-"));
            assertEquals(expected, seen[0], "the text of " + by);
        }
    }

    /** Waits for an element to show; on time-out keeps a screenshot and the page's HTML under target/screenshots. */
    protected WebElement waitFor(By by) {
        return waitFor(by, Duration.ofSeconds(15));
    }

    protected WebElement waitFor(By by, Duration patience) {
        try {
            ExpectedCondition<WebElement> visible = ExpectedConditions.visibilityOfElementLocated(by);
            return new WebDriverWait(browser, patience).until(d -> {
                try {
                    return visible.apply(d);
                } catch (WebDriverException e) {
                    // The page was being replaced between finding the element and looking at it: look again.
                    if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                        return null;
                    }
                    throw e;
                }
            });
        } catch (TimeoutException e) {
            Browser.failure(browser, getClass().getSimpleName() + "-" + by.toString().replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }
}
