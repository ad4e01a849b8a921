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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A private channel in two browsers: its creator posts in it; a colleague can neither reach it by its address
 * (the page is the very one a made-up address gets) nor find it, until they are invited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(6)
class ChannelsJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aPrivateChannelStaysHiddenUntilTheInvitation() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String name = "Projet secret " + marker;

        // Renée creates a private channel and posts in it.
        openBabillard("en-GB");
        logIn("renee.bronte", "demo");
        waitFor(By.id("composer:text"));
        waitFor(By.id("channels")).click();
        waitFor(By.cssSelector("#create-panel > summary")).click();
        waitFor(By.id("create:name")).sendKeys(name);
        browser.findElement(By.id("create:description")).sendKeys("Only the <b>core</b> team");
        browser.findElement(By.cssSelector("label[for='create:access:1']")).click();
        browser.findElement(By.id("create:submit")).click();
        waitForText(By.id("channel-name"), name);
        // A private channel's address ends with a random part, so that nobody finds it by guessing from its name.
        java.util.regex.Matcher address = java.util.regex.Pattern.compile("c=(projet-secret-" + marker + "-[a-z0-9]{6})")
                .matcher(browser.getCurrentUrl());
        assertTrue(address.find(), browser.getCurrentUrl());
        String slug = address.group(1);
        assertEquals("Only the <b>core</b> team", browser.findElement(By.id("channel-description")).getText());
        assertEquals("Private", browser.findElement(By.cssSelector(".channel-badges .badge-private")).getText());
        String text = "Kick-off on Monday " + marker;
        waitFor(By.id("composer:text")).sendKeys(text);
        browser.findElement(By.id("composer:publish")).click();
        waitForPost(text);
        assertTrue(browser.findElement(By.id("composer:text")).getDomProperty("value").isEmpty());
        Browser.screenshot(browser, "30-channel-private-en");
        WebDriver renee = browser;
        WebDriver nathan = null;
        browser = null;
        try {
            // Nathan, in another browser, follows the address he was given.
            openBabillard("fr-FR");
            logIn("nathan.gauthier", "demo");
            waitFor(By.id("composer:text"));
            nathan = browser;

            browser.get(Browser.baseUrl() + "channel.xhtml?c=" + slug);
            String hidden = waitFor(By.id("channel-missing")).getText();
            String hiddenPage = browser.getPageSource();
            Browser.screenshot(browser, "31-channel-not-found-fr");
            browser.get(Browser.baseUrl() + "channel.xhtml?c=no-such-" + marker);
            String madeUp = waitFor(By.id("channel-missing")).getText();
            assertEquals(madeUp, hidden, "a hidden channel looks like one that does not exist");
            assertTrue(hidden.startsWith("Ce canal n'existe pas, ou il est privé."), hidden);
            // Nothing of the channel shows: not its name, its description or its post (the page repeats the address
            // asked for, which holds the marker: the marker alone proves nothing either way).
            assertFalse(hiddenPage.contains(name) || hiddenPage.contains("core</b> team") || hiddenPage.contains("core&lt;/b&gt; team")
                    || hiddenPage.contains(text), "the hidden channel's page tells nothing of it");
            String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
            Page a = fetch(cookie, "channel.xhtml?c=" + slug);
            Page b = fetch(cookie, "channel.xhtml?c=no-such-" + marker);
            assertEquals(b.status(), a.status(), "the same HTTP status");
            // The page repeats the address it was asked for (the top bar's status form comes back to it): that part
            // differs by what the reader typed, nothing else may.
            assertEquals(b.body().replace("no-such-" + marker, "(address)"), a.body().replace(slug, "(address)"),
                    "the same page, byte for byte once the view state and the requested address are left out");

            // Asking to join says the same thing whether the channel exists or not.
            browser.findElement(By.id("ask:askToJoin")).click();
            String askedMadeUp = waitText(By.id("ask-text"), "C'est fait.");
            browser.get(Browser.baseUrl() + "channel.xhtml?c=" + slug);
            waitFor(By.id("ask:askToJoin")).click();
            assertEquals(askedMadeUp, waitText(By.id("ask-text"), "C'est fait."));

            // Not in the list, not among the suggestions.
            waitFor(By.id("channels")).click();
            waitFor(By.id("find:found_input"));
            assertTrue(browser.findElements(By.cssSelector("[data-channel='" + slug + "']")).isEmpty());
            assertFalse(browser.findElement(By.id("main")).getText().contains(marker));
            assertTrue(suggestions(marker).stream().noneMatch(s -> s.contains(marker)), "no suggestion");
            Browser.screenshot(browser, "32-channels-fr");

            // Renée sees his request and declines it; then she changes her mind and invites him.
            browser = renee;
            browser.navigate().refresh();
            WebElement request = waitFor(By.cssSelector("#pending-list li[data-username='nathan.gauthier']"));
            assertEquals("asks to join", request.findElement(By.cssSelector(".badge-role")).getText());
            request.findElement(By.xpath(".//button[normalize-space()='Decline']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("#pending-list li[data-username='nathan.gauthier']")));
            WebElement invitee = waitFor(By.id("invite:invitee_input"));
            invitee.sendKeys("nathan gau");
            WebElement suggestion = waitFor(By.xpath("//li[contains(@class,'ui-autocomplete-item')][contains(., '(@nathan.gauthier)')]"));
            suggestion.click();
            browser.findElement(By.id("invite:send")).click();
            waitText(By.cssSelector("#messages"), "Invitation sent");
            waitForText(By.cssSelector("#pending-list li[data-username='nathan.gauthier'] .badge-role"), "invited");
            Browser.screenshot(browser, "33-channel-owner-en");

            // Now Nathan sees the invitation, accepts it and reads the channel.
            browser = nathan;
            browser.navigate().refresh();
            WebElement invitation = waitFor(By.cssSelector("[data-channel='" + slug + "']"));
            assertTrue(invitation.getText().contains("Vous êtes invité"), invitation.getText());
            Browser.screenshot(browser, "34-channels-invited-fr");
            invitation.findElement(By.xpath(".//button[normalize-space()='Accepter']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#mine [data-channel='" + slug + "']")));
            List<String> found = suggestions(marker);
            assertEquals(List.of(name), found);
            browser.findElement(By.cssSelector(".ui-autocomplete-panel li.ui-autocomplete-item")).click();
            waitForText(By.id("channel-name"), name);
            waitForPost(text);
            assertTrue(browser.findElement(By.id("main")).getText().contains("vous êtes membre"));

            // Renée posts again: Nathan's top bar counts it until he opens the channel.
            browser = renee;
            String second = "Agenda attached " + marker;
            browser.navigate().refresh();
            waitFor(By.id("composer:text")).sendKeys(second);
            browser.findElement(By.id("composer:publish")).click();
            waitForPost(second);
            browser = nathan;
            browser.get(Browser.baseUrl() + "channels.xhtml");
            assertEquals("1", waitFor(By.cssSelector("#mine [data-channel='" + slug + "'] .badge-unread")).getText().strip()
                    .replaceAll("\\D.*", ""));
            assertTrue(Integer.parseInt(waitFor(By.id("channels-unread")).getText().replaceAll("\\D.*", "")) >= 1);
            Browser.screenshot(browser, "35-channels-unread-fr");
            browser.findElement(By.linkText(name)).click();
            waitForPost(second);
            Browser.screenshot(browser, "36-channel-member-fr");
            browser.get(Browser.baseUrl() + "channels.xhtml");
            waitFor(By.id("find:found_input"));
            assertTrue(browser.findElements(By.cssSelector("[data-channel='" + slug + "'] .badge-unread")).isEmpty(),
                    "read once opened");

            // Nathan keeps the channel open; Renée's next thread arrives there live, without a reload.
            browser.findElement(By.linkText(name)).click();
            waitForPost(second);
            browser = renee;
            String third = "Room booked " + marker;
            waitFor(By.id("composer:text")).sendKeys(third);
            browser.findElement(By.id("composer:publish")).click();
            waitForPost(third);
            browser = nathan;
            waitForText(By.id("newer:show"), Duration.ofSeconds(20), "1 nouveau message");
            assertEquals("1", waitFor(By.id("channels-unread")).getText().strip().replaceAll("\\D.*", ""),
                    "the top bar counts the new thread live");
            browser.findElement(By.id("newer:show")).click();
            waitForPost(third);
        } finally {
            // The journey's own clean-up closes the browser in use; this closes the other one.
            if (browser == renee) {
                if (nathan != null) {
                    nathan.quit();
                }
            } else {
                renee.quit();
            }
        }
    }

    @Test
    void creatingAChannelExplainsWhatIsWrong() {
        openBabillard("en-GB");
        logIn("renee.bronte", "demo");
        waitFor(By.id("composer:text"));
        browser.get(Browser.baseUrl() + "channels.xhtml");
        waitFor(By.cssSelector("#create-panel > summary")).click();
        waitFor(By.id("create:submit")).click();
        assertEquals("Give the channel a name, with at least one letter or digit.",
                waitFor(By.cssSelector("#create .field-error")).getText());
        browser.findElement(By.id("create:name")).sendKeys("x".repeat(81));
        browser.findElement(By.id("create:submit")).click();
        waitText(By.cssSelector("#create .field-error"), "This name is too long: 80 characters at most.");
        Browser.screenshot(browser, "37-channel-create-refused-en");
    }

    private record Page(int status, String body) {
    }

    /** The page as a plain HTTP client gets it in this session, without what changes from one view to the next. */
    private static Page fetch(String cookie, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.baseUrl() + path))
                .header("Cookie", cookie).header("Accept-Language", "fr-FR").build(), HttpResponse.BodyHandlers.ofString());
        // The view state and the scripts' nonce are new with every answer: left out.
        String body = response.body().replaceAll("value=\"[^\"]*:[^\"]*\"", "value=\"(view state)\"")
                .replaceAll("nonce=\"[^\"]*\"", "nonce=\"(nonce)\"").replaceAll("csp\\.init\\('[^']*'\\)", "csp.init('(nonce)')");
        return new Page(response.statusCode(), body);
    }

    private List<String> suggestions(String typed) {
        WebElement box = waitFor(By.id("find:found_input"));
        box.clear();
        box.sendKeys(typed);
        WebElement panel = waitFor(By.cssSelector(".ui-autocomplete-panel"));
        // Either suggestions or the "nothing found" line.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !panel.findElements(
                By.cssSelector("li.ui-autocomplete-item, .ui-autocomplete-empty-message")).isEmpty());
        return panel.findElements(By.cssSelector("li.ui-autocomplete-item")).stream().map(WebElement::getText).toList();
    }

    private String waitText(By by, String contains) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(by, contains));
        return browser.findElement(by).getText();
    }

    private WebElement waitForPost(String text) {
        return waitFor(By.xpath("//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + text + "')]]"));
    }
}
