package org.babillard.journeys;

import org.babillard.it.Browser;
import org.babillard.it.Deployments;
import org.babillard.it.Images;
import org.babillard.it.Journey;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin console as an administrator uses it: the dashboard's table counts a new post; a shorter post limit
 * applies at once to the composer's counter, to the server and to the API; the company's name and logo show in the
 * top bar and on the login page; a file that is no image or too large is refused with a message; employees may not
 * open the console. Everything changed is set back at the end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleJourneyIT extends Journey {

    private static final int LIMIT = 40;

    private boolean changed;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void anAdministratorChangesTheSettingsAndTheyApplyAtOnce() throws Exception {
        openBabillard("fr-FR");
        logIn("helene.lefevre", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        for (String page : new String[] {"admin/index.xhtml", "admin/settings.xhtml"}) {
            browser.get(Browser.baseUrl() + page);
            assertTrue(waitFor(By.tagName("h1")).getText().contains("pas ouverte"), "an employee may not open " + page);
        }
        waitFor(By.id("logout:submit")).click();

        logIn("nadia.benali", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        waitFor(By.id("admin")).click();
        waitForHeading("Tableau de bord");
        long postsToday = today("posts");
        shots(browser, "dashboard-fr");

        waitFor(By.id("settings")).click();
        waitForHeading("Réglages");
        changed = true;
        field("config:postMaxLength", "0");
        browser.findElement(By.id("config:save")).click();
        assertEquals("Indiquez un nombre entier de caractères entre 1 et 5 000.",
                waitFor(By.cssSelector("#config .field-error")).getText());
        String company = "Acme " + UUID.randomUUID().toString().substring(0, 4);
        field("config:postMaxLength", Integer.toString(LIMIT));
        field("config:companyName", company);
        browser.findElement(By.id("config:save")).click();
        waitFor(By.cssSelector(".notice-info"));
        assertEquals(company, waitFor(By.id("brand-name")).getText(), "the top bar shows the company's name");
        assertTrue(browser.getTitle().endsWith(" · " + company), browser.getTitle());

        Path notImage = Files.createTempFile("logo", ".png");
        Files.writeString(notImage, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        upload(notImage);
        logoProblem("Ce fichier n'est pas une image PNG, JPEG ou WebP.");
        Path tooLarge = Files.createTempFile("logo", ".png");
        byte[] big = new byte[600 * 1024];
        System.arraycopy(Images.png(8, 8), 0, big, 0, 8);
        Files.write(tooLarge, big);
        upload(tooLarge);
        // (the first problem's message is still on the page until the answer replaces it: wait for the new one)
        logoProblem("Ce fichier est trop volumineux : 512 Ko au plus.");
        Path logo = Files.createTempFile("logo", ".png");
        Files.write(logo, Images.png(64, 64));
        upload(logo);
        WebElement brandLogo = waitFor(By.id("brand-logo"));
        assertTrue(shown(brandLogo), "the logo shows in the top bar");
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(brandLogo.getDomProperty("src"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
        assertTrue(served.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        shots(browser, "settings-fr");
        inEnglish();

        // The composer counts down from the new limit; the server refuses one character more and takes the limit.
        browser.get(Browser.baseUrl());
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String atLimit = marker + " " + "x".repeat(LIMIT - marker.length() - 1);
        composer(atLimit + "y");
        assertEquals("1 caractère en trop", browser.findElement(By.id("composer-counter")).getText());
        browser.findElement(By.id("composer:publish")).click();
        assertEquals("Votre message fait 41 caractères ; la limite est de 40. Raccourcissez-le puis publiez-le à nouveau.",
                waitFor(By.cssSelector("#composer .field-error")).getText());
        browser.findElement(By.id("composer:text")).clear();
        composer(atLimit);
        assertEquals("0 caractères restants", browser.findElement(By.id("composer-counter")).getText());
        browser.findElement(By.id("composer:publish")).click();
        waitFor(By.xpath("//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + marker + "')]]"));
        String instance = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.baseUrl() + "api/v1/instance")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(instance.contains("\"max_characters\":" + LIMIT), instance);
        assertTrue(instance.contains("\"title\":\"" + company + "\""), instance);

        browser.get(Browser.baseUrl() + "admin/index.xhtml");
        assertEquals(postsToday + 1, today("posts"), "the dashboard counts the new post");

        // A channel's retention, where its settings are edited.
        waitFor(By.id("channels")).click();
        waitFor(By.cssSelector("#create-panel > summary")).click();
        waitFor(By.id("create:name")).sendKeys("Conservation " + marker);
        browser.findElement(By.id("create:submit")).click();
        waitFor(By.id("channel-name"));
        field("retention:days", "0");
        browser.findElement(By.id("retention:save")).click();
        assertEquals("Indiquez un nombre entier de jours entre 1 et 36 500, ou laissez vide.",
                waitFor(By.cssSelector("#retention .field-error")).getText());
        field("retention:days", "30");
        browser.findElement(By.id("retention:save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("messages")).getText().contains("Conservation enregistrée."));
        assertEquals("30", browser.findElement(By.id("retention:days")).getDomProperty("value"));
        shots(browser, "channel-retention-fr");

        waitFor(By.id("logout:submit")).click();
        waitForHeading("Connexion à " + company);
        assertTrue(shown(waitFor(By.id("login-logo"))), "the login page shows the logo");
        Browser.screenshot(browser, "admin-login-fr");
        logIn("nadia.benali", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
    }

    /**
     * Sets everything back for the other tests of the run, even after a failure: whatever state the journey's
     * browser was left in (a page half answered, a crashed tab), the settings are put back from a browser of their
     * own, tried twice, and the API has to tell the limit back at 500, or every later test would fail on it.
     */
    @AfterEach
    void restoreIfNeeded() throws Exception {
        if (changed) {
            try {
                restore();
            } catch (RuntimeException first) {
                restore();
            }
        }
    }

    private void restore() throws Exception {
        WebDriver admin = Browser.open("fr-FR");
        try {
            Journey.logIn(admin, "nadia.benali", "demo");
            admin.get(Browser.baseUrl() + "admin/settings.xhtml");
            WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(15));
            for (String[] value : new String[][] {{"config:postMaxLength", "500"}, {"config:companyName", ""}}) {
                WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(value[0])));
                input.clear();
                input.sendKeys(value[1]);
            }
            admin.findElement(By.id("config:save")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice-info")));
            assertEquals("Babillard", admin.findElement(By.id("brand-name")).getText());
            if (!admin.findElements(By.id("logo:reset")).isEmpty()) {
                WebElement reset = admin.findElement(By.id("logo:reset"));
                reset.click();
                wait.until(Browser.gone(reset));
            }
        } finally {
            admin.quit();
        }
        String instance = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.baseUrl() + "api/v1/instance")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(instance.contains("\"max_characters\":500") && instance.contains("\"title\":\"Babillard\""), instance);
        changed = false;
    }

    /** Today's figure in the dashboard's table (its last row). */
    private long today(String column) {
        return Long.parseLong(new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#days-table tbody tr:last-child td." + column)).getDomProperty("textContent")).strip());
    }

    private void field(String id, String value) {
        WebElement input = waitFor(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Waits until the logo's problem reads this (the element is replaced by each answer: read afresh each time). */
    private void logoProblem(String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.id("logo:fileProblem"), expected));
    }

    private void upload(Path file) {
        waitFor(By.id("logo:file")).sendKeys(file.toString());
        browser.findElement(By.id("logo:upload")).click();
    }

    private void composer(String text) {
        WebElement area = waitFor(By.id("composer:text"));
        area.click();
        area.sendKeys(text);
    }

    private boolean shown(WebElement image) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", image)).intValue() > 0);
    }

    /**
     * The current page at 1280 and 360 pixels. The language is never switched with the top bar's links here: that
     * would be saved in the administrator's profile and change the language other journeys see.
     */
    private void shots(WebDriver driver, String name) {
        Browser.screenshots(driver, "admin-" + name);
    }

    /** The dashboard and the settings in English, in a browser that asks for English, with no policy refusal. */
    private void inEnglish() {
        WebDriver english = Browser.open("en-GB");
        try {
            Journey.logIn(english, "nadia.benali", "demo");
            new WebDriverWait(english, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("label.composer-prompt")));
            english.get(Browser.baseUrl() + "admin/index.xhtml");
            assertEquals("Dashboard", new WebDriverWait(english, Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText());
            shots(english, "dashboard-en");
            english.get(Browser.baseUrl() + "admin/settings.xhtml");
            assertEquals("Settings", new WebDriverWait(english, Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText());
            shots(english, "settings-en");
            assertEquals(List.of(), Browser.policyViolations(english), "the Content-Security-Policy refused something");
        } finally {
            english.quit();
        }
    }
}
