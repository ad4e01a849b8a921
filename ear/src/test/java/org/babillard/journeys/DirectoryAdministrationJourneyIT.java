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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator runs the directory sync from the page; an employee cannot reach that page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(3)
class DirectoryAdministrationJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void anAdministratorSyncsTheDirectoryNow() {
        openBabillard("en-GB");
        logIn("nadia.benali", "demo");
        waitFor(By.id("admin")).click();
        waitForHeading("Dashboard");
        waitFor(By.id("directory")).click();
        waitForHeading("Company directory");
        browser.findElement(By.id("sync:now")).click();
        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sync\\:messages li")));
        assertTrue(done.getText().matches("Synchronised: \\d{3} people listed, \\d+ joined, \\d+ updated, \\d+ left, \\d+ came back\\."),
                done.getText());
        assertTrue(browser.findElement(By.id("last-success")).getText().startsWith("just now"),
                browser.findElement(By.id("last-success")).getText());
        Browser.screenshot(browser, "10-admin-directory-en");
    }

    @Test
    void anEmployeeCannotOpenTheAdministrationPage() {
        openBabillard("fr-FR");
        logIn("camille.durand", "demo");
        waitFor(By.id("composer:text"));
        assertTrue(browser.findElements(By.id("admin")).isEmpty(), "no Administration link for an employee");
        browser.get(Browser.baseUrl() + "admin/directory.xhtml");
        waitForHeading("Cette page ne vous est pas ouverte.");
        Browser.screenshot(browser, "11-admin-forbidden-fr");
    }
}
