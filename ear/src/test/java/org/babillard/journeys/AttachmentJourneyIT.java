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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An employee posts a photo with its description and a file, and sees them in the timeline. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttachmentJourneyIT extends Journey {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void anImageWithItsAltTextShowsAsAThumbnailAndAFileAsADownload() throws Exception {
        Path dir = Files.createTempDirectory("attachments-journey");
        Path photo = dir.resolve("sunset.png");
        BufferedImage image = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(255, 140, 0), 1600, 900, new Color(80, 0, 120)));
        g.fillRect(0, 0, 1600, 900);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());
        Path notes = Files.writeString(dir.resolve("notes de réunion.txt"), "Ordre du jour\n1. Café\n");

        openBabillard("fr-FR");
        logIn("camille.durand", "demo");
        waitFor(By.cssSelector("label.composer-prompt"));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("composer:text")).sendKeys("Coucher de soleil " + marker);
        browser.findElement(By.cssSelector(".attach-files summary")).click();
        browser.findElement(By.id("composer:file0")).sendKeys(photo.toString());
        browser.findElement(By.id("composer:alt0")).sendKeys("Un coucher de soleil orange sur la mer");
        browser.findElement(By.id("composer:file1")).sendKeys(notes.toString());
        Browser.screenshot(browser, "attachments-01-composer-fr");
        browser.findElement(By.id("composer:publish")).click();

        WebElement post = waitFor(By.xpath("//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '"
                + marker + "')]]"));
        WebElement img = post.findElement(By.cssSelector(".post-attachments .attachment-image img"));
        assertEquals("Un coucher de soleil orange sur la mer", img.getDomAttribute("alt"));
        assertTrue(img.getDomAttribute("src").endsWith("/thumbnail"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> ((Number) ((JavascriptExecutor) b)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", img)).intValue() > 0);
        assertEquals(480L, ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", img)).longValue(),
                "the timeline loads the thumbnail, not the full image");
        WebElement file = post.findElement(By.cssSelector(".post-attachments .attachment-file"));
        assertEquals("notes de réunion.txt", file.findElement(By.cssSelector(".attachment-name")).getText());
        assertEquals("0,1 Ko", file.findElement(By.cssSelector(".attachment-size")).getText());
        Browser.screenshot(browser, "attachments-02-timeline-fr");

        // A program is refused with a message in the reader's language, and the text stays to try again.
        Path program = Files.write(dir.resolve("setup.exe"), new byte[]{'M', 'Z', 0, 0});
        String refused = UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("composer:text")).sendKeys("Programme " + refused);
        browser.findElement(By.cssSelector(".attach-files summary")).click();
        browser.findElement(By.id("composer:file0")).sendKeys(program.toString());
        browser.findElement(By.id("composer:publish")).click();
        WebElement problem = waitFor(By.cssSelector(".composer-attachments .field-error"));
        assertEquals("Ce type de fichier n'est pas accepté : setup.exe", problem.getText());
        assertEquals("Programme " + refused, browser.findElement(By.id("composer:text")).getDomProperty("value"));
        assertTrue(browser.findElements(By.xpath("//p[contains(@class,'post-text')][contains(., '" + refused + "')]")).isEmpty(),
                "nothing was published");
        Browser.screenshot(browser, "attachments-03-refused-fr");
    }
}
