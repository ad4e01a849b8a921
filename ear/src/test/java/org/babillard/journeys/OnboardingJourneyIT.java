package org.babillard.journeys;

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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A newcomer's first login, in a real browser: the welcome page with their directory language pre-selected, a
 * colleague followed and a channel joined from the suggestions, a first post; then the welcome never returns. And
 * the keyboard shortcuts (j, k, r, /, n, ?) and the help page that lists them in both languages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(9)
class OnboardingJourneyIT extends Journey {

    private static final String MANAGER = "camille.durand";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aNewcomerIsWelcomedOnceAndFindsTheirWayWithTheKeyboard() throws Exception {
        // Babillard knows the company (a sync ran), then a newcomer arrives in the directory, French-speaking,
        // reporting to Camille Durand, with a browser that asks for English.
        openBabillard("en-GB");
        logIn("nadia.benali", "demo");
        waitFor(By.id("admin")).click();
        waitFor(By.id("directory")).click();
        waitFor(By.id("sync:now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sync\\:messages li")));
        String marker = Long.toString(System.currentTimeMillis(), 36);
        // an open channel with some life in it, for the suggestions
        browser.get(Browser.baseUrl() + "channels.xhtml");
        waitFor(By.cssSelector("#create-panel > summary")).click();
        waitFor(By.id("create:name")).sendKeys("Accueil " + marker);
        browser.findElement(By.id("create:submit")).click();
        waitFor(By.id("channel-name"));
        waitFor(By.id("composer:text")).sendKeys("Bienvenue aux nouveaux ! " + marker);
        browser.findElement(By.id("composer:publish")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("main")).getText().contains("Bienvenue aux nouveaux ! " + marker));
        String login = "louise.nouvelle" + marker;
        try (LdapNetworkConnection directory = TestDirectory.admin()) {
            directory.add(new DefaultEntry("uid=" + login + ",ou=people,dc=babillard,dc=example", "objectClass: inetOrgPerson",
                    "uid: " + login, "cn: Louise Nouvelle", "sn: Nouvelle", "displayName: Louise Nouvelle",
                    "title: Stagiaire", "preferredLanguage: fr", "userPassword: demo",
                    "manager: uid=" + MANAGER + ",ou=people,dc=babillard,dc=example"));
        }
        openBabillard("en-GB");
        waitFor(By.id("login:username")).sendKeys(login);
        browser.findElement(By.id("login:password")).sendKeys("demo");
        browser.findElement(By.id("login:submit")).click();

        // (a) the welcome, in the browser's English, with the directory's French pre-selected
        waitForText(By.id("welcome-title"), "Welcome to Babillard");
        assertTrue(browser.getCurrentUrl().contains("/welcome.xhtml"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.cssSelector("input[name='welcomeLanguage:choice'][value='fr']")).isSelected(),
                "the directory's language is pre-selected");
        screenshots("70-welcome-en");
        browser.findElement(By.id("welcomeLanguage:save")).click();
        waitForText(By.id("welcome-title"), "Bienvenue sur Babillard");
        assertEquals("fr", browser.findElement(By.tagName("html")).getDomAttribute("lang"));

        // (b) the tour
        assertEquals(5, browser.findElements(By.cssSelector(".tour-card")).size());

        // (c) the manager is followed already (a newcomer's start), a colleague of the team can be followed
        WebElement manager = browser.findElement(By.cssSelector(".welcome-person[data-username='" + MANAGER + "']"));
        assertTrue(manager.getText().contains("Suivi"), manager.getText());
        WebElement colleague = browser.findElements(By.cssSelector(".welcome-person")).stream()
                .filter(p -> !p.findElements(By.cssSelector("button[id$=':follow']")).isEmpty()).findFirst().orElseThrow();
        String colleagueLogin = colleague.getDomAttribute("data-username");
        colleague.findElement(By.cssSelector("button[id$=':follow']")).click();
        By followed = By.cssSelector(".welcome-person[data-username='" + colleagueLogin + "'] .welcome-done");
        assertTrue(waitFor(followed).getText().contains("Suivi"));

        WebElement channel = browser.findElements(By.cssSelector(".welcome-channel")).stream()
                .filter(c -> !c.findElements(By.cssSelector("button[id$=':join']")).isEmpty()).findFirst().orElseThrow();
        String slug = channel.getDomAttribute("data-channel");
        channel.findElement(By.cssSelector("button[id$=':join']")).click();
        assertTrue(waitFor(By.cssSelector(".welcome-channel[data-channel='" + slug + "'] .welcome-done")).getText().contains("Membre"));
        screenshots("71-welcome-fr");

        // (d) the first post, prefilled with a suggestion, edited, through the ordinary posting path
        WebElement text = browser.findElement(By.id("first:text"));
        assertTrue(text.getDomProperty("value").startsWith("Bonjour à tous"), text.getDomProperty("value"));
        text.clear();
        String first = "Bonjour ! Louise, stagiaire dans l'équipe de Camille " + login;
        text.sendKeys(first);
        browser.findElement(By.id("first:publish")).click();
        waitFor(By.id("composer:text"));
        assertTrue(timelineTexts().contains(first), "the first post is on the home page: " + timelineTexts());

        // the welcome never returns: not in this session, not at the next login
        browser.get(Browser.baseUrl());
        waitFor(By.id("composer:text"));
        browser.findElement(By.id("logout:submit")).click();
        logInDirectly(login);
        waitFor(By.id("composer:text"));
        assertFalse(browser.getCurrentUrl().contains("welcome"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("channels")).isDisplayed());

        // shortcuts: a second post so that j and k have somewhere to go
        WebElement composer = browser.findElement(By.id("composer:text"));
        composer.sendKeys("Deuxième message de " + login);
        browser.findElement(By.id("composer:publish")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> timelineTexts().contains("Deuxième message de " + login));
        blur();
        List<WebElement> posts = browser.findElements(By.cssSelector("#timeline article.post"));
        press("j");
        assertEquals(posts.get(0).getDomAttribute("data-post-id"), focusedPost(), "j selects the first post");
        press("j");
        assertEquals(posts.get(1).getDomAttribute("data-post-id"), focusedPost(), "j moves to the next post");
        press("k");
        String selected = posts.get(0).getDomAttribute("data-post-id");
        assertEquals(selected, focusedPost(), "k moves back");
        Browser.screenshot(browser, "72-shortcuts-focus");

        press("r");
        focused("reply:text");
        assertTrue(browser.getCurrentUrl().contains("post.xhtml?id=" + selected), browser.getCurrentUrl());

        blur();
        press("/");
        assertEquals("top-q", activeId(), "/ goes to the search box");
        blur();
        press("n");
        focused("composer:text");

        blur();
        press("?");
        waitFor(By.id("help-title"));
        assertEquals("Aide", browser.findElement(By.id("help-title")).getText());
        assertEquals(6, browser.findElements(By.cssSelector("#shortcuts-table tbody tr")).size());
        assertTrue(browser.findElement(By.id("shortcuts-table")).getText().contains("Répondre au message choisi"));
        screenshots("73-help-fr");
        browser.findElement(By.id("language:en")).click();
        // (the French page's title is there until the English page replaces it: wait for the new one)
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBe(By.id("help-title"), "Help"));
        assertEquals(6, browser.findElements(By.cssSelector("#shortcuts-table tbody tr")).size());
        assertTrue(browser.findElement(By.id("shortcuts-table")).getText().contains("Reply to the selected post"));
        screenshots("74-help-en");

        // turned off on the help page: the keys do nothing any more, in this browser
        browser.findElement(By.id("shortcuts-enabled")).click();
        blur();
        press("n");
        Thread.sleep(300);
        assertTrue(browser.getCurrentUrl().contains("help.xhtml"), "shortcuts off: n stays here");
        assertTrue(browser.findElement(By.id("tourAgain")).isDisplayed(), "the welcome can be taken again from here");
    }

    /** What people see, at a laptop's width and a small phone's (360 px), for people to look at. */
    private void screenshots(String name) {
        Browser.screenshot(browser, name + "-1280");
        browser.manage().window().setSize(new Dimension(360, 780));
        Browser.screenshot(browser, name + "-360");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private void logInDirectly(String login) {
        waitFor(By.id("login:username")).sendKeys(login);
        browser.findElement(By.id("login:password")).sendKeys("demo");
        browser.findElement(By.id("login:submit")).click();
    }

    private List<String> timelineTexts() {
        return browser.findElements(By.cssSelector("#timeline article.post .post-text")).stream().map(WebElement::getText).toList();
    }

    private void press(String key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private void blur() {
        ((JavascriptExecutor) browser).executeScript("if (document.activeElement) { document.activeElement.blur(); }");
    }

    /** Waits until this element has the focus; on time-out keeps a screenshot and the page under target/screenshots. */
    private void focused(String id) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> id.equals(activeId()));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.failure(browser, getClass().getSimpleName() + "-focus-" + id.replace(':', '-'));
            throw new AssertionError(id + " is not focused on " + browser.getCurrentUrl() + " but " + activeId(), e);
        }
    }

    private String activeId() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.activeElement ? document.activeElement.id : null;");
    }

    private String focusedPost() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "var a = document.activeElement; return a && a.matches('article.post') ? a.getAttribute('data-post-id') : null;");
    }
}
