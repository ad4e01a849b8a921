package org.babillard.attachments;

import org.babillard.it.Deployments;
import org.babillard.it.Images;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attachments over HTTP, as a logged-in colleague's browser sends and fetches them: the composer's multipart form,
 * a guessed address answering 404, and the headers of images and downloads.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttachmentsHttpIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base = System.getProperty("babillard.it.url", "http://127.0.0.1:8180/");

    @Test
    void aGuessedAddressAnswers404AndFilesCarryTheirHeaders() throws Exception {
        String guessed = UUID.randomUUID().toString().replace("-", "");
        HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> anonymous = stranger.send(HttpRequest.newBuilder(URI.create(base + "attachments/" + guessed)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(new String(anonymous.body(), StandardCharsets.UTF_8).contains("login:username"),
                "nobody logged in gets the login page");

        logIn("camille.durand");
        assertEquals(404, get(base + "attachments/" + guessed).statusCode());
        assertEquals(404, get(base + "attachments/" + guessed + "/thumbnail").statusCode());
        assertEquals(404, get(base + "attachments/").statusCode());
        assertEquals(404, get(base + "attachments/..%2F..%2Fdb").statusCode());

        String marker = UUID.randomUUID().toString().substring(0, 8);
        String home = publish("Over HTTP " + marker, "beach.png", Images.png(1000, 500), "A red square " + marker,
                "not-really.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

        Matcher thumbs = Pattern.compile("/attachments/([0-9a-f]{32})/thumbnail\" alt=\"A red square " + marker + "\"").matcher(home);
        assertTrue(thumbs.find(), "the home timeline shows the thumbnail with its alt text");
        String imageId = thumbs.group(1);
        HttpResponse<byte[]> image = get(base + "attachments/" + imageId);
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", image.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(image.headers().firstValue("Content-Disposition").orElseThrow().startsWith("inline"));
        assertTrue(image.headers().firstValue("Cache-Control").orElseThrow().contains("private"));
        HttpResponse<byte[]> thumb = get(base + "attachments/" + imageId + "/thumbnail");
        assertEquals(200, thumb.statusCode());
        assertEquals("nosniff", thumb.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(480, ImageIO.read(new ByteArrayInputStream(thumb.body())).getWidth());

        Matcher file = Pattern.compile("/attachments/([0-9a-f]{32})\"[^>]*>\\s*<span class=\"attachment-icon\"[^<]*</span>\\s*"
                + "<span class=\"attachment-name\">not-really.png</span>").matcher(home);
        assertTrue(file.find(), "the HTML file named .png shows as a download link");
        HttpResponse<byte[]> html = get(base + "attachments/" + file.group(1));
        assertEquals(200, html.statusCode());
        assertEquals("application/octet-stream", html.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("nosniff", html.headers().firstValue("X-Content-Type-Options").orElseThrow());
        String disposition = html.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment;") && disposition.contains("not-really.png"), disposition);
        assertEquals(404, get(base + "attachments/" + file.group(1) + "/thumbnail").statusCode(), "a file has no thumbnail");
    }

    /** Posts through the home composer's multipart form, as the browser does, and returns the page that answers. */
    private String publish(String text, String name1, byte[] file1, String alt1, String name2, byte[] file2)
            throws IOException, InterruptedException {
        String page = new String(get(base + "index.xhtml").body(), StandardCharsets.UTF_8);
        Matcher state = Pattern.compile("id=\"composer:[^\"]*ViewState[^\"]*\" value=\"([^\"]+)\"").matcher(page);
        if (!state.find()) {
            state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
            assertTrue(state.find(), "the home page has a view state");
        }
        Matcher key = Pattern.compile("name=\"composer:key\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"composer:key\"").matcher(page);
        String clientKey = key.find() ? (key.group(1) != null ? key.group(1) : key.group(2)) : UUID.randomUUID().toString();
        String boundary = "----babillard" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("composer", "composer");
        fields.put("composer:text", text);
        fields.put("composer:key", clientKey);
        fields.put("composer:alt0", alt1);
        fields.put("composer:alt1", "");
        fields.put("composer:publish", "");
        fields.put("jakarta.faces.ViewState", state.group(1));
        // What PrimeFaces' script adds to every form it sends: the nonce of the page the form came from.
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(page);
        assertTrue(nonce.find(), "the page's scripts carry its nonce");
        fields.put("primefaces.nonce", nonce.group(1));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        part(body, boundary, "composer:file0", name1, "image/png", file1);
        // The browser claims an image: Babillard looks at the bytes instead.
        part(body, boundary, "composer:file1", name2, "image/png", file2);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        http.send(HttpRequest.newBuilder(URI.create(base + "index.xhtml"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new String(get(base + "index.xhtml").body(), StandardCharsets.UTF_8);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String type, byte[] bytes) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void logIn(String username) throws IOException, InterruptedException {
        String page = new String(get(base + "login.xhtml").body(), StandardCharsets.UTF_8);
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertTrue(state.find(), "the login page has a view state");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", username);
        form.put("login:password", "demo");
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", state.group(1));
        String encoded = form.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<byte[]> after = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String landed = new String(after.body(), StandardCharsets.UTF_8);
        // A first login lands on the welcome page (docs/onboarding.md), offered once a session: home comes next.
        assertTrue(landed.contains("composer-prompt") || landed.contains("welcome-title"), "logged in: the home page shows");
    }
}
