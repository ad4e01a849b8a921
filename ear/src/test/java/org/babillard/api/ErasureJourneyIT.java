package org.babillard.api;

import jakarta.json.JsonObject;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.babillard.it.Browser;
import org.babillard.it.Deployments;
import org.babillard.it.Journey;
import org.babillard.it.TestDirectory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator erases the personal data of someone who left, in the console, in French then checks in English:
 * the directory makes them leave, the former employees' page lists them with their departure date, the confirmation
 * names them and wants their user name, and afterwards their post reads under "Ex-collègue n° N" / "Former employee
 * #N" on the page, in the Mastodon API (no personal field) and in the Atom feed; their API token opens nothing; the
 * audit log shows the erasure.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErasureJourneyIT extends ApiJourney {

    private static final Pattern LABEL_FR = Pattern.compile("« Ex-collègue n° (\\d+) »");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void anAdministratorErasesAFormerEmployeeAndTheConversationStillReads() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String login = "it.erased." + run;
        String name = "Yasmine Départ " + run;
        String dn = "uid=" + login + ",ou=people,dc=babillard,dc=example";
        try (LdapNetworkConnection directory = TestDirectory.admin()) {
            directory.add(new DefaultEntry(dn, "objectClass: inetOrgPerson", "uid: " + login, "cn: " + name,
                    "sn: Départ", "displayName: " + name, "mail: " + login + "@babillard.example", "title: Acheteuse",
                    "userPassword: demo"));
        }
        openBabillard("fr-FR");
        String theirs = tokenFor(login, "read write");
        String post = status(theirs, "status=" + enc("Au revoir et merci pour tout " + run));
        String admins = tokenFor("nadia.benali", "read");
        try (LdapNetworkConnection directory = TestDirectory.admin()) {
            directory.delete(dn);
        }

        // Nadia (administrator) runs the sync: the person left; they are listed among the former employees.
        browser.manage().deleteAllCookies();
        browser.get(Browser.baseUrl() + "admin/directory.xhtml");
        logIn("nadia.benali", "demo");
        browser.get(Browser.baseUrl() + "admin/directory.xhtml");
        waitFor(By.id("sync:now")).click();
        waitFor(By.cssSelector("#sync\\:messages li"), Duration.ofSeconds(60));
        waitFor(By.id("former")).click();
        assertEquals("Anciens salariés", waitFor(By.tagName("h1")).getText());
        WebElement row = waitFor(By.cssSelector("li[data-username='" + login + "']"));
        assertTrue(row.getText().contains(name) && row.getText().contains("Départ le"), row.getText());
        Browser.screenshots(browser, "erasure-former-fr");

        // The confirmation names them and wants their user name: a wrong one erases nothing.
        row.findElement(By.cssSelector("input[data-username='" + login + "']")).click();
        assertEquals("Effacer les données personnelles de " + name + " ?", waitFor(By.id("erase-title")).getText());
        assertTrue(browser.findElement(By.id("erase-who")).getText().startsWith(name + " (@" + login + ") a quitté l'entreprise le "));
        Browser.screenshots(browser, "erasure-erase-confirm-fr");
        waitFor(By.id("confirm:confirmation")).sendKeys("nadia.benali");
        browser.findElement(By.id("confirm:erase")).click();
        assertEquals("Le nom d'utilisateur tapé n'est pas le sien : rien n'a été effacé.",
                waitFor(By.cssSelector("#messages li")).getText());
        WebElement confirmation = waitFor(By.id("confirm:confirmation"));
        confirmation.clear();
        confirmation.sendKeys(login);
        browser.findElement(By.id("confirm:erase")).click();
        String done = new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText)
                        .filter(t -> !t.startsWith("Le nom d'utilisateur")).findFirst().orElse(null)).strip();
        Matcher number = LABEL_FR.matcher(done);
        assertTrue(done.startsWith("Les données personnelles de @" + login + " sont effacées") && number.find(), done);
        String n = number.group(1);
        assertTrue(browser.findElements(By.cssSelector("li[data-username='" + login + "']")).isEmpty(), "no longer listed");

        // The conversation reads under the neutral name, in French here.
        browser.get(Browser.baseUrl() + "post.xhtml?id=" + post);
        WebElement article = waitFor(By.cssSelector("article.post[data-post-id='" + post + "']"));
        assertEquals("Ex-collègue n° " + n, article.findElement(By.cssSelector("a.author")).getText());
        assertTrue(article.getText().contains("Au revoir et merci pour tout " + run));
        assertFalse(browser.getPageSource().contains(name) || browser.getPageSource().contains(login),
                "neither their name nor their login is anywhere on the page");

        // The API: the account is the neutral one without personal fields; their login and their token open nothing.
        JsonObject status = json(get("/api/v1/statuses/" + post, admins).body());
        JsonObject account = status.getJsonObject("account");
        assertEquals("Former employee #" + n, account.getString("display_name"));
        assertEquals("former-employee-" + n, account.getString("username"));
        assertEquals("", account.getString("note"));
        assertEquals(0, account.getJsonArray("fields").size());
        assertEquals(404, get("/api/v1/accounts/lookup?acct=" + enc(login), admins).statusCode());
        assertEquals(401, get("/api/v1/accounts/verify_credentials", theirs).statusCode());

        // The Atom feed of the neutral account names no one.
        browser.get(Browser.baseUrl() + "mail-settings.xhtml");
        waitFor(By.id("feeds"));
        if (!browser.findElements(By.id("feeds:create")).isEmpty()) {
            browser.findElement(By.id("feeds:create")).click();
        }
        String ownFeed = waitFor(By.id("feed-example")).getText();
        String feedOfErased = ownFeed.substring(0, ownFeed.indexOf("/people/") + "/people/".length()) + "former-employee-" + n;
        HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(feedOfErased)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, feed.statusCode());
        assertTrue(feed.body().contains("<name>Former employee #" + n + "</name>"), feed.body());
        assertFalse(feed.body().contains(name) || feed.body().contains(login), "no name, no login in the feed");

        inEnglish(post, n);
    }

    /** The same in English, and the audit log's line, in a browser that asks for English. */
    private void inEnglish(String post, String n) {
        WebDriver english = Browser.open("en-GB");
        try {
            Journey.logIn(english, "nadia.benali", "demo");
            english.get(Browser.baseUrl() + "post.xhtml?id=" + post);
            assertEquals("Former employee #" + n, new WebDriverWait(english, Duration.ofSeconds(15)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.post[data-post-id='" + post + "'] a.author"))).getText());
            english.get(Browser.baseUrl() + "admin/former.xhtml");
            assertEquals("Former employees", new WebDriverWait(english, Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText());
            Browser.screenshots(english, "erasure-former-en");
            english.get(Browser.baseUrl() + "admin/audit.xhtml");
            WebElement line = new WebDriverWait(english, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("tr[data-action='PERSONAL_DATA_ERASED']")));
            assertTrue(line.getText().contains("Personal data erased") && line.getText().contains("Former employee #" + n), line.getText());
            assertTrue(Browser.policyViolations(english).isEmpty(), "no Content-Security-Policy refusal in English either");
        } finally {
            english.quit();
        }
    }
}
