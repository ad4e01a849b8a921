package org.babillard.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.babillard.it.Browser;
import org.babillard.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Mastodon-compatible API driven by a real client nobody here wrote (Mastodon.py, Debian's python3-mastodon),
 * the OAuth flow through Babillard's own login and consent page in Chromium, and the API's authorization matrix:
 * another employee's notebook; tokens, scopes, PKCE, revocation, rate limits (ApiAuthorizationIT has the rest).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MastodonApiIT extends ApiJourney {

    private static final Path CLIENT = Path.of("src/test/python/mastodon_py_client.py");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @Test
    void mastodonPyRegistersLogsInThroughTheConsentPagePostsReadsAndReacts() throws Exception {
        requireMastodonPy();
        String base = Browser.baseUrl().replaceAll("/$", "");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        JsonObject app = python("register", base);
        openBabillard("en-GB");
        String code = consent(app.getString("authorize_url"), "camille.durand");
        JsonObject seen = python("scenario", base, app.getString("client_id"), app.getString("client_secret"), code, marker);

        assertTrue(seen.getString("version").startsWith("4."), seen.getString("version"));
        assertEquals("camille.durand", seen.getJsonObject("me").getString("acct"));
        assertEquals("Camille Durand", seen.getJsonObject("me").getString("display_name"));
        JsonObject posted = seen.getJsonObject("posted");
        assertEquals(posted.getString("id"), posted.getString("again"), "the same Idempotency-Key posts once");
        assertEquals("public", posted.getString("visibility"));
        assertTrue(posted.getString("content").contains("&lt;b&gt;bold?&lt;/b&gt;"), "markup in a post is text: " + posted.getString("content"));
        assertFalse(posted.getString("content").contains("<b>"));
        assertTrue(posted.getString("content").contains("class=\"mention hashtag\""), "hashtags as Mastodon writes them");
        assertEquals(List.of("apitest"), strings(posted.getJsonArray("tags")));
        assertEquals(posted.getString("id"), seen.getJsonObject("reply").getString("in_reply_to_id"));
        assertTrue(strings(seen.getJsonArray("home")).contains(posted.getString("id")), "the post is on the home timeline");
        assertEquals(JsonValue.TRUE, seen.getJsonObject("favourite").get("favourited"));
        assertEquals(1, seen.getJsonObject("favourite").getInt("count"));
        assertEquals(JsonValue.TRUE, seen.get("bookmarked"));
        assertTrue(strings(seen.getJsonArray("bookmarks")).contains(posted.getString("id")));
        assertEquals(List.of(posted.getString("id")), strings(seen.getJsonObject("context").getJsonArray("ancestors")));
        assertTrue(strings(seen.getJsonArray("tag")).contains(posted.getString("id")), "the hashtag timeline");
        assertTrue(seen.getJsonObject("edited").getString("content").contains("Edited from Mastodon.py"));
        assertEquals(JsonValue.TRUE, seen.getJsonObject("edited").get("edited_at"));
        assertEquals(2, seen.getJsonObject("edited").getInt("history"), "the first text and the edit");
        assertTrue(seen.getJsonArray("lists").stream().map(v -> ((JsonObject) v).getString("title")).toList().contains("Team " + marker),
                "a list created is one of her lists (a private channel of hers): " + seen.getJsonArray("lists"));
        assertEquals("direct", seen.getJsonObject("note").getString("visibility"));
        assertTrue(seen.getString("too_long").contains("character limit"), seen.getString("too_long"));
        assertEquals("404", seen.getString("deleted"));
        assertTrue(strings(seen.getJsonArray("search")).contains(posted.getString("id")), "search v2 finds the post: " + seen.get("search"));
        assertTrue(strings(seen.getJsonArray("search")).contains(seen.getJsonObject("note").getString("id")), "and one's own note");
        assertEquals(JsonValue.TRUE, seen.get("streamed"), "the user stream (server-sent events) brought the new post and its deletion: " + seen.get("streamed"));
        JsonObject paging = seen.getJsonObject("paging");
        assertFalse(paging.isNull("next"), "fetch_next follows the Link header");
        assertTrue(Long.parseLong(paging.getString("next")) < Long.parseLong(paging.getString("first")));

        // What the API must never show: another employee's notebook entry (the "direct" post to nobody).
        String token = seen.getString("token");
        openBabillard("en-GB");
        String otherToken = tokenFor("nadia.benali", "read write");
        String noteId = seen.getJsonObject("note").getString("id");
        assertEquals(404, get("/api/v1/statuses/" + noteId, otherToken).statusCode(), "someone else's notebook entry");
        assertEquals("{\"error\":\"Record not found\"}", get("/api/v1/statuses/" + noteId, otherToken).body());
        assertEquals(200, get("/api/v1/statuses/" + noteId, token).statusCode(), "one's own is there");
        String found = get("/api/v2/search?type=statuses&q=" + marker, otherToken).body();
        assertTrue(found.contains("\"id\":\"" + posted.getString("id") + "\""), "search finds the company post for anyone: " + found);
        assertFalse(found.contains("\"id\":\"" + noteId + "\""), "but not someone else's note");
        HttpResponse<String> home = get("/api/v1/timelines/public?limit=40", otherToken);
        assertFalse(home.body().contains("A private note " + marker), "not in the company stream either");
        assertTrue(home.headers().firstValue("X-RateLimit-Limit").isPresent(), "rate limit headers");
        assertTrue(Integer.parseInt(home.headers().firstValue("X-RateLimit-Remaining").orElseThrow()) < 300);
        assertTrue(get("/api/v1/timelines/public?limit=1", otherToken).headers().firstValue("Link").orElse("").contains("rel=\"next\""),
                "a page that is not the last links to the next");
    }

    @Test
    void tokensScopesPkceRevocationAndErrorsBehaveAsOAuthAndMastodonSay() throws Exception {
        openBabillard("en-GB");
        JsonObject app = registerApp("read write", OOB);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().repeat(2).getBytes());
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String url = authorizeUrl(app, "read", "&code_challenge=" + challenge + "&code_challenge_method=S256");

        String code = consent(url, "helene.lefevre");
        HttpResponse<String> wrong = form("/oauth/token", "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(OOB)
                + "&client_id=" + app.getString("client_id") + "&client_secret=" + app.getString("client_secret")
                + "&code_verifier=not-the-verifier-at-all-but-long-enough-for-pkce-1234");
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", json(wrong.body()).getString("error"));

        browser.get(url);
        browser.findElement(By.id("consent:authorize")).click();
        code = waitFor(By.id("oauth-code")).getText();
        HttpResponse<String> right = form("/oauth/token", "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(OOB)
                + "&client_id=" + app.getString("client_id") + "&client_secret=" + app.getString("client_secret")
                + "&code_verifier=" + verifier);
        assertEquals(200, right.statusCode(), right.body());
        String token = json(right.body()).getString("access_token");
        assertEquals("read", json(right.body()).getString("scope"));
        HttpResponse<String> reused = form("/oauth/token", "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(OOB)
                + "&client_id=" + app.getString("client_id") + "&client_secret=" + app.getString("client_secret")
                + "&code_verifier=" + verifier);
        assertEquals("invalid_grant", json(reused.body()).getString("error"), "a code works once");

        assertEquals("helene.lefevre", json(get("/api/v1/accounts/verify_credentials", token).body()).getString("username"));
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/v1/statuses")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"Hi\"}")));
        assertEquals(403, post.statusCode(), "a read-only token cannot post");
        assertEquals(401, get("/api/v1/accounts/verify_credentials", null).statusCode(), "no token");
        assertEquals(401, get("/api/v1/accounts/verify_credentials", "made-up-token").statusCode(), "a made-up token");
        assertEquals("{\"error\":\"The access token is invalid\"}", get("/api/v1/timelines/home", "made-up-token").body());

        // The browser's session opens nothing in the API: a cross-site page could not use it.
        String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> withCookie = send(HttpRequest.newBuilder(uri("/api/v1/accounts/verify_credentials")).header("Cookie", cookie));
        assertEquals(401, withCookie.statusCode());

        assertEquals(404, get("/api/v1/statuses/999999999999", token).statusCode());
        assertEquals(404, get("/api/v1/no/such/endpoint", token).statusCode());
        assertEquals("{\"error\":\"Record not found\"}", get("/api/v1/no/such/endpoint", token).body());

        HttpResponse<String> metadata = get("/.well-known/oauth-authorization-server", null);
        assertEquals(200, metadata.statusCode());
        assertTrue(json(metadata.body()).getJsonArray("code_challenge_methods_supported").toString().contains("S256"));

        HttpResponse<String> revoke = form("/oauth/revoke", "token=" + token + "&client_id=" + app.getString("client_id")
                + "&client_secret=" + app.getString("client_secret"));
        assertEquals(200, revoke.statusCode());
        assertEquals(401, get("/api/v1/accounts/verify_credentials", token).statusCode(), "a revoked token opens nothing");

        HttpResponse<String> badClient = form("/oauth/token", "grant_type=client_credentials&client_id=" + app.getString("client_id")
                + "&client_secret=wrong");
        assertEquals(401, badClient.statusCode());
        assertEquals("invalid_client", json(badClient.body()).getString("error"));
        HttpResponse<String> badRedirect = send(HttpRequest.newBuilder(uri("/api/v1/apps")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_name=Evil&redirect_uris=" + enc("javascript:alert(1)"))));
        assertEquals(422, badRedirect.statusCode());
    }

    @Test
    void noEndpointShowsWhatTheCallerMayNotRead() throws Exception {
        openBabillard("en-GB");
        String author = "helene.lefevre";
        String mentioned = "camille.durand";
        String outsider = "nadia.benali";
        java.util.Map<String, String> tokens = new java.util.LinkedHashMap<>();
        for (String who : List.of(author, mentioned, outsider)) {
            tokens.put(who, tokenFor(who, "read write"));
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "apitag" + run;
        // A list created through the API is a private channel of its creator's.
        HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/api/v1/lists")).header("Authorization", "Bearer " + tokens.get(author))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Secret " + run + "\"}")));
        assertEquals(200, list.statusCode(), list.body());
        String channel = json(list.body()).getString("id");
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        ids.put("private channel", status(tokens.get(author), "status=" + enc("In the secret channel " + run + " #" + tag) + "&channel_id=" + channel));
        ids.put("notebook", status(tokens.get(author), "visibility=direct&status=" + enc("My note " + run + " #" + tag)));
        ids.put("mentioned", status(tokens.get(author), "visibility=direct&status=" + enc("For @" + mentioned + " only " + run + " #" + tag)));
        String deleted = status(tokens.get(author), "status=" + enc("Deleted soon " + run + " #" + tag));
        assertEquals(200, send(HttpRequest.newBuilder(uri("/api/v1/statuses/" + deleted)).header("Authorization", "Bearer " + tokens.get(author)).DELETE()).statusCode());
        ids.put("deleted", deleted);

        java.util.Map<String, java.util.Map<String, Boolean>> may = java.util.Map.of(
                "private channel", java.util.Map.of(author, true, mentioned, false, outsider, false),
                "notebook", java.util.Map.of(author, true, mentioned, false, outsider, false),
                "mentioned", java.util.Map.of(author, true, mentioned, true, outsider, false),
                "deleted", java.util.Map.of(author, false, mentioned, false, outsider, false));
        for (var post : ids.entrySet()) {
            for (var reader : tokens.entrySet()) {
                boolean allowed = may.get(post.getKey()).get(reader.getKey());
                String what = post.getKey() + " for " + reader.getKey();
                int expected = allowed ? 200 : 404;
                assertEquals(expected, get("/api/v1/statuses/" + post.getValue(), reader.getValue()).statusCode(), what);
                assertEquals(expected, get("/api/v1/statuses/" + post.getValue() + "/context", reader.getValue()).statusCode(), what);
                String marker = "\"id\":\"" + post.getValue() + "\"";
                for (String path : List.of("/api/v1/timelines/public?limit=40", "/api/v1/timelines/home?limit=40",
                        "/api/v1/timelines/tag/" + tag, "/api/v1/accounts/" + author + "/statuses?limit=40")) {
                    if (!allowed) {
                        assertFalse(get(path, reader.getValue()).body().contains(marker), what + " in " + path);
                    }
                }
                if (!allowed) {
                    for (String action : List.of("favourite", "reblog", "bookmark")) {
                        HttpResponse<String> acted = send(HttpRequest.newBuilder(uri("/api/v1/statuses/" + post.getValue() + "/" + action))
                                .header("Authorization", "Bearer " + reader.getValue()).POST(HttpRequest.BodyPublishers.noBody()));
                        assertEquals(404, acted.statusCode(), action + " " + what);
                    }
                }
            }
        }
        assertTrue(get("/api/v1/timelines/tag/" + tag, tokens.get(author)).body().contains("In the secret channel " + run),
                "its members read it");
        assertFalse(get("/api/v1/lists", tokens.get(outsider)).body().contains("Secret " + run), "nor the list itself");
        assertEquals(404, get("/api/v1/timelines/list/" + channel, tokens.get(outsider)).statusCode());
    }

    @Test
    void announcementsAreReadAndDismissedThroughTheApi() throws Exception {
        openBabillard("fr-FR");
        String engineer = tokenFor("camille.durand", "read write");
        String finance = tokenFor("aurelien.lacroix", "read write");
        String title = "Exercice incendie " + UUID.randomUUID().toString().substring(0, 8);
        announceToEngineering(title);

        JsonObject mine = announcement(get("/api/v1/announcements", engineer).body(), title);
        assertNotNull(mine, "the engineer has it");
        assertEquals(JsonValue.FALSE, mine.get("read"));
        assertTrue(mine.getString("content").contains("&lt;b&gt;Merci&lt;/b&gt;"), mine.getString("content"));
        assertEquals(null, announcement(get("/api/v1/announcements", finance).body(), title), "finance is not in the audience");
        String id = mine.getString("id");
        HttpResponse<String> notTheirs = send(HttpRequest.newBuilder(uri("/api/v1/announcements/" + id + "/dismiss"))
                .header("Authorization", "Bearer " + finance).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, notTheirs.statusCode());
        HttpResponse<String> dismissed = send(HttpRequest.newBuilder(uri("/api/v1/announcements/" + id + "/dismiss"))
                .header("Authorization", "Bearer " + engineer).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, dismissed.statusCode());
        assertEquals(JsonValue.TRUE, announcement(get("/api/v1/announcements", engineer).body(), title).get("read"),
                "dismissing is acknowledging");
    }

    private static JsonObject announcement(String body, String title) {
        return Json.createReader(new StringReader(body)).readArray().stream().map(v -> (JsonObject) v)
                .filter(a -> a.getString("content").contains(title)).findFirst().orElse(null);
    }

    /** Mastodon.py must be there in CI; elsewhere the test says how to get it and skips. */
    private static void requireMastodonPy() throws Exception {
        require(java.nio.file.Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import mastodon").start().waitFor() == 0,
                "Mastodon.py is missing (apt-get install python3-mastodon) for " + PYTHON);
    }

    private static JsonObject python(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString(), CLIENT.toString()));
        command.addAll(List.of(arguments));
        return run("Mastodon.py", command);
    }
}
