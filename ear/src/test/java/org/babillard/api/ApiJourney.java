package org.babillard.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.babillard.it.Browser;
import org.babillard.it.Journey;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What the tests of the API and the feeds share: tokens obtained through the OAuth flow with Babillard's own login
 * and consent page in Chromium, plain HTTP calls, and running a real client (a Python or Node script) that prints JSON.
 */
public abstract class ApiJourney extends Journey {

    protected static final String OOB = "urn:ietf:wg:oauth:2.0:oob";
    protected static final Path PYTHON = Path.of(System.getProperty("babillard.it.python", "/usr/bin/python3"));

    protected final HttpClient http = HttpClient.newHttpClient();
    /** HTTP/1.1, as Mastodon clients upload (masto.js through fetch, Mastodon.py through requests). */
    protected final HttpClient http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Logs in (if needed) through Babillard's login page, consents, and reads the code the page shows. */
    protected String consent(String authorizeUrl, String username) {
        browser.get(authorizeUrl);
        if (!browser.findElements(By.id("login:username")).isEmpty()) {
            logIn(username, "demo");
        }
        waitFor(By.id("consent:authorize"));
        Browser.screenshot(browser, "api-consent-" + username);
        browser.findElement(By.id("consent:authorize")).click();
        return waitFor(By.id("oauth-code")).getText();
    }

    protected String tokenFor(String username, String scopes) throws Exception {
        browser.manage().deleteAllCookies();
        JsonObject app = registerApp(scopes, OOB);
        String code = consent(authorizeUrl(app, scopes, ""), username);
        HttpResponse<String> token = form("/oauth/token", "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(OOB)
                + "&client_id=" + app.getString("client_id") + "&client_secret=" + app.getString("client_secret"));
        assertEquals(200, token.statusCode(), token.body());
        return json(token.body()).getString("access_token");
    }

    /**
     * Hélène (HR) announces a must-read to the engineering department through the web page, in French, with markup in
     * its body; the browser stays logged in as her.
     */
    protected void announceToEngineering(String title) {
        browser.manage().deleteAllCookies();
        browser.get(Browser.baseUrl());
        logIn("helene.lefevre", "demo");
        waitFor(By.id("news")).click();
        waitFor(By.id("compose")).click();
        waitFor(By.id("compose:titleFr")).sendKeys(title);
        browser.findElement(By.id("compose:bodyFr")).sendKeys("Jeudi à 10 h, sortie par l'escalier B. <b>Merci</b>");
        browser.findElement(By.cssSelector("input[name='compose:departments'][value='Ingénierie']")).click();
        browser.findElement(By.id("compose:mustRead")).click();
        browser.findElement(By.id("compose:publish")).click();
        waitFor(By.id("total-recipients"));
    }

    protected JsonObject registerApp(String scopes, String redirect) throws Exception {
        HttpResponse<String> registered = send(HttpRequest.newBuilder(uri("/api/v1/apps")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("client_name", getClass().getSimpleName())
                        .add("redirect_uris", redirect).add("scopes", scopes).build().toString())));
        assertEquals(200, registered.statusCode(), registered.body());
        JsonObject app = json(registered.body());
        assertNotNull(app.getString("client_secret"));
        return app;
    }

    protected static String authorizeUrl(JsonObject app, String scopes, String extra) {
        return Browser.baseUrl() + "oauth/authorize?response_type=code&client_id=" + app.getString("client_id")
                + "&redirect_uri=" + enc(OOB) + "&scope=" + enc(scopes) + extra;
    }

    /** Posts a status (a form body) with the token and answers its id. */
    protected String status(String token, String form) throws Exception {
        HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/api/v1/statuses")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, posted.statusCode(), posted.body());
        return json(posted.body()).getString("id");
    }

    protected HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected HttpResponse<String> form(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static URI uri(String path) {
        return URI.create(Browser.baseUrl().replaceAll("/$", "") + path);
    }

    protected static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    protected static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    protected static List<String> strings(JsonArray array) {
        return array.stream().map(v -> v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()).toList();
    }

    /** Uploads a file (and its description, if any) as a multipart form, as Mastodon clients do. */
    protected HttpResponse<String> upload(String path, String token, String fileName, byte[] bytes, String description) throws Exception {
        String boundary = "----media" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        if (description != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + description + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http1.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client the test needs must be there in CI; elsewhere the test says how to get it and skips. */
    protected static void require(boolean present, String what) {
        if (!present) {
            String message = "SKIPPED: " + what;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message.replace("SKIPPED", "FAILED (CI)"));
            }
            System.out.println(message);
            Assumptions.abort(message);
        }
    }

    /** Runs a client script (its command line given) that prints one JSON object, and reads it. */
    protected static JsonObject run(String name, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish: " + command);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " failed (" + process.exitValue() + "): " + err + out);
        }
        return json(out.strip());
    }
}
