package org.babillard.journeys;

import org.babillard.it.Deployments;
import org.babillard.it.Journey;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session that ended while the page stayed open (the employee was away, or logged out in another tab): the next
 * click that works in the background must not leave a page that silently stops answering. It lands on the login
 * page, which says why in the reader's language, and logging in again goes on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aBackgroundActionAfterTheSessionEndedLandsOnTheLoginPageWhichSaysWhy() {
        openBabillard("fr-FR");
        logIn("camille.durand", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));

        // The session ends on the server's side: the browser's cookie no longer opens anything.
        browser.manage().deleteCookieNamed("JSESSIONID");
        waitFor(By.id("streams:company")).click();

        String said = waitFor(By.id("session-ended")).getText();
        assertTrue(said.startsWith("Votre session a pris fin"), said);
        assertTrue(browser.getCurrentUrl().contains("/login.xhtml"), browser.getCurrentUrl());

        logIn("camille.durand", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
    }

    @Test
    void inEnglishToo() {
        openBabillard("en-GB");
        logIn("thomas.jones", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        browser.manage().deleteCookieNamed("JSESSIONID");
        waitFor(By.id("streams:company")).click();
        String said = waitFor(By.id("session-ended")).getText();
        assertTrue(said.startsWith("Your session has ended"), said);
    }
}
