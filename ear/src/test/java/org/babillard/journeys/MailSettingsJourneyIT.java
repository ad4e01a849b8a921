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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An employee opens their mail settings from the top bar, chooses the daily digest, quiet hours and text
 * messages, finds them again after a reload, gets a posting address, renews it and turns it off.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(7)
class MailSettingsJourneyIT extends Journey {

    /** French in the directory, with a phone number. */
    private static final String EMPLOYEE = "oceane.levesque";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void chooseTheDigestQuietHoursAndTextMessagesThenManageThePostingAddress() {
        openBabillard("fr-FR");
        logIn(EMPLOYEE, "demo");
        waitFor(By.id("language:fr")).click(); // a run before this one may have left her in English
        waitFor(By.cssSelector("#language\\:fr.current"));
        WebElement link = waitFor(By.id("mailSettings"));
        assertEquals("Vos réglages des mails et SMS", link.getDomAttribute("title"));
        link.click();
        waitForHeading("Réglages des mails");
        assertTrue(browser.findElement(By.cssSelector(".mail-address")).getText().contains(EMPLOYEE + "@babillard.example"));

        browser.findElement(By.xpath("//label[contains(., 'Dans un résumé quotidien')]")).click();
        if (!browser.findElement(By.id("mailForm:quiet")).isSelected()) {
            browser.findElement(By.id("mailForm:quiet")).click();
        }
        new Select(browser.findElement(By.id("mailForm:quietFrom"))).selectByVisibleText("21:00");
        new Select(browser.findElement(By.id("mailForm:quietUntil"))).selectByVisibleText("08:00");
        if (!browser.findElement(By.id("mailForm:sms")).isSelected()) {
            browser.findElement(By.id("mailForm:sms")).click();
        }
        assertTrue(browser.findElement(By.xpath("//label[@for='mailForm:sms']")).getText().contains("+33 1 70 00 1104"));
        Browser.screenshot(browser, "mail-settings-01-choices");
        browser.findElement(By.id("mailForm:save")).click();
        waitForText(By.cssSelector(".notice-info"), "Vos réglages des mails sont enregistrés.");

        browser.navigate().refresh();
        waitFor(By.id("mailForm:save"));
        assertTrue(browser.findElement(By.xpath("//input[@value='DIGEST']")).isSelected(), "the digest is remembered");
        assertTrue(browser.findElement(By.id("mailForm:quiet")).isSelected());
        assertEquals("21:00", new Select(browser.findElement(By.id("mailForm:quietFrom"))).getFirstSelectedOption().getText());
        assertEquals("08:00", new Select(browser.findElement(By.id("mailForm:quietUntil"))).getFirstSelectedOption().getText());
        assertTrue(browser.findElement(By.id("mailForm:sms")).isSelected());

        if (browser.findElements(By.id("posting:create")).isEmpty()) {
            browser.findElement(By.id("posting:revoke")).click(); // a run before this one left an address
            waitFor(By.id("posting:create"));
        }
        browser.findElement(By.id("posting:create")).click();
        WebElement shown = waitFor(By.id("posting-address"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", shown);
        String address = shown.getText();
        assertTrue(address.matches("babillard\\+[a-z2-7]{32}@babillard\\.example"), address);
        Browser.screenshot(browser, "mail-settings-02-posting-address");

        browser.findElement(By.id("posting:renew")).click();
        // (the old address stays on the page until the answer replaces it: wait for a new one, read afresh)
        String renewed = new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String now = d.findElement(By.id("posting-address")).getText();
                    return now.equals(address) ? null : now;
                });
        assertTrue(renewed.matches("babillard\\+[a-z2-7]{32}@babillard\\.example"), "a new address replaces the old one: " + renewed);
        browser.findElement(By.id("posting:revoke")).click();
        waitFor(By.id("posting:create"));
        assertTrue(browser.findElements(By.id("posting-address")).isEmpty());
        assertEquals("La publication par mail est désactivée : l'ancienne adresse ne fonctionne plus.",
                browser.findElement(By.cssSelector(".notice-info")).getText());

        // The page in English, from the language switch.
        browser.findElement(By.id("language:en")).click();
        // (the French page's heading is there until the English page replaces it: wait for the new one)
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Mail settings"));
        assertTrue(browser.findElement(By.xpath("//label[contains(., 'In one daily digest, at 07:00')]")).isDisplayed());
        Browser.screenshot(browser, "mail-settings-03-english");
    }
}
