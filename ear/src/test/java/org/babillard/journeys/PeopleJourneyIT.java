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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding a colleague in the people directory and reading their profile, in a real browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(4)
class PeopleJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aColleagueIsFoundWithoutAccentsAndTheirProfileShowsWhereTheyStand() {
        openBabillard("fr-FR");
        // The administrator syncs first, so that everyone in the directory is in Babillard.
        logIn("nadia.benali", "demo");
        waitFor(By.id("admin")).click();
        waitFor(By.id("directory")).click();
        waitFor(By.id("sync:now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sync\\:messages li")));

        waitFor(By.id("people")).click();
        WebElement box = waitFor(By.id("q"));
        box.sendKeys("helene rh");
        box.submit();
        WebElement result = waitFor(By.linkText("Hélène Lefèvre"));
        assertTrue(browser.getCurrentUrl().contains("q=helene+rh"), "the search is in the address: " + browser.getCurrentUrl());
        Browser.screenshot(browser, "20-people-search-fr");
        result.click();

        waitForText(By.id("person-name"), "Hélène Lefèvre");
        assertEquals("mailto:helene.lefevre@babillard.example", browser.findElement(By.id("mail")).getDomAttribute("href"));
        List<String> managers = browser.findElements(By.cssSelector("#managers li a")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Émilie Côté"), managers);
        assertTrue(browser.findElements(By.cssSelector("#reports li")).size() >= 5, "her team reports to her");
        Browser.screenshot(browser, "21-person-fr");

        browser.findElement(By.linkText("Émilie Côté")).click();
        waitForText(By.id("person-name"), "Émilie Côté");
        assertTrue(browser.findElements(By.cssSelector("#managers li a")).isEmpty(), "the top of the company");
    }

    @Test
    void anUnknownPersonIsSaidPlainly() {
        openBabillard("en-GB");
        logIn("camille.durand", "demo");
        waitFor(By.id("composer:text"));
        browser.get(Browser.baseUrl() + "person.xhtml?u=no.such.person");
        waitForHeading("There is no such person in Babillard.");
        browser.get(Browser.baseUrl() + "people.xhtml?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertEquals("<script>alert(1)</script>", waitFor(By.id("q")).getDomProperty("value"));
        waitForText(By.cssSelector(".empty-state"), "No colleague matches.");
    }
}
