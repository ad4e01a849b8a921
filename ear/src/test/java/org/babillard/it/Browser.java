package org.babillard.it;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium for the user journeys. Where it is not installed the journeys are skipped with a
 * message saying so, except in CI (CI=true), where a missing browser fails the build.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(System.getProperty("babillard.it.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("babillard.it.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** A fresh browser whose Accept-Language asks for this language first ("fr-FR", "en-GB"). */
    public static WebDriver open(String language) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Browser tests need Chromium and ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + ": CI does not skip them");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort("SKIPPED: " + message);
        }
        try {
            Path profile = Files.createTempDirectory("babillard-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--window-size=1280,900", "--accept-lang=" + language + "," + language.substring(0, 2),
                    "--lang=" + language, "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + language.substring(0, 2)));
            options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
            // The console is kept, so that every journey can tell that no script was refused by the pages' policy.
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves what the browser shows under target/screenshots, for people to look at. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of(System.getProperty("babillard.it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The whole page at a desktop's width (1280 px) and a phone's (360 px), as {@code <name>-1280.png} and
     * {@code <name>-360.png}, for people to look at; the window is 1280 px wide again afterwards.
     */
    public static void screenshots(WebDriver driver, String name) {
        for (int width : new int[] {1280, 360}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            long height = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight")).longValue();
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 4000)));
            // Whatever redraws for the new width (charts) does so on the next frames.
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> ((JavascriptExecutor) d).executeAsyncScript(
                    "var done = arguments[0]; requestAnimationFrame(function () { requestAnimationFrame(function () { done(true); }); });"));
            screenshot(driver, name + "-" + width);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Keeps what the browser showed when a step failed: a screenshot and the page's HTML, under target/screenshots. */
    public static void failure(WebDriver driver, String name) {
        screenshot(driver, name);
        try {
            Path dir = Path.of(System.getProperty("babillard.it.screenshots", "target/screenshots"));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the browser's console said about the Content-Security-Policy since the last call: a script, a style or a
     * connection the pages' policy refused (an inline handler, a script without the nonce, eval) means a feature
     * that silently does nothing for the user.
     */
    public static List<String> policyViolations(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
    }

    /** The application's address in the tests' server. */
    /**
     * The element has left the page (the page was replaced after a submit). Like Selenium's {@code stalenessOf}, but
     * Chromium sometimes answers the check with "Node with given id does not belong to the document" rather than a
     * stale element while the new page comes in (a failed CI run): that also means the element is gone.
     */
    public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(org.openqa.selenium.WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    public static String baseUrl() {
        return System.getProperty("babillard.it.url", "http://127.0.0.1:8180/");
    }
}
