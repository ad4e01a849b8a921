package org.babillard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's HTTP client, as their browser and their API client would be, without a browser: a cookie session
 * on the pages (Faces forms sent as the browser sends them: the form's hidden fields, its view state and the
 * page's nonce) and OAuth tokens obtained through Babillard's own login and consent page.
 */
public final class WebSession {

    public static final String OOB = "urn:ietf:wg:oauth:2.0:oob";

    /** A token and the application it was given to (to revoke it). */
    public record Token(String value, String clientId, String clientSecret) {
    }

    private static final String BASE = System.getProperty("babillard.it.url", "http://127.0.0.1:8180/");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
    private HttpResponse<String> last;

    /** The server's address, ending with a slash. */
    public static String base() {
        return BASE;
    }

    /** A page or any address (relative to the server, or absolute), with this session's cookie. */
    public HttpResponse<String> get(String path) throws Exception {
        last = http.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofString());
        return last;
    }

    public HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An API call with the token given (none: null), a body of the type given (none: null). */
    public HttpResponse<String> api(String method, String path, String token, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = request(path, token);
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> api(String method, String path, String token) throws Exception {
        return api(method, path, token, null, null);
    }

    /** A form-encoded API call. */
    public HttpResponse<String> form(String path, String token, String encoded) throws Exception {
        return api("POST", path, token, "application/x-www-form-urlencoded", encoded.getBytes(StandardCharsets.UTF_8));
    }

    /** Logs in through the login page; the first login lands on the welcome page, the next ones on home. */
    public void logIn(String username, String password) throws Exception {
        String landed = click(get("login.xhtml"), "login:submit", Map.of("login:username", username, "login:password", password)).body();
        if (!landed.contains("composer-prompt") && !landed.contains("welcome-title")) {
            throw new AssertionError("could not log in as " + username + ": " + abbreviated(landed));
        }
    }

    /**
     * Sends the form holding the button named, from the page given, as the browser sends it: the form's hidden fields,
     * the button, the fields given, and the page's nonce. Answers the page that comes back (redirects followed).
     */
    public HttpResponse<String> click(HttpResponse<String> page, String button, Map<String, String> fields) throws Exception {
        String html = page.body();
        int at = html.indexOf("name=\"" + button + "\"");
        if (at < 0) {
            throw new AssertionError("no button " + button + " on " + page.uri() + ": " + abbreviated(html));
        }
        int start = html.lastIndexOf("<form", at);
        String tag = html.substring(start, html.indexOf('>', start) + 1);
        String form = html.substring(start, html.indexOf("</form>", at));
        Map<String, String> sent = hiddenFields(form);
        sent.put(button, "");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(String.join(";", page.headers().allValues("Content-Security-Policy")));
        sent.put("primefaces.nonce", nonce.find() ? nonce.group(1) : "");
        sent.putAll(fields);
        Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(tag);
        String target = action.find() ? unescape(action.group(1)) : page.uri().getPath();
        String body = sent.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        last = http.send(request(target.replaceFirst("^/", ""), null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return last;
    }

    /** The hidden fields of a form's HTML (its view state and the like), as a browser sends them back. */
    public static Map<String, String> hiddenFields(String formHtml) {
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(formHtml);
        while (input.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(input.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            if (name.find()) {
                hidden.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
            }
        }
        return hidden;
    }

    /** The last page this session was answered. */
    public HttpResponse<String> last() {
        return last;
    }

    /**
     * A token with these scopes for the person logged in on this session: an application registers, the person
     * consents on the consent page, and the code the page shows is exchanged for the token.
     */
    public Token token(String scopes) throws Exception {
        HttpResponse<String> registered = api("POST", "api/v1/apps", null, "application/json", Json.createObjectBuilder()
                .add("client_name", "Tests " + scopes).add("redirect_uris", OOB).add("scopes", scopes).build().toString()
                .getBytes(StandardCharsets.UTF_8));
        check(registered);
        JsonObject app = json(registered.body());
        HttpResponse<String> consent = get("oauth/authorize?response_type=code&client_id=" + app.getString("client_id")
                + "&redirect_uri=" + enc(OOB) + "&scope=" + enc(scopes));
        Matcher code = Pattern.compile("id=\"oauth-code\"[^>]*>([^<]+)<").matcher(click(consent, "consent:authorize", Map.of()).body());
        if (!code.find()) {
            throw new AssertionError("the consent page shows no code");
        }
        HttpResponse<String> token = form("oauth/token", null, "grant_type=authorization_code&code=" + enc(code.group(1).strip())
                + "&redirect_uri=" + enc(OOB) + "&client_id=" + app.getString("client_id") + "&client_secret=" + app.getString("client_secret"));
        check(token);
        return new Token(json(token.body()).getString("access_token"), app.getString("client_id"), app.getString("client_secret"));
    }

    /** Whether this answer is the login page (where the pages send whoever is not logged in). */
    public static boolean isLoginPage(HttpResponse<String> page) {
        return page.body().contains("id=\"login:username\"");
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static String unescape(String s) {
        return s.replace("&#39;", "'").replace("&#039;", "'").replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.request().uri() + " answered " + response.statusCode() + ": " + abbreviated(response.body()));
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .timeout(Duration.ofMinutes(2)).header("Accept-Language", "en");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
