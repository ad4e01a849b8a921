package org.babillard.screenshots;

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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * The README's pictures: the home page, a channel and the administration, as the demo company's people see them,
 * taken in headless Chromium on a server of their own so that they follow the application as it changes.
 * Run by {@code docs/screenshots/take} (the Maven profile {@code screenshots}); never part of the tests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadmeScreenshots extends Journey {

    /** The administration's first page. The dashboard (/admin/index.xhtml) replaces it once it is merged. */
    static final String ADMIN_PAGE = "admin/index.xhtml";

    static final List<String> POSTS = List.of(
            "Reminder: the platform maintenance window is tonight, 22:00 to 23:00. Deployments pause meanwhile. #platform",
            "Who is coming to the Lyon meetup next Thursday? We have room for twelve, coffee included. #events",
            "Shipped the new mobile release this morning. Thank you @ines.moreau and the whole #mobile team!");
    static final String ADMIN_POST = "Welcome to the new joiners of the mobile team this month. Lunch is on us on Friday! #mobile";
    static final String CHANNEL_POST = "Stand-up notes: the offline mode is in review, the crash on older phones is fixed. Next: release notes.";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void takeThem() throws Exception {
        Path dir = Path.of(System.getProperty("babillard.readme.screenshots", "../docs/screenshots"));
        Files.createDirectories(dir);

        // The administrator syncs the directory: everyone and their team channels are in Babillard.
        openBabillard("en-GB");
        logIn("nadia.benali", "demo");
        browser.get(Browser.baseUrl() + "admin/directory.xhtml");
        waitFor(By.id("sync:now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sync\\:messages li")));
        browser.get(Browser.baseUrl());
        waitFor(By.id("composer:text"));
        if (!text().contains(ADMIN_POST)) {
            post(ADMIN_POST);
        }
        browser.get(Browser.baseUrl() + ADMIN_PAGE);
        waitFor(By.cssSelector("main h1"));
        save(dir, "admin");

        // Camille's home, with a few posts of her own, then one of her team channels.
        openBabillard("en-GB");
        logIn("camille.durand", "demo");
        waitFor(By.id("composer:text"));
        if (!text().contains(POSTS.get(0))) {
            for (String p : POSTS) {
                post(p);
            }
        }
        browser.get(Browser.baseUrl());
        waitFor(By.id("composer:text"));
        save(dir, "home");

        browser.get(Browser.baseUrl() + "channels.xhtml");
        waitFor(By.cssSelector("#mine a.channel-name")).click();
        WebElement box = waitFor(By.id("composer:text"));
        if (!text().contains(CHANNEL_POST)) {
            box.sendKeys(CHANNEL_POST);
            browser.findElement(By.id("composer:publish")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                    .until(d -> text().contains(CHANNEL_POST));
        }
        browser.navigate().refresh();
        waitFor(By.id("composer:text"));
        save(dir, "channel");
    }

    private void post(String text) {
        WebElement box = waitFor(By.id("composer:text"));
        box.sendKeys(text);
        browser.findElement(By.id("composer:publish")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> text().contains(text));
    }

    private String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private void save(Path dir, String name) throws Exception {
        // The top of the page at a laptop's width: what a reader of the README takes in at a glance.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 860));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
