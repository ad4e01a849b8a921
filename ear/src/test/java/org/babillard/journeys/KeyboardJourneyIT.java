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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Someone who cannot use a mouse: logging in, posting, replying and switching to the dark theme with the keyboard
 * alone (Tab, typing, Enter; no click), seeing where the focus is at every step; the theme they chose comes back
 * after logging out and in again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyboardJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    /** Focused elements on which no focus ring showed. */
    private final List<String> unseen = new ArrayList<>();

    @Test
    void anEmployeeLogsInPostsRepliesAndSwitchesThemeWithTheKeyboardOnly() {
        openBabillard("en-GB");
        waitFor(By.id("login:username"));
        assertEquals("login:username", activeId(), "the login page starts in the user name");
        type("oceane.cote");
        tab();
        assertEquals("login:password", activeId());
        type("demo");
        press(Keys.ENTER);
        // A first login opens the welcome page: skipped with the keyboard too.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("login.xhtml"));
        if (browser.getCurrentUrl().contains("/welcome.xhtml")) {
            waitFor(By.id("skipAll:skip"));
            tabTo("skipAll:skip");
            press(Keys.ENTER);
        }
        waitFor(By.cssSelector("label.composer-prompt"));

        // (Oceane is this journey's own: the theme she chooses here touches no other journey.)
        // Skip the top bar, then write in the composer, the first thing in the main content.
        assertEquals("skip-link", tab().getDomAttribute("class"), "the first Tab reaches the link to the main content");
        assertTrue(isOnScreen("a.skip-link"), "the skip link shows when focused");
        press(Keys.ENTER);
        assertEquals("main", activeId(), "the skip link moves the focus to the main content");
        tab();
        assertEquals("composer:text", activeId());
        String marker = UUID.randomUUID().toString().substring(0, 8);
        type("Typed without a mouse " + marker);
        tabTo("composer:publish");
        press(Keys.ENTER);
        By mine = By.xpath("//article[contains(., 'Typed without a mouse " + marker + "')]");
        waitFor(mine);
        Browser.screenshot(browser, "keyboard-01-posted-en");

        // Open the conversation from the post's time link, and reply.
        org.openqa.selenium.WebElement link = browser.findElement(mine).findElement(By.cssSelector("a.post-time"));
        tabTo(link);
        press(Keys.ENTER);
        waitFor(By.id("reply:text"));
        tabTo("reply:text");
        type("A keyboard reply " + marker);
        tabTo("reply:send");
        press(Keys.ENTER);
        waitFor(By.xpath("//div[contains(@class,'thread-replies')]//article[contains(., 'A keyboard reply " + marker + "')]"));
        Browser.screenshot(browser, "keyboard-02-replied-en");

        // The dark theme, chosen with the keyboard, changes the page's colours and stays after logging out and in.
        browser.get(Browser.baseUrl() + "index.xhtml");
        waitFor(By.cssSelector("label.composer-prompt"));
        tabTo("theme:light");
        press(Keys.ENTER);
        waitUntil("light");
        waitFor(By.cssSelector(".composer-prompt"));
        String lightBackground = background();
        tabTo("theme:dark");
        press(Keys.ENTER);
        waitUntil("dark");
        waitFor(By.cssSelector(".composer-prompt"));
        String darkBackground = background();
        assertNotEquals(lightBackground, darkBackground, "the dark theme changes the page's background");
        assertTrue(luminance(darkBackground) < luminance(lightBackground), "dark is darker: " + darkBackground);
        assertTrue(luminance(textColour()) > 0.5, "the text is light on dark: " + textColour());
        Browser.screenshot(browser, "keyboard-03-dark-en");
        browser.manage().window().setSize(new Dimension(360, 780));
        Browser.screenshot(browser, "keyboard-04-dark-phone-en");
        browser.manage().window().setSize(new Dimension(1280, 900));

        tabTo("logout:submit");
        press(Keys.ENTER);
        waitFor(By.id("login:username"));
        tabTo("login:username");
        type("oceane.cote");
        tab();
        type("demo");
        press(Keys.ENTER);
        waitFor(By.cssSelector("label.composer-prompt"));
        assertEquals("dark", browser.findElement(By.tagName("html")).getDomAttribute("data-theme"), "the choice is kept");
        assertEquals(darkBackground, background());
        assertEquals("true", browser.findElement(By.id("theme:dark")).getDomAttribute("aria-current"));

        tabTo("theme:light");
        press(Keys.ENTER);
        waitUntil("light");
        assertEquals(lightBackground, background());
        assertEquals(List.of(), unseen, "focus showed on every element reached with Tab");
    }

    private org.openqa.selenium.WebElement tab() {
        press(Keys.TAB);
        org.openqa.selenium.WebElement focused = browser.switchTo().activeElement();
        if ("body".equals(focused.getTagName())) {
            // Tab went past the page's last element into the browser's own controls: nothing of the page has the focus.
            return focused;
        }
        Object ring = ((JavascriptExecutor) browser).executeScript(
                "var s = getComputedStyle(arguments[0]); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;",
                focused);
        if (!Boolean.TRUE.equals(ring)) {
            unseen.add(describe(focused));
        }
        return focused;
    }

    /** Presses Tab until the element with this id has the focus (at most 120 times, as a person would give up). */
    private void tabTo(String id) {
        tabTo(browser.findElement(By.id(id)));
    }

    private void tabTo(org.openqa.selenium.WebElement target) {
        for (int i = 0; i < 120; i++) {
            if (target.equals(tab())) {
                return;
            }
        }
        Browser.failure(browser, "KeyboardJourneyIT-tabTo");
        throw new AssertionError("Tab never reached " + describe(target));
    }

    private void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private void type(String text) {
        browser.switchTo().activeElement().sendKeys(text);
    }

    private String activeId() {
        return browser.switchTo().activeElement().getDomAttribute("id");
    }

    private String describe(org.openqa.selenium.WebElement element) {
        try {
            return element.getTagName() + "#" + element.getDomAttribute("id") + "." + element.getDomAttribute("class")
                    + " on " + browser.getCurrentUrl();
        } catch (StaleElementReferenceException e) {
            return "(gone)";
        }
    }

    private boolean isOnScreen(String css) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "var r = document.querySelector(arguments[0]).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
                css));
    }

    private void waitUntil(String theme) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> theme.equals(d.findElement(By.tagName("html")).getDomAttribute("data-theme"))
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private String background() {
        return (String) ((JavascriptExecutor) browser).executeScript("return getComputedStyle(document.body).backgroundColor");
    }

    private String textColour() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector('.composer-prompt')).color");
    }

    /** Relative luminance (0 black .. 1 white) of a CSS rgb() colour. */
    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
