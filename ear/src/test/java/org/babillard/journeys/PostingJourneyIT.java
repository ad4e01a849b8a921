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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A demo employee's first minutes with Babillard, in a real browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(2)
class PostingJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aFrenchEmployeePostsAndSeesTheTextEscapedWithAWorkingLink() {
        openBabillard("fr-FR");
        waitFor(By.id("login:username"));
        assertEquals("Connexion à Babillard", browser.findElement(By.tagName("h1")).getText());
        Browser.screenshot(browser, "01-login-fr");

        String sessionBefore = browser.manage().getCookieNamed("JSESSIONID").getValue();
        logIn("camille.durand", "demo");
        WebElement prompt = waitFor(By.cssSelector("label.composer-prompt"));
        assertNotEquals(sessionBefore, browser.manage().getCookieNamed("JSESSIONID").getValue(),
                "logging in changes the session id (no session fixation)");
        assertEquals("Sur quoi travaillez-vous ?", prompt.getText());
        assertEquals("Camille Durand", browser.findElement(By.cssSelector(".whoami")).getText());

        String marker = UUID.randomUUID().toString().substring(0, 8);
        String text = "Bonjour 👋 <script>alert(1)</script> https://example.org " + marker;
        type(text);
        assertEquals((500 - text.codePointCount(0, text.length())) + " caractères restants",
                browser.findElement(By.id("composer-counter")).getText());
        Browser.screenshot(browser, "02-composer-fr");
        browser.findElement(By.id("composer:publish")).click();

        WebElement post = waitForPost(marker);
        assertEquals(text, post.findElement(By.cssSelector(".post-text")).getText());
        assertTrue(post.findElements(By.cssSelector(".post-text script")).isEmpty(), "no script element was made");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        WebElement link = post.findElement(By.cssSelector(".post-text a"));
        assertEquals("https://example.org", link.getText());
        assertEquals("https://example.org/", link.getDomProperty("href"));
        assertEquals("_blank", link.getDomAttribute("target"));
        assertTrue(link.getDomAttribute("rel").contains("noopener"));
        assertEquals("Camille Durand", post.findElement(By.cssSelector(".author")).getText());
        assertEquals("à l'instant", post.findElement(By.cssSelector("time")).getText());
        assertTrue(browser.findElement(By.id("composer:text")).getDomProperty("value").isEmpty(), "the composer is empty again");
        Browser.screenshot(browser, "03-timeline-fr");

        browser.navigate().refresh();
        post = waitForPost(marker);
        assertEquals(text, post.findElement(By.cssSelector(".post-text")).getText());

