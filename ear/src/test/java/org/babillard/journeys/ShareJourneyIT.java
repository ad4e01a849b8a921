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

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A colleague shares a post with their followers and a comment; the share shows the original inside it, its
 * author hears of it, and the sharer takes everything they wrote away with "Download my data".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(8)
class ShareJourneyIT extends Journey {

    private static final String AUTHOR = "harry.macleod";
    private static final String SHARER = "isla.wright";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aSharedPostShowsInsideTheShareAndItsAuthorHearsOfIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String original = "Quarterly figures are out " + run + " <b>not bold</b>";
        String comment = "Have a look, team " + run;

        openBabillard("en-GB");
        logIn(AUTHOR, "demo");
        waitFor(By.id("composer:text")).sendKeys(original);
        browser.findElement(By.id("composer:publish")).click();
        waitFor(By.xpath(postWith(original)));
        browser.findElement(By.id("logout:submit")).click();

        logIn(SHARER, "demo");
        waitFor(By.id("streams:company")).click();
        WebElement post = waitFor(By.xpath(postWith(original)));
        post.findElement(By.cssSelector("summary")).click();
        post.findElement(By.cssSelector("button[id$=':share']")).click();
        WebElement target = waitFor(By.cssSelector("select[id$=':shareTarget']"));
        assertEquals("My followers (company-wide)", new Select(target).getFirstSelectedOption().getText());
        browser.findElement(By.cssSelector("textarea[id$=':shareComment']")).sendKeys(comment);
        Browser.screenshot(browser, "share-01-dialog");
        browser.findElement(By.cssSelector("button[id$=':sendShare']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath(postWith(original) + "//p[contains(@class,'post-notice')]"), "Shared with your followers."));

        browser.get(Browser.baseUrl() + "person.xhtml?u=" + SHARER);
        WebElement share = waitFor(By.xpath(postWith(comment)));
        WebElement quote = share.findElement(By.cssSelector("blockquote.shared-post"));
        assertTrue(quote.getText().contains(original), "the original, escaped, inside the share: " + quote.getText());
        assertTrue(quote.getText().contains("Harry"), "with its author's name");
        assertTrue(quote.findElements(By.tagName("b")).isEmpty(), "markup in the original stays text");
        Browser.screenshot(browser, "share-02-profile");

        // "Download my data": the ZIP holds the share's comment, what it shares, and no one else's text.
        String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.baseUrl() + "export"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        assertEquals("application/zip", export.headers().firstValue("Content-Type").orElse(""));
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains("babillard-" + SHARER));
        String json = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("babillard-export.json")) {
                    json = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertNotNull(json, "the export holds its JSON document");
        assertTrue(json.contains(comment));
        assertTrue(json.contains("\"shares\""));
        assertTrue(!json.contains("Quarterly figures are out " + run), "the original is Harry's, not Isla's to export");
        browser.findElement(By.id("logout:submit")).click();

        logIn(AUTHOR, "demo");
        waitFor(By.id("composer:text"));
        browser.get(Browser.baseUrl() + "notifications.xhtml");
        WebElement told = waitFor(By.xpath("//*[contains(@class,'notification')][contains(., 'shared your post')]"));
        assertTrue(told.getText().contains("Isla"), told.getText());
        Browser.screenshot(browser, "share-03-notification");
    }

    private static String postWith(String marker) {
        return "//article[contains(@class,'post')][./p[contains(@class,'post-text')][contains(., '" + marker + "')]]";
    }
}
