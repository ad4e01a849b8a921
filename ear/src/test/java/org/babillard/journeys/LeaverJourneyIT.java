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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Someone who leaves the company while logged in: the directory no longer lists them, an administrator runs the
 * sync, and their open browser is back on the login page at its next click; they cannot log in again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LeaverJourneyIT extends Journey {


    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void aLeaversOpenSessionEndsAtTheSyncAndTheyCannotLogInAgain() throws Exception {
        String login = "it.leaver." + Long.toString(System.nanoTime(), 36);
        String dn = "uid=" + login + ",ou=people,dc=babillard,dc=example";
        try (LdapNetworkConnection directory = TestDirectory.admin()) {
            directory.add(new DefaultEntry(dn, "objectClass: inetOrgPerson", "uid: " + login, "cn: Léa Partante",
                    "sn: Partante", "displayName: Léa Partante", "userPassword: demo"));
        }
        openBabillard("fr-FR");
        logIn(login, "demo");
        waitFor(By.id("composer:text"));

        try (LdapNetworkConnection directory = TestDirectory.admin()) {
            directory.delete(dn);
        }
        WebDriver admin = Browser.open("en-GB");
        try {
            admin.get(Browser.baseUrl());
            new WebDriverWait(admin, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
                    .sendKeys("nadia.benali");
            admin.findElement(By.id("login:password")).sendKeys("demo");
            admin.findElement(By.id("login:submit")).click();
            Journey.skipWelcome(admin);
            new WebDriverWait(admin, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(By.id("admin"))).click();
            new WebDriverWait(admin, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(By.id("directory"))).click();
            new WebDriverWait(admin, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(By.id("sync:now"))).click();
            String result = new WebDriverWait(admin, Duration.ofSeconds(60)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sync\\:messages li"))).getText();
            assertEquals(true, result.matches(".* [1-9]\\d* left, .*"), result);
        } finally {
            admin.quit();
        }

        browser.findElement(By.id("people")).click();
        waitFor(By.id("login:username"));
        Browser.screenshot(browser, "leaver-back-on-login-fr");
        logIn(login, "demo");
        waitForText(By.cssSelector("#login\\:messages li"), "Nom d'utilisateur ou mot de passe incorrect.");
    }
}