        browser.findElement(By.id("logout:submit")).click();
        waitFor(By.id("login:username"));
        assertEquals("Vous êtes déconnecté. À bientôt !", browser.findElement(By.cssSelector(".notice-info")).getText());
        browser.get(Browser.baseUrl());
        waitFor(By.id("login:username"));
        assertTrue(browser.getCurrentUrl().contains("login.xhtml"), "after logout the timeline needs a login again");
    }

    @Test
    void aTooLongOrEmptyPostIsExplainedAndTheTextStays() {
        openBabillard("fr-FR");
        logIn("oliver.smith", "demo");
        waitFor(By.id("composer:text"));

        String tooLong = "x".repeat(500) + "é";
        type(tooLong);
        assertEquals("1 caractère en trop", browser.findElement(By.id("composer-counter")).getText());
        browser.findElement(By.id("composer:publish")).click();
        WebElement problem = waitFor(By.cssSelector("#composer .field-error"));
        assertEquals("Votre message fait 501 caractères ; la limite est de 500. Raccourcissez-le puis publiez-le à nouveau.",
                problem.getText());
        assertEquals(tooLong, browser.findElement(By.id("composer:text")).getDomProperty("value"));
        Browser.screenshot(browser, "04-too-long-fr");

        browser.findElement(By.id("composer:text")).clear();
        type("   ");
        browser.findElement(By.id("composer:publish")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                By.cssSelector("#composer .field-error"), "Écrivez quelque chose avant de publier."));
    }

    @Test
    void theLanguageCanBeSwitchedAndIsRememberedForTheNextLogin() {
        openBabillard("fr-FR");
        logIn("thomas.jones", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        browser.findElement(By.id("language:en")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class).until(ExpectedConditions.textToBe(
                By.cssSelector("label.composer-prompt"), "What are you working on?"));
        Browser.screenshot(browser, "05-home-en");
        browser.findElement(By.id("logout:submit")).click();
        waitFor(By.id("login:username"));
        browser.quit();

        // Another browser, still asking for French: the choice follows the person.
        openBabillard("fr-FR");
        logIn("thomas.jones", "demo");
        waitForText(By.cssSelector("label.composer-prompt"), "What are you working on?");
        browser.findElement(By.id("language:fr")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                By.cssSelector("label.composer-prompt"), "Sur quoi travaillez-vous ?"));

        // On a page that its address's query chooses (a person's), switching stays on that page, in the other language.
        browser.get(Browser.baseUrl() + "person.xhtml?u=camille.durand");
        waitForText(By.id("person-name"), "Camille Durand");
        String french = browser.findElement(By.id("org-title")).getText();
        browser.findElement(By.id("language:en")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class).until(ExpectedConditions.not(
                ExpectedConditions.textToBe(By.id("org-title"), french)));
        waitForText(By.id("person-name"), "Camille Durand");
        assertTrue(browser.getCurrentUrl().endsWith("person.xhtml?u=camille.durand"), browser.getCurrentUrl());
        Browser.screenshot(browser, "06-person-switched-to-en");
        browser.findElement(By.id("language:fr")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("org-title"), french));
        assertTrue(browser.getCurrentUrl().endsWith("person.xhtml?u=camille.durand"), browser.getCurrentUrl());
        Browser.screenshot(browser, "07-person-switched-back-to-fr");
    }

    @Test
    void wrongPasswordsAreRefusedInTheReadersLanguage() {
        openBabillard("en-GB");
        logIn("camille.durand", "not-demo");
        waitForText(By.cssSelector("#login\\:messages li"), "Invalid username or password.");
        assertTrue(browser.getCurrentUrl().contains("login.xhtml"));
        Browser.screenshot(browser, "06-login-refused-en");
    }

    @Test
    void loadMorePagesThroughTheTimeline() {
        openBabillard("en-GB");
        logIn("camille.durand", "demo");
        waitFor(By.id("composer:text"));
        // Enough posts for two pages, whatever ran before.
        for (int i = browser.findElements(By.cssSelector("article.post")).size(); i <= 20; i++) {
            String marker = "page filler " + UUID.randomUUID();
            type(marker);
            browser.findElement(By.id("composer:publish")).click();
            waitForPost(marker);
        }
        browser.navigate().refresh();
        waitFor(By.id("more:loadMore"));
        List<WebElement> first = browser.findElements(By.cssSelector("article.post"));
        assertEquals(20, first.size());
        browser.findElement(By.id("more:loadMore")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("article.post")).size() > 20);
        List<Long> ids = browser.findElements(By.cssSelector("article.post")).stream()
                .map(e -> Long.parseLong(e.getDomAttribute("data-post-id"))).toList();
        Set<Long> unique = new HashSet<>(ids);
        assertEquals(ids.size(), unique.size(), "no post shown twice");
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1) > ids.get(i), "newest first across pages");
        }
        // The page loaded came alone, into the block the first page left for it (inside the first one's); what is done
        // with its posts applies to them, and what is done with the first page's to those.
        assertEquals(20, browser.findElements(By.cssSelector("#pages\\:0\\:page > form > article.post")).size());
        assertEquals(ids.size() - 20, browser.findElements(By.cssSelector("#pages\\:1\\:page > form > article.post")).size());
        String later = "article.post[data-post-id='" + ids.get(20) + "'] ";
        String earlier = "article.post[data-post-id='" + ids.get(0) + "'] ";
        // (the journey may have run before on this data: each button is turned to the other state, whichever it was)
        String party = toggle(later + "button[data-emoji='CELEBRATE']");
        String bookmark = toggle(later + "button[id$=':bookmark']");
        String eyes = toggle(earlier + "button[data-emoji='EYES']");
        // Read again from the server: each stayed on the post it was given to.
        browser.navigate().refresh();
        waitFor(By.id("more:loadMore")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("article.post")).size() > 20);
        assertEquals(party, pressed(later + "button[data-emoji='CELEBRATE']"));
        assertEquals(bookmark, pressed(later + "button[id$=':bookmark']"));
        assertEquals(eyes, pressed(earlier + "button[data-emoji='EYES']"));

        // Every list of posts loads more the same way: Camille's own page, her ten latest posts, then the next page
        // in a block of its own, none shown twice.
        browser.get(Browser.baseUrl() + "person.xhtml?u=camille.durand");
        waitFor(By.id("more:loadMore")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#pages\\:1\\:page > form > article.post")).isEmpty());
        assertEquals(10, browser.findElements(By.cssSelector("#pages\\:0\\:page > form > article.post")).size());
        assertTrue(browser.findElements(By.cssSelector("#pages\\:1\\:page > form > article.post")).size() >= 11,
                "the filler posts above make more than 20 of Camille's");
        List<Long> hers = browser.findElements(By.cssSelector("article.post")).stream()
                .map(e -> Long.parseLong(e.getDomAttribute("data-post-id"))).toList();
        assertEquals(hers.size(), new HashSet<>(hers).size(), "no post shown twice");
        for (int i = 1; i < hers.size(); i++) {
            assertTrue(hers.get(i - 1) > hers.get(i), "newest first across pages");
        }
    }

    /** Presses a post's button and waits until the post comes back with the button in the other state; that state. */
    private String toggle(String css) {
        String before = pressed(css);
        String after = "true".equals(before) ? "false" : "true";
        WebElement button = browser.findElement(By.cssSelector(css));
        // (in the middle of the window: at its top edge the sticky top bar would take the click)
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> after.equals(d.findElement(By.cssSelector(css)).getDomAttribute("aria-pressed")));
        return after;
    }

    private String pressed(String css) {
        return browser.findElement(By.cssSelector(css)).getDomAttribute("aria-pressed");
    }

    /** Types like a person; characters outside the BMP (emoji), which ChromeDriver cannot type, are inserted as input. */
    private void type(String text) {
        WebElement area = browser.findElement(By.id("composer:text"));
        area.click();
        StringBuilder plain = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            if (Character.isBmpCodePoint(cp)) {
                plain.appendCodePoint(cp);
            } else {
                area.sendKeys(plain);
                plain.setLength(0);
                ((JavascriptExecutor) browser).executeScript("document.execCommand('insertText', false, arguments[0])",
                        new String(Character.toChars(cp)));
            }
        }
        if (!plain.isEmpty()) {
            area.sendKeys(plain);
        }
    }

    private WebElement waitForPost(String marker) {
        By post = By.xpath("//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + marker + "')]]");
        return waitFor(post);
    }
}
