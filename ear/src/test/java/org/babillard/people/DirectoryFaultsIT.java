package org.babillard.people;

import org.babillard.directory.settings.DirectorySettings;
import org.babillard.it.Deployments;
import org.babillard.it.FaultyProxy;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory fails while Babillard runs: its port refuses connections, it accepts connections and never
 * answers (black hole), it answers slowly, and then it comes back. A {@link FaultyProxy} in this test's JVM stands
 * between the running server and the real directory (the embedded one, or OpenLDAP in CI): the server's
 * {@code babillard.ldap.url} is pointed at the proxy through WildFly's management API, which the application reads
 * again at the next login, and set back afterwards. What is checked is what people notice: a login during the
 * fault ends, within the configured timeouts, on the login page saying the directory cannot be reached (in French
 * and in English), never on a server error or a "wrong password", and it does not count towards the throttle;
 * people logged in before the fault go on reading and posting; an administrator's "sync now" shows the failure
 * and changes nothing; once the directory answers again, logging in and the sync work again, without a restart.
 * See docs/reliability.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectoryFaultsIT {

    private static final String URL_PROPERTY = "babillard.ldap.url";
    private static final String UNAVAILABLE_EN = "cannot be reached right now";
    private static final String UNAVAILABLE_FR = "injoignable pour le moment";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @ArquillianResource
    ManagementClient management;

    private final String base = System.getProperty("babillard.it.url", "http://127.0.0.1:8180/");
    private Duration bound;

    @Test
    void aRefusedDirectoryIsSaidAtOnceInBothLanguagesAndLocksNobodyOut() throws Exception {
        withDirectoryBehind(proxy -> {
            Visitor reader = Visitor.english(base).logIn("matthew.roberts");
            Visitor admin = Visitor.english(base).logIn("nadia.benali");

            proxy.refuse();
            loginSaysUnavailable("juliette.dupre", Visitor.english(base), UNAVAILABLE_EN);
            loginSaysUnavailable("juliette.dupre", Visitor.french(base), UNAVAILABLE_FR);
            // More attempts than the throttle allows for one account from one address (5 by default).
            for (int i = 0; i < 5; i++) {
                loginSaysUnavailable("juliette.dupre", Visitor.english(base), UNAVAILABLE_EN);
            }
            keepsWorking(reader, "refused");
            syncFailed(admin.syncNow(), proxy);

            proxy.pass();
            // Not held by the throttle; the sync's return is the black hole's test.
            Visitor.english(base).logIn("juliette.dupre");
        });
    }

    @Test
    void aBlackHoledDirectoryIsSaidWithinTheTimeoutsWhileEveryoneElseGoesOn() throws Exception {
        withDirectoryBehind(proxy -> {
            Visitor reader = Visitor.english(base).logIn("francois.bonnet");
            Visitor admin = Visitor.french(base).logIn("nadia.benali");

            proxy.blackHole();
            // The sync waits on the directory in the background; meanwhile nothing else is held up.
            CompletableFuture<String> sync = CompletableFuture.supplyAsync(() -> admin.syncNow());
            keepsWorking(reader, "black-holed");
            loginSaysUnavailable("celine.rousseau", Visitor.french(base), UNAVAILABLE_FR);
            syncFailed(sync.get(bound().toSeconds() * 2, TimeUnit.SECONDS), proxy);
            loginSaysUnavailable("celine.rousseau", Visitor.english(base), UNAVAILABLE_EN);

            proxy.pass();
            Visitor celine = Visitor.french(base).logIn("celine.rousseau");
            keepsWorking(celine, "back");
            syncWorks(admin);
        });
    }

    @Test
    void aSlowDirectoryStillLetsPeopleInUntilItIsSlowerThanTheTimeout() throws Exception {
        withDirectoryBehind(proxy -> {
            Duration operation = operationTimeout();
            // Well within the timeout: each exchange takes a few delays, each far below the operation timeout.
            proxy.slow(operation.dividedBy(10));
            long started = System.nanoTime();
            Visitor slowly = Visitor.english(base).logIn("gael.gagne");
            System.out.println("DirectoryFaultsIT: a login through a directory " + operation.dividedBy(10).toMillis()
                    + " ms slow per chunk took " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
            keepsWorking(slowly, "slow");

            // Slower than the timeout: as good as down.
            proxy.slow(operation.plusSeconds(2));
            loginSaysUnavailable("lucas.girard", Visitor.english(base), UNAVAILABLE_EN);
            loginSaysUnavailable("lucas.girard", Visitor.french(base), UNAVAILABLE_FR);
            keepsWorking(slowly, "too slow");

            proxy.pass();
            Visitor.english(base).logIn("lucas.girard");
        });
    }

    /** A login that the directory cannot judge: the login page, the message in this language, within the bound. */
    private void loginSaysUnavailable(String username, Visitor visitor, String message) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = visitor.submitLogin(username);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("DirectoryFaultsIT: a login the directory could not judge (" + message + ") took " + took.toMillis()
                + " ms, status " + answer.statusCode());
        assertTrue(answer.statusCode() < 500, "the login page again, no server error: " + answer.statusCode());
        String page = answer.body();
        assertTrue(page.contains(message), "the page says the directory cannot be reached: " + excerpt(page));
        assertTrue(page.contains("login:username"), "still the login form");
        assertFalse(page.contains("Invalid username or password") || page.contains("mot de passe incorrect"),
                "not taken for a wrong password");
        assertTrue(took.compareTo(bound()) < 0, "said within " + bound().toSeconds() + " s, took " + took.toMillis() + " ms");
    }

    /** Someone logged in before the fault reads pages and posts as usual, each answer well within the bound. */
    private void keepsWorking(Visitor visitor, String when) throws Exception {
        for (String page : List.of("index.xhtml", "channels.xhtml")) {
            long started = System.nanoTime();
            HttpResponse<String> answer = visitor.get(page);
            notHeldUp(started, page);
            assertEquals(200, answer.statusCode(), page + " answers while the directory is " + when);
            assertFalse(answer.body().contains("login:username"), "still logged in on " + page + " while the directory is " + when);
        }
        String marker = "directory " + when + " " + Long.toHexString(System.nanoTime());
        long started = System.nanoTime();
        visitor.post(marker);
        notHeldUp(started, "posting");
        assertTrue(visitor.get("index.xhtml").body().contains(marker), "the post is published while the directory is " + when);
    }

    private void notHeldUp(long started, String what) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(bound()) < 0, what + " is not held up by the directory: " + took.toMillis() + " ms");
    }

    private void syncFailed(String page, FaultyProxy proxy) {
        Matcher failure = Pattern.compile("id=\"last-failure\"([^>]*)>([\\s\\S]*?)</dd>").matcher(page);
        assertTrue(failure.find(), "the sync status shows the last failure");
        assertTrue(failure.group(1).contains("failing"), "the failure is news: " + failure.group(1));
        assertTrue(failure.group(2).contains(":" + proxy.port()), "the failure is this sync's, naming the directory it tried: "
                + failure.group(2));
        assertTrue(page.contains("The sync failed and changed nothing") || page.contains("La synchronisation a échoué"),
                "the administrator is told: " + excerpt(page));
    }

    private void syncWorks(Visitor admin) {
        String page = admin.syncNow();
        Matcher failure = Pattern.compile("id=\"last-failure\"([^>]*)>").matcher(page);
        assertTrue(failure.find(), "the sync status");
        assertFalse(failure.group(1).contains("failing"), "after a sync that worked, the last failure is old news");
    }

    /** At most this long for a login the directory cannot answer: see docs/reliability.md. */
    private Duration bound() {
        if (bound == null) {
            // The pool checks a kept connection (one operation) and closes it (at most 1 s) before it opens a new
            // one (connect, then bind: another operation); 5 s more for a loaded machine.
            bound = connectTimeout().plus(operationTimeout().multipliedBy(2)).plusSeconds(1 + 5);
        }
        return bound;
    }

    private Duration connectTimeout() {
        return Duration.ofMillis(Long.parseLong(serverSetting("ldap.connect.timeout.ms",
                Long.toString(DirectorySettings.load().connectTimeout().toMillis()))));
    }

    private Duration operationTimeout() {
        return Duration.ofMillis(Long.parseLong(serverSetting("ldap.operation.timeout.ms",
                Long.toString(DirectorySettings.load().operationTimeout().toMillis()))));
    }

    // --- pointing the running server at the proxy -----------------------------------------------------------

    private interface WithProxy {
        void run(FaultyProxy proxy) throws Exception;
    }

    /**
     * Starts a proxy in front of the directory the server uses, points the server at it for the work, and points
     * it back at the directory afterwards, whatever happens.
     */
    private void withDirectoryBehind(WithProxy work) throws Exception {
        String original = serverProperties().get(URL_PROPERTY).asString();
        URI directory = URI.create(original.split("[\\s,]+")[0]);
        assertEquals("ldap", directory.getScheme(), "the tests' directory is plain LDAP: " + original);
        try (FaultyProxy proxy = new FaultyProxy(directory.getHost(), directory.getPort())) {
            setServerUrl("ldap://127.0.0.1:" + proxy.port());
            try {
                work.run(proxy);
            } finally {
                setServerUrl(original);
            }
        }
    }

    private void setServerUrl(String url) throws IOException {
        ModelNode address = Operations.createAddress("system-property", URL_PROPERTY);
        boolean exists = Operations.isSuccessfulOutcome(execute(Operations.createReadResourceOperation(address)));
        ModelNode operation;
        if (exists) {
            operation = Operations.createWriteAttributeOperation(address, "value", url);
        } else {
            operation = Operations.createAddOperation(address);
            operation.get("value").set(url);
        }
        ModelNode result = execute(operation);
        assertTrue(Operations.isSuccessfulOutcome(result), "the server's directory address is set: " + result);
    }

    private String serverSetting(String key, String fallback) {
        ModelNode value = serverProperties().get("babillard." + key);
        return value.isDefined() ? value.asString() : fallback;
    }

    private ModelNode serverProperties() {
        try {
            ModelNode result = execute(Operations.createReadAttributeOperation(
                    Operations.createAddress("core-service", "platform-mbean", "type", "runtime"), "system-properties"));
            assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
            return Operations.readResult(result);
        } catch (IOException e) {
            throw new AssertionError("the server's management API does not answer", e);
        }
    }

    private ModelNode execute(ModelNode operation) throws IOException {
        return management.getControllerClient().execute(operation);
    }

    private static String excerpt(String page) {
        return page.length() > 600 ? page.substring(0, 600) + "…" : page;
    }

    // --- a person with a browser, over HTTP -------------------------------------------------------------------

    /** One person's cookies and language; every request has a timeout, so that a hang fails instead of waiting. */
    private static final class Visitor {

        private final String base;
        private final String language;
        private final HttpClient http;

        private Visitor(String base, String language) {
            this.base = base;
            this.language = language;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        }

        static Visitor english(String base) {
            return new Visitor(base, "en");
        }

        static Visitor french(String base) {
            return new Visitor(base, "fr");
        }

        HttpResponse<String> get(String page) throws IOException, InterruptedException {
            return http.send(request(page).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String page, Map<String, String> form) throws IOException, InterruptedException {
            String encoded = form.entrySet().stream()
                    .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(request(page).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String page) {
            return HttpRequest.newBuilder(URI.create(base + page)).header("Accept-Language", language)
                    .timeout(Duration.ofSeconds(90));
        }

        /** Sends the login form with the demo password, as the login page's button does. */
        HttpResponse<String> submitLogin(String username) throws IOException, InterruptedException {
            HttpResponse<String> page = get("login.xhtml");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:username", username);
            form.put("login:password", "demo");
            form.put("login:submit", "");
            form.put("jakarta.faces.ViewState", viewState(page.body(), "login"));
            form.put("primefaces.nonce", nonce(page));
            return postForm("login.xhtml", form);
        }

        Visitor logIn(String username) throws IOException, InterruptedException {
            HttpResponse<String> landed = submitLogin(username);
            assertEquals(200, landed.statusCode(), username + " logs in: " + excerpt(landed.body()));
            // A first login lands on the welcome page (docs/onboarding.md), then home.
            assertTrue(landed.body().contains("composer-prompt") || landed.body().contains("welcome-title"),
                    username + " is logged in: " + excerpt(landed.body()));
            return this;
        }

        /** Publishes a post from the home page's composer. */
        void post(String text) throws IOException, InterruptedException {
            HttpResponse<String> home = get("index.xhtml");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("composer", "composer");
            form.put("composer:text", text);
            Matcher key = Pattern.compile("name=\"composer:key\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"composer:key\"")
                    .matcher(home.body());
            if (key.find()) {
                form.put("composer:key", key.group(1) != null ? key.group(1) : key.group(2));
            }
            form.put("composer:publish", "");
            form.put("jakarta.faces.ViewState", viewState(home.body(), "composer"));
            form.put("primefaces.nonce", nonce(home));
            HttpResponse<String> answer = postForm("index.xhtml", form);
            assertTrue(answer.statusCode() < 400, "posting answers " + answer.statusCode());
        }

        /**
         * The administrator's "sync now" on the directory page; the page shown afterwards. Failures of the request
         * itself become assertion errors, so that it can run in the background.
         */
        String syncNow() {
            try {
                HttpResponse<String> page = get("admin/directory.xhtml");
                assertEquals(200, page.statusCode());
                Map<String, String> form = new LinkedHashMap<>();
                form.put("sync", "sync");
                form.put("sync:now", "");
                form.put("jakarta.faces.ViewState", viewState(page.body(), "sync"));
                form.put("primefaces.nonce", nonce(page));
                HttpResponse<String> answer = postForm("admin/directory.xhtml", form);
                assertEquals(200, answer.statusCode(), "the directory page after the sync, no server error");
                return answer.body();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("the sync request failed", e);
            }
        }

        private static String viewState(String page, String formId) {
            Matcher state = Pattern.compile("id=\"" + formId + "\"[\\s\\S]*?name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                    .matcher(page);
            assertTrue(state.find(), "the form " + formId + " and its view state: " + excerpt(page));
            return state.group(1);
        }

        private static String nonce(HttpResponse<String> page) {
            Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
            assertTrue(nonce.find(), "the page's policy has a nonce");
            return nonce.group(1);
        }
    }
}
