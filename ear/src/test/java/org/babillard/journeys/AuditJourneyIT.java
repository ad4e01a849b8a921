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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log as an administrator reads it: an employee's refused and successful logins and their logout show,
 * newest first, with where they came from; a name typed as HTML shows as text; the page is closed to employees.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void anAdministratorReadsWhoLoggedInAndWhoWasRefused() {
        openBabillard("fr-FR");
        refused("<b>intrus</b>", "guess");
        refused("helene.lefevre", "wrong-password");
        waitFor(By.id("login:username")).clear();
        logIn("helene.lefevre", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        browser.get(Browser.baseUrl() + "admin/audit.xhtml");
        assertTrue(waitFor(By.tagName("h1")).getText().contains("pas ouverte") || browser.getPageSource().contains("error-card"),
                "an employee may not read the audit log");
        waitFor(By.id("logout:submit")).click();
        waitFor(By.id("login:username"));

        logIn("nadia.benali", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        browser.get(Browser.baseUrl() + "admin/directory.xhtml");
        waitFor(By.id("audit")).click();
        waitForHeading("Journal d'audit");

        waitFor(By.id("filter:person")).sendKeys("helene.lefevre");
        browser.findElement(By.id("filter:apply")).click();
        List<String> actions = rowsOnceRedrawn("helene.lefevre");
        assertEquals(List.of("LOGOUT", "LOGIN", "LOGIN_FAILED"), actions.subList(0, 3), "newest first: " + actions);
        Browser.screenshot(browser, "audit-01-filtered-fr");
        WebElement refused = browser.findElements(By.cssSelector("#audit-table tbody tr")).get(2);
        assertTrue(refused.getText().contains("Connexion refusée (identifiant ou mot de passe erroné)"), refused.getText());
        assertTrue(refused.getText().contains("127.0.0.1"), "where the attempt came from: " + refused.getText());

        browser.findElement(By.id("filter:person")).clear();
        browser.findElement(By.id("filter:person")).sendKeys("<b>intrus</b>");
        browser.findElement(By.id("filter:apply")).click();
        List<String> intruder = rowsOnceRedrawn("<b>intrus</b>");
        assertEquals("LOGIN_FAILED", intruder.get(0));
        assertTrue(browser.findElements(By.cssSelector("#audit-table b")).isEmpty(), "a name typed as HTML is shown as text");
    }

    /** A login the directory refuses: the page says so and stays on the form. */
    private void refused(String name, String password) {
        waitFor(By.id("login:username")).clear();
        logIn(name, password);
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("login:messages")).getText().contains("mot de passe incorrect"));
    }

    /** The data-action of each row, once the table shows only lines about this person. */
    private List<String> rowsOnceRedrawn(String person) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#audit-table tbody tr"));
            if (rows.isEmpty() || !rows.stream().allMatch(r -> r.getText().contains(person))) {
                return null;
            }
            return rows.stream().map(r -> r.getAttribute("data-action")).toList();
        });
    }
}
