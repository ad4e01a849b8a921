package org.babillard.journeys;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Babillard's main pages as assistive technologies and phones meet them. axe-core (Deque's engine, WCAG 2.0 and 2.1,
 * levels A and AA, which the French RGAA follows) runs on every page in French with the light theme and in English with
 * the dark one; any serious or critical violation fails, listed by rule, element and page. At 360 px wide no page
 * scrolls sideways.
 *
 * <p>To check a new page, add its address to {@link #EMPLOYEE_PAGES} or {@link #ADMIN_PAGES}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityJourneyIT extends Journey {

    /**
     * The pages an employee uses, relative to the application. {channel}, {post}, {topic} stand for a channel, a
     * post and a hashtag the journey makes or finds first.
     */
    static final List<String> EMPLOYEE_PAGES = List.of(
            "index.xhtml", "channels.xhtml", "channel.xhtml?c={channel}", "people.xhtml", "person.xhtml?u=camille.durand",
            "post.xhtml?id={post}", "search.xhtml?q={topic}", "topic.xhtml?t={topic}", "bookmarks.xhtml", "notebook.xhtml",
            "news.xhtml", "notifications.xhtml", "mail-settings.xhtml", "help.xhtml", "welcome.xhtml");

    /** The administrators' pages. */
    static final List<String> ADMIN_PAGES = List.of(
            "admin/index.xhtml", "admin/settings.xhtml", "admin/directory.xhtml", "admin/audit.xhtml", "admin/bots.xhtml",
            "admin/reports.xhtml");

    /** What WCAG 2.1 AA asks, as axe-core tags its rules. */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void everyMainPageMeetsWcagAaInBothLanguagesAndThemes() {
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        int views = 0;
        openBabillard("fr-FR");
        checkPage("login.xhtml", "fr", WCAG_AA, problems);
        // An administrator, who is also an employee, sees every page. Journeys keep their people's choices (language,
        // theme): this one has people of its own, so that the others find theirs as they expect.
        logIn("emilie.cote", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        Map<String, String> at = places();
        List<String> pages = new ArrayList<>(EMPLOYEE_PAGES);
        pages.addAll(ADMIN_PAGES);
        // Each page in French with the light theme, then in English with the dark one: both languages and both themes,
        // every rule, at two visits a page (the machine has two cores: each visit costs seconds).
        for (String[] how : List.of(new String[] {"fr", "light"}, new String[] {"en", "dark"})) {
            choose("language:" + how[0]);
            choose("theme:" + how[1]);
            for (String page : pages) {
                checkPage(fill(page, at), how[0] + " " + how[1], WCAG_AA, problems);
                views++;
            }
        }
        choose("theme:light");
        logOut();
        checkPage("login.xhtml", "en", WCAG_AA, problems);
        System.out.printf("AccessibilityJourneyIT: %d page views checked with axe-core in %d s%n",
                views + 2, (System.nanoTime() - start) / 1_000_000_000L);
        assertEquals("", String.join("\n", problems), "serious or critical accessibility violations");
    }

    @Test
    void noMainPageScrollsSidewaysOnAPhone() {
        List<String> problems = new ArrayList<>();
        openBabillard("fr-FR");
        browser.manage().window().setSize(new Dimension(360, 780));
        fitsThePhone("login.xhtml", "fr", problems);
        logIn("elodie.lacroix", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        Map<String, String> at = places();
        for (String language : List.of("fr", "en")) {
            browser.get(Browser.baseUrl() + "index.xhtml");
            openMenuAndChoose("language:" + language);
            for (String page : EMPLOYEE_PAGES) {
                fitsThePhone(fill(page, at), language, problems);
            }
            Browser.screenshot(browser, "a11y-phone-notifications-" + language);
        }
        browser.get(Browser.baseUrl() + "index.xhtml");
        Browser.screenshot(browser, "a11y-phone-home-en");
        // The menu opens from its button and says so; the round button brings the composer.
        waitFor(By.id("menu-toggle")).click();
        assertEquals("true", browser.findElement(By.id("menu-toggle")).getDomAttribute("aria-expanded"));
        assertTrue(browser.findElement(By.id("people")).isDisplayed(), "the menu shows the links");
        Browser.screenshot(browser, "a11y-phone-menu-en");
        browser.findElement(By.id("menu-toggle")).click();
        assertEquals("false", browser.findElement(By.id("menu-toggle")).getDomAttribute("aria-expanded"));
        browser.get(Browser.baseUrl() + "people.xhtml");
        waitFor(By.id("compose-fab")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "composer:text".equals(
                    ((JavascriptExecutor) d).executeScript("return document.activeElement && document.activeElement.id")));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.failure(browser, "AccessibilityJourneyIT-compose-fab");
            throw e;
        }
        logOut();
        browser.get(Browser.baseUrl() + "login.xhtml");
        logIn("emilie.cote", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        for (String page : ADMIN_PAGES) {
            fitsThePhone(page, "en", problems);
        }
        assertEquals("", String.join("\n", problems), "pages wider than a 360 px phone");
    }

    /** A channel, a post of one's own with a hashtag, and that hashtag, for the pages that show one. */
    private Map<String, String> places() {
        String tag = "axe" + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("composer:text")).sendKeys("Accessibility check #" + tag);
        browser.findElement(By.id("composer:publish")).click();
        String postHref = waitFor(By.xpath("//article[contains(., '#" + tag + "')]//a[contains(@class,'post-time')]"))
                .getDomProperty("href");
        browser.get(Browser.baseUrl() + "channels.xhtml");
        waitFor(By.cssSelector("#create-panel > summary")).click();
        waitFor(By.id("create:name")).sendKeys("Accessibility " + tag);
        browser.findElement(By.id("create:submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("channel.xhtml?c="));
        String channelHref = browser.getCurrentUrl();
        Map<String, String> at = new LinkedHashMap<>();
        at.put("{post}", postHref.replaceAll(".*[?&]id=(\\d+).*", "$1"));
        at.put("{channel}", channelHref.replaceAll(".*[?&]c=([^&]+).*", "$1"));
        at.put("{topic}", tag);
        return at;
    }

    private static String fill(String page, Map<String, String> at) {
        String filled = page;
        for (Map.Entry<String, String> e : at.entrySet()) {
            filled = filled.replace(e.getKey(), e.getValue());
        }
        return filled;
    }

    /** Clicks a link of the top bar's language or theme switch and waits for the page to come back. */
    private void choose(String id) {
        browser.get(Browser.baseUrl() + "index.xhtml");
        waitFor(By.id(id)).click();
        waitUntilLoaded();
    }

    private void openMenuAndChoose(String id) {
        waitFor(By.id("menu-toggle")).click();
        waitFor(By.id(id)).click();
        waitUntilLoaded();
    }

    private void logOut() {
        browser.get(Browser.baseUrl() + "index.xhtml");
        if (!browser.findElement(By.id("logout:submit")).isDisplayed()) {
            browser.findElement(By.id("menu-toggle")).click();
        }
        waitFor(By.id("logout:submit")).click();
        waitFor(By.id("login:username"));
    }

    private void waitUntilLoaded() {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                        && !d.findElements(By.id("main")).isEmpty());
    }

    private void checkPage(String page, String how, List<String> tags, List<String> problems) {
        browser.get(Browser.baseUrl() + page);
        waitUntilLoaded();
        if (page.startsWith("index") || page.startsWith("post") || page.startsWith("admin/directory")) {
            Browser.screenshot(browser, "a11y-" + page.replaceAll("\\..*", "").replace('/', '-') + "-" + how.replace(' ', '-'));
        }
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(tags);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        // Only the violations come back: the passes would be most of the answer, and slow to carry.
        options.setResultTypes(List.of("violations"));
        options.setIFrames(false);
        Results results = new AxeBuilder().withOptions(options).disableIframeTesting().setTimeout(60).analyze(browser);
        assertTrue(results.getErrorMessage() == null || results.getErrorMessage().isEmpty(),
                "axe-core ran on " + page + ": " + results.getErrorMessage());
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
                if ("serious".equals(impact) || "critical".equals(impact)) {
                    problems.add(String.format("%s [%s] %s (%s) at %s: %s", page, how, rule.getId(), impact, node.getTarget(),
                            abbreviate(node.getFailureSummary())));
                }
            }
        }
    }

    private void fitsThePhone(String page, String language, List<String> problems) {
        browser.get(Browser.baseUrl() + page);
        waitUntilLoaded();
        Object widths = ((JavascriptExecutor) browser).executeScript(
                "var d = document.documentElement; return d.scrollWidth <= window.innerWidth ? '' : d.scrollWidth + ' > '"
                        + " + window.innerWidth + ' (' + Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                        + " return e.getBoundingClientRect().right > window.innerWidth + 1; }).slice(0, 3).map(function (e) {"
                        + " return e.tagName + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''); }).join(', ') + ')';");
        if (!"".equals(widths)) {
            problems.add(page + " [" + language + "] is " + widths);
            Browser.screenshot(browser, "a11y-phone-too-wide-" + page.replaceAll("[^a-z]+", "-") + language);
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 220 ? flat.substring(0, 220) + "…" : flat;
    }
}
