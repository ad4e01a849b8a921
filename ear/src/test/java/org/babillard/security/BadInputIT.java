package org.babillard.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.babillard.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input sweep (docs/security.md, "Bad input"), over HTTP as clients send it: empty texts, texts at the post
 * length limit (passes) and one over (refused), counted in code points (an emoji is one, a ZWJ family its five), NUL
 * and other control characters, lone surrogates, bytes that are no UTF-8 in bodies and query strings, huge bodies,
 * too many form fields, malformed JSON, wrong types and wrong content types, through the Mastodon API, OAuth, the
 * composer, a reply, channel creation and the search box. Every answer is a 4xx with its reason in the caller's
 * language, never a 500, a stack trace or a server banner, and nothing is half-saved. CI runs it on H2 and again on
 * PostgreSQL, which refuses a NUL in text: a NUL that reached it would be a 500 there only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final String OOB = "urn:ietf:wg:oauth:2.0:oob";
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat (org|jakarta|java|io|sun)\\.[\\w.$]+\\(|Exception:|\\.java:\\d+\\)");
    private static final Pattern BANNER = Pattern.compile("WildFly|Undertow|JBoss|RESTEASY|JBWEB|EclipseLink|PSQLException|org\\.h2\\.", Pattern.CASE_INSENSITIVE);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    private final String base = System.getProperty("babillard.it.url", "http://127.0.0.1:8180/");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String language = "en";

    // ---------------------------------------------------------------- the Mastodon API

    @Test
    void statusesThroughTheApiAreCountedInCodePointsAndBadTextGetsMastodonsErrors() throws Exception {
        String token = token("berenice.lemaitre");
        int limit = maxCharacters();
        String me = "berenice.lemaitre";
        List<String> before = ids(api("GET", "api/v1/accounts/" + me + "/statuses?limit=40", token, null, (String) null));
        List<String> accepted = new ArrayList<>();

        // At the limit passes, in letters, in emoji (two UTF-16 units, one code point each) and with a ZWJ family
        // (five code points); tabs and line breaks are text. One more code point is refused, whichever it is.
        String letters = fill("ok-" + run + "-a ", "a", limit);
        String emoji = fill("ok-" + run + "-e ", "😀", limit);
        String family = fill("ok-" + run + "-f ", "👨‍👩‍👧", limit);
        String accents = fill("ok-" + run + "-n ", "e\u0301", limit);
        for (String text : List.of(letters, emoji, family, accents, "ok-" + run + "-t a\tb\nc")) {
            HttpResponse<String> posted = api("POST", "api/v1/statuses", token, "application/json", statusJson(text));
            assertEquals(200, posted.statusCode(), posted.body());
            accepted.add(json(posted.body()).getString("id"));
        }
        for (String over : List.of(letters + "a", emoji + "😀", fill("bad-" + run + "-f ", "👨‍👩‍👧", limit) + "👧")) {
            for (String lang : List.of("en", "fr")) {
                language = lang;
                refusedJson(api("POST", "api/v1/statuses", token, "application/json", statusJson(over)), 422,
                        lang.equals("en") ? "Text character limit of " + limit + " exceeded" : "le texte dépasse la limite de " + limit);
                refusedJson(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded", "status=" + enc(over)), 422,
                        lang.equals("en") ? "Validation failed" : "La validation a échoué");
            }
        }
        language = "fr";
        for (String empty : List.of("", "   \n\t ", "\u00a0\u2028")) {
            refusedJson(api("POST", "api/v1/statuses", token, "application/json", statusJson(empty)), 422, "le texte ne peut pas être vide");
        }
        refusedJson(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded", ""), 422, "le texte ne peut pas être vide");
        language = "en";
        refusedJson(api("POST", "api/v1/statuses", token, "application/json", "{}"), 422, "Text can't be blank");

        // NUL and half a surrogate pair never reach the database; the other controls are refused by the post's rule.
        for (String text : List.of("bad-" + run + " nul\u0000", "bad-" + run + " \ud800 high", "bad-" + run + " low \udc00")) {
            refusedJson(api("POST", "api/v1/statuses", token, "application/json", statusJson(text)), 422, "NUL");
        }
        refusedJson(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded", "status=bad-" + run + "%00"), 422, "NUL");
        for (String control : List.of("\u0001", "\u0007", "\u001b[31m", "\u007f", "\u0085")) {
            refusedJson(api("POST", "api/v1/statuses", token, "application/json", statusJson("bad-" + run + " " + control)), 422,
                    "Text holds control characters");
        }

        // Bytes that are no UTF-8 (a stray byte, a cut sequence, an overlong form, an encoded surrogate), in the body
        // and in the form's escapes; broken escapes.
        for (byte[] bytes : List.of(new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("{\"status\":\"bad-" + run + " ").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            refusedJson(api("POST", "api/v1/statuses", token, "application/json", body.toByteArray()), 400, "not valid text");
            body.reset();
            body.writeBytes(("status=bad-" + run + "+").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            refusedJson(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded", body.toByteArray()), 400, "not valid text");
        }
        for (String escapes : List.of("%FF%FE", "%C3", "%C0%AF", "%ED%A0%80", "%G1", "%", "%4")) {
            refusedJson(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded", "status=bad-" + run + escapes), 400,
                    "not valid text");
        }
        language = "fr";
        refusedJson(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded", "status=bad-" + run + "%FF"), 400,
                "n'est pas un texte valide");

        // Malformed JSON, JSON that is no object, wrong types.
        language = "en";
        for (String malformed : List.of("{\"status\": \"bad-" + run + "\"", "{\"status\": bad}", "{status: \"bad\"}",
                "\u00ef\u00bb\u00bf", "{\"status\": \"\\x41\"}", "{\"status\": \"bad\",}")) {
            refusedJson(api("POST", "api/v1/statuses", token, "application/json", malformed), 400, "not valid JSON");
        }
        language = "fr";
        refusedJson(api("POST", "api/v1/statuses", token, "application/json", "{\"status\": "), 400, "n'est pas du JSON valide");
        for (String notAnObject : List.of("[\"bad-" + run + "\"]", "\"bad-" + run + "\"", "42", "null")) {
            refusedJson(api("POST", "api/v1/statuses", token, "application/json", notAnObject), 422, "doit être un objet JSON");
        }
        language = "en";
        refusedJson(api("POST", "api/v1/statuses", token, "application/json", "{\"status\": [\"bad-" + run + "\"]}"), 422, "Text can't be blank");
        refusedJson(api("POST", "api/v1/statuses", token, "application/json", "{\"status\": {\"text\": \"bad-" + run + "\"}}"), 422,
                "Text can't be blank");
        refusedJson(api("POST", "api/v1/statuses", token, "application/json", "{\"status\": \"bad-" + run + "\", \"in_reply_to_id\": \"abc\"}"),
                422, "in_reply_to_id is not a number");
        refusedJson(api("POST", "api/v1/statuses", token, "application/json", "{\"status\": \"bad-" + run + "\", \"in_reply_to_id\": true}"),
                422, "in_reply_to_id");
        refusedJson(api("POST", "api/v1/statuses", token, "application/json", "{\"status\": \"bad-" + run + "\", \"visibility\": 7}"), 422,
                "visibility");
        refusedJson(api("POST", "api/v1/statuses", token, "application/json", "{\"status\": \"bad-" + run + "\", \"media_ids\": [\"x\"]}"), 422,
                "Validation failed");

        // Wrong content types and charsets on a JSON endpoint.
        language = "fr";
        refusedJson(api("POST", "api/v1/statuses", token, "text/plain", "status=bad-" + run), 415, "Content-Type non pris en charge");
        language = "en";
        refusedJson(api("POST", "api/v1/statuses", token, "application/xml", "<status>bad-" + run + "</status>"), 415, "Unsupported Content-Type");
        refusedJson(api("POST", "api/v1/statuses", token, "application/json; charset=iso-8859-1", statusJson("bad-" + run)), 415,
                "Unsupported Content-Type");

        // Too many form fields.
        StringBuilder fields = new StringBuilder("status=bad-" + run);
        for (int i = 0; i < 1500; i++) {
            fields.append("&f").append(i).append("=1");
        }
        refusedJson(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded", fields.toString()), 400, "too many fields");

        // Polls: a NUL or a too long choice, a deadline no clock holds.
        refusedJson(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded",
                "status=bad-" + run + "&poll[options][]=a%00&poll[options][]=b"), 422, "NUL");
        assertClientError(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded",
                "status=bad-" + run + "&poll[options][]=" + "c".repeat(101) + "&poll[options][]=b"), 422);
        for (String expires : List.of("9223372036854775807", "-9223372036854775808", "1e9", "99999999999999999999")) {
            assertClientError(api("POST", "api/v1/statuses", token, "application/x-www-form-urlencoded",
                    "status=bad-" + run + "&poll[options][]=a&poll[options][]=b&poll[expires_in]=" + expires), 422);
        }

        // Editing: the same rules; the post keeps its text.
        String id = accepted.get(0);
        refusedJson(api("PUT", "api/v1/statuses/" + id, token, "application/json", statusJson(letters + "a")), 422, "character limit");
        refusedJson(api("PUT", "api/v1/statuses/" + id, token, "application/json", statusJson("")), 422, "can't be blank");
        refusedJson(api("PUT", "api/v1/statuses/" + id, token, "application/json", statusJson("bad-" + run + "\u0000")), 422, "NUL");
        refusedJson(api("PUT", "api/v1/statuses/" + id, token, "application/json", "{\"status\": "), 400, "not valid JSON");
        refusedJson(api("PUT", "api/v1/statuses/" + id, token, "text/plain", "bad-" + run), 415, "Content-Type");
        HttpResponse<String> edited = api("PUT", "api/v1/statuses/" + id, token, "application/json", statusJson(letters.replace("-a ", "-A ")));
        assertEquals(200, edited.statusCode(), "an edit at the limit passes: " + edited.body());
        String history = api("GET", "api/v1/statuses/" + id + "/history", token, null, (String) null).body();
        assertEquals(2, Json.createReader(new StringReader(history)).readArray().size(),
                "the first text and the one edit that passed: the refused edits left nothing");

        // Nothing refused was stored, half or whole: the author's new posts are exactly the accepted ones.
        HttpResponse<String> mine = api("GET", "api/v1/accounts/" + me + "/statuses?limit=40", token, null, (String) null);
        assertEquals(200, mine.statusCode());
        assertFalse(mine.body().contains("bad-" + run), "a refused status was stored: " + abbreviated(mine.body()));
        List<String> added = new ArrayList<>(ids(mine));
        added.removeAll(before);
        assertEquals(new java.util.TreeSet<>(accepted), new java.util.TreeSet<>(added), "the new posts are the accepted ones");
    }

    private static List<String> ids(HttpResponse<String> statuses) {
        assertEquals(200, statuses.statusCode(), statuses.body());
        return Json.createReader(new StringReader(statuses.body())).readArray().stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
    }

    @Test
    void searchMediaAppsAndTokensRefuseBadInputWithA4xx() throws Exception {
        String token = token("berenice.lemaitre");

        // Query strings: no NUL, UTF-8 only, whole escapes; long and odd queries are only queries.
        language = "fr";
        refusedJson(api("GET", "api/v2/search?q=%00", token, null, (String) null), 400, "NUL");
        refusedJson(api("GET", "api/v2/search?q=caf%E9", token, null, (String) null), 400, "n'est pas un texte valide");
        refusedJson(api("GET", "api/v1/accounts/lookup?acct=a%00b", token, null, (String) null), 400, "NUL");
        refusedJson(api("GET", "api/v1/accounts/a%00b", token, null, (String) null), 400, "NUL");
        refusedJson(api("GET", "api/v1/accounts/caf%E9/statuses", token, null, (String) null), 400, "n'est pas un texte valide");
        refusedJson(api("GET", "api/v1/accounts/search?q=%ED%A0%80", token, null, (String) null), 400, "n'est pas un texte valide");
        for (String odd : List.of("x".repeat(5000), "((((\"", "%01%02", "😀".repeat(600), "%23", "%40", "*", "-", "\"\"")) {
            HttpResponse<String> found = api("GET", "api/v2/search?q=" + (odd.contains("%") ? odd : enc(odd)), token, null, (String) null);
            assertEquals(200, found.statusCode(), odd + ": " + found.body());
            assertNotNull(json(found.body()).getJsonArray("statuses"));
        }
        assertClientError(api("GET", "api/v2/search?q=x&limit=many", token, null, (String) null), -1);
        assertClientError(api("GET", "api/v1/statuses/not-a-number", token, null, (String) null), 404);

        // Media: the alt text's control characters become spaces (a picture's description is one line); too large
        // is 413; a JSON body where a file is expected is 415.
        HttpResponse<String> uploaded = upload(token, "pixel.png", png(), "alt\u0001text");
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        JsonObject media = json(uploaded.body());
        assertEquals("alt text", media.getString("description"));
        refusedJson(api("PUT", "api/v1/media/" + media.getString("id"), token, "application/json", "{\"description\":\"a\\u0000\"}"), 422, "NUL");
        refusedJson(api("PUT", "api/v1/media/" + media.getString("id"), token, "application/json", "{\"description\""), 400, "JSON");
        assertClientError(api("POST", "api/v2/media", token, "application/json", "{\"file\":\"x\"}"), 415);

        // Registering an application and getting tokens: the same 4xx, never a database error.
        refusedJson(api("POST", "api/v1/apps", null, "application/json", "{\"client_name\":\"\",\"redirect_uris\":\"" + OOB + "\"}"), 422,
                "client_name");
        refusedJson(api("POST", "api/v1/apps", null, "application/json", "{\"client_name\":\"" + "n".repeat(201) + "\",\"redirect_uris\":\"" + OOB + "\"}"),
                422, "client_name");
        refusedJson(api("POST", "api/v1/apps", null, "application/json", "{\"client_name\":\"a\\u0000\",\"redirect_uris\":\"" + OOB + "\"}"), 422, "NUL");
        refusedJson(api("POST", "api/v1/apps", null, "application/x-www-form-urlencoded", "client_name=a%FF&redirect_uris=" + enc(OOB)), 400, "UTF-8");
        refusedJson(api("POST", "api/v1/apps", null, "application/json", "{\"client_name\":"), 400, "JSON");
        refusedJson(api("POST", "api/v1/apps", null, "text/plain", "client_name=x"), 415, "Content-Type");
        refusedJson(api("POST", "api/v1/apps", null, "application/json", "{\"client_name\":\"x\",\"redirect_uris\":\"javascript:alert(1)\"}"), 422, "");
        for (String body : List.of("grant_type=client_credentials&client_id=a%00b&client_secret=x",
                "grant_type=authorization_code&code=%00&client_id=x&client_secret=y&redirect_uri=" + enc(OOB))) {
            HttpResponse<String> refused = api("POST", "oauth/token", null, "application/x-www-form-urlencoded", body);
            assertClientError(refused, 400);
            assertEquals("invalid_request", json(refused.body()).getString("error"), refused.body());
        }
        assertClientError(api("POST", "oauth/token", null, "application/json", "{\"grant_type\":"), 400);
        assertClientError(api("POST", "oauth/token", null, "text/plain", "grant_type=client_credentials"), 400);
        assertClientError(api("POST", "oauth/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&" + "x=1&".repeat(1500)), 400);
        assertClientError(api("POST", "oauth/revoke", null, "application/x-www-form-urlencoded", "token=%00&client_id=x&client_secret=y"), 400);
        assertClientError(send(HttpRequest.newBuilder(URI.create(base + "oauth/authorize?client_id=%00&response_type=code")).GET()), 400);
    }

    // ---------------------------------------------------------------- the pages

    @Test
    void theComposerAReplyAChannelAndTheSearchBoxAnswerInTheReadersLanguage() throws Exception {
        language = "fr";
        logIn("etienne.lambert");
        int limit = maxCharacters();

        String over = fill("bad-" + run + " ", "😀", limit) + "😀";
        String page = compose(over);
        assertTrue(text(page).contains("Votre message fait " + (limit + 1) + " caractères ; la limite est de " + limit),
                "one emoji over the limit: " + problem(page, "composer"));
        page = compose("bad-" + run + " \u0001");
        assertTrue(text(page).contains("caractères de contrôle invisibles"), "a control character: " + problem(page, "composer"));
        page = compose("  \n ");
        assertTrue(text(page).contains("Écrivez quelque chose avant de publier."), "empty: " + problem(page, "composer"));

        HttpResponse<String> nul = composeResponse("bad-" + run + " \u0000");
        refusedPage(nul, 400, "contient un caractère NUL");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 1500; i++) {
            many.put("f" + i, "1");
        }
        refusedPage(submit("index.xhtml", get("index.xhtml").body(), "composer", Map.of("composer:text", "bad-" + run), "composer:publish", many, false),
                400, "trop de champs");
        HttpResponse<String> invalid = composeResponseRaw("bad-" + run + "-u%FF%FE");
        refusedPage(invalid, 400, "UTF-8");

        String atLimit = fill("ok-" + run + "-c ", "😀", limit);
        page = compose(atLimit);
        assertTrue(get("index.xhtml").body().contains("ok-" + run + "-c"), "at the limit, counted in code points, the post is published: "
                + problem(page, "composer"));
        String home = get("index.xhtml").body();
        assertFalse(home.contains("bad-" + run), "nothing refused was published");

        // A reply to that post: the same rule, the same message.
        Matcher link = Pattern.compile("data-post-id=\"(\\d+)\"").matcher(home.substring(0, home.indexOf("ok-" + run + "-c")));
        String postId = null;
        while (link.find()) {
            postId = link.group(1);
        }
        assertNotNull(postId, "the published post's address");
        String conversation = get("post.xhtml?id=" + postId).body();
        String replied = submit("post.xhtml?id=" + postId, conversation, "reply", Map.of("reply:text", over), "reply:send", Map.of(), false).body();
        assertTrue(text(replied).contains("Votre message fait " + (limit + 1) + " caractères"), "a reply one over: " + problem(replied, "reply"));
        replied = submit("post.xhtml?id=" + postId, get("post.xhtml?id=" + postId).body(), "reply", Map.of("reply:text", "bad-" + run + "\u0007"),
                "reply:send", Map.of(), false).body();
        assertTrue(text(replied).contains("caractères de contrôle invisibles"), "a reply with a control character: " + problem(replied, "reply"));
        assertFalse(get("post.xhtml?id=" + postId).body().contains("bad-" + run), "no refused reply was stored");

        // Editing that post on its page: the same rule and message; the post keeps its text.
        String postPage = get("post.xhtml?id=" + postId).body();
        Matcher postForm = Pattern.compile("<form id=\"([^\"]*:post)\"").matcher(postPage);
        assertTrue(postForm.find(), "the post's form");
        String form = postForm.group(1);
        String editing = submit("post.xhtml?id=" + postId, postPage, form, Map.of(), form + ":edit", Map.of(), false).body();
        assertTrue(editing.contains(form + ":editText"), "the edit box opens");
        String saved = submit("post.xhtml?id=" + postId, editing, form, Map.of(form + ":editText", atLimit + "😀"), form + ":saveEdit",
                Map.of(), false).body();
        assertTrue(text(saved).contains("Votre message fait " + (limit + 1) + " caractères"), "an edit one over: " + problem(saved, form));
        editing = submit("post.xhtml?id=" + postId, saved, form, Map.of(form + ":editText", "bad-" + run + "\u0001"), form + ":saveEdit",
                Map.of(), false).body();
        assertTrue(text(editing).contains("caractères de contrôle invisibles"), "an edit with a control character");
        assertFalse(get("post.xhtml?id=" + postId).body().contains("bad-" + run), "no refused edit was stored");

        // A channel: its name and description.
        String channels = get("channels.xhtml").body();
        Map<String, String> channel = new LinkedHashMap<>();
        channel.put("create:access", "false");
        channel.put("create:name", "Canal " + run + "\u0001");
        assertTrue(text(submit("channels.xhtml", channels, "create", channel, "create:submit", Map.of(), false).body())
                .contains("Ce nom contient des caractères de contrôle"), "a control character in a channel's name");
        channel.put("create:name", "n".repeat(81));
        assertTrue(text(submit("channels.xhtml", get("channels.xhtml").body(), "create", channel, "create:submit", Map.of(), false).body())
                .contains("Ce nom est trop long"), "a name one over");
        channel.put("create:name", "   ");
        assertTrue(text(submit("channels.xhtml", get("channels.xhtml").body(), "create", channel, "create:submit", Map.of(), false).body())
                .contains("Donnez un nom au canal"), "an empty name");
        channel.put("create:name", "Canal " + run);
        channel.put("create:description", "d".repeat(1001));
        assertTrue(text(submit("channels.xhtml", get("channels.xhtml").body(), "create", channel, "create:submit", Map.of(), false).body())
                .contains("Cette description est trop longue"), "a description one over");
        channel.put("create:name", ("Canal " + run + " ").concat("é".repeat(80)).substring(0, 80));
        channel.put("create:description", "d".repeat(1000));
        HttpResponse<String> created = submit("channels.xhtml", get("channels.xhtml").body(), "create", channel, "create:submit", Map.of(), false);
        assertTrue(created.uri().toString().contains("channel.xhtml"), "a name and a description at their limits make a channel: "
                + created.uri() + " " + problem(created.body(), "create"));

        // The search box: a NUL or broken bytes in the address get the page saying why; anything else is a search.
        refusedPage(get("search.xhtml?q=%00"), 400, "contient un caractère NUL");
        refusedPage(get("search.xhtml?q=caf%E9"), 400, "n'est pas un texte valide");
        for (String q : List.of(enc("x".repeat(3000)), "%01", enc("😀".repeat(600)), enc("((\"")) ) {
            HttpResponse<String> searched = get("search.xhtml?q=" + q);
            assertEquals(200, searched.statusCode(), q);
        }

        // The same answers in English for an English reader.
        language = "en";
        page = compose(over);
        assertTrue(text(page).contains("Your post is " + (limit + 1) + " characters long; the limit is " + limit), problem(page, "composer"));
        refusedPage(composeResponse("bad-" + run + "\u0000"), 400, "holds a NUL character");
        refusedPage(get("search.xhtml?q=%FF"), 400, "is not valid text");
    }

    // ---------------------------------------------------------------- helpers: the API

    private HttpResponse<String> api(String method, String path, String token, String type, String body) throws Exception {
        return api(method, path, token, type, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> api(String method, String path, String token, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = request(path, token);
        if (type != null) {
            request.header("Content-Type", type);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 4xx with Mastodon's {"error": "..."} saying why, in the caller's language. */
    private void refusedJson(HttpResponse<String> response, int status, String why) {
        assertClientError(response, status);
        JsonObject error = json(response.body());
        String text = error.get("error") instanceof jakarta.json.JsonString s ? s.getString() : "";
        String full = text + " " + (error.containsKey("error_description") ? error.getString("error_description") : "");
        assertTrue(full.contains(why), "the error says \"" + why + "\" (" + language + "): " + response.body());
    }

    /** Any 4xx (or exactly the status given; -1: any), never a 500, a stack trace or a banner. */
    private void assertClientError(HttpResponse<String> response, int status) {
        String request = response.request().method() + " " + abbreviated(response.request().uri().toString());
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, request + " → " + response.statusCode() + " " + abbreviated(response.body()));
        if (status > 0) {
            assertEquals(status, response.statusCode(), request + ": " + abbreviated(response.body()));
        }
        assertNoLeak(response.body());
        assertTrue(response.headers().firstValue("Server").isEmpty(), "no server banner");
    }

    private static void assertNoLeak(String body) {
        assertFalse(STACK_TRACE.matcher(body).find(), "no stack trace: " + abbreviated(body));
        Matcher banner = BANNER.matcher(body);
        assertFalse(banner.find(), "no server or library names: " + (banner.hitEnd() ? "" : banner.group()) + " in " + abbreviated(body));
    }

    private static String abbreviated(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private int maxCharacters() throws Exception {
        JsonObject instance = json(send(HttpRequest.newBuilder(URI.create(base + "api/v1/instance"))).body());
        return instance.getJsonObject("configuration").getJsonObject("statuses").getInt("max_characters");
    }

    /** The prefix, then the unit repeated and letters to make exactly {@code codePoints} code points. */
    private static String fill(String prefix, String unit, int codePoints) {
        StringBuilder text = new StringBuilder(prefix);
        String normalizedUnit = java.text.Normalizer.normalize(unit, java.text.Normalizer.Form.NFC);
        int counted = normalizedUnit.codePointCount(0, normalizedUnit.length());
        int used = prefix.codePointCount(0, prefix.length());
        while (used + counted <= codePoints) {
            text.append(unit);
            used += counted;
        }
        text.append("z".repeat(codePoints - used));
        return text.toString();
    }

    /** {"status": text}, with half a surrogate pair written as JSON's escape (UTF-8 has no bytes for it). */
    private static String statusJson(String text) {
        String json = Json.createObjectBuilder().add("status", text).build().toString();
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1));
            if (paired) {
                escaped.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private String token(String username) throws Exception {
        logIn(username);
        HttpResponse<String> registered = api("POST", "api/v1/apps", null, "application/json", Json.createObjectBuilder()
                .add("client_name", "BadInputIT " + run).add("redirect_uris", OOB).add("scopes", "read write").build().toString());
        assertEquals(200, registered.statusCode(), registered.body());
        JsonObject app = json(registered.body());
        HttpResponse<String> consent = get("oauth/authorize?response_type=code&client_id=" + app.getString("client_id")
                + "&redirect_uri=" + enc(OOB) + "&scope=" + enc("read write"));
        String answered = submit("oauth.xhtml", consent.body(), "consent", Map.of(), "consent:authorize",
                Map.of(), false).body();
        Matcher code = Pattern.compile("id=\"oauth-code\"[^>]*>([^<]+)<").matcher(answered);
        assertTrue(code.find(), "the consent page shows the code");
        HttpResponse<String> token = api("POST", "oauth/token", null, "application/x-www-form-urlencoded", "grant_type=authorization_code&code="
                + enc(code.group(1).strip()) + "&redirect_uri=" + enc(OOB) + "&client_id=" + app.getString("client_id")
                + "&client_secret=" + app.getString("client_secret"));
        assertEquals(200, token.statusCode(), token.body());
        return json(token.body()).getString("access_token");
    }

    private HttpResponse<String> upload(String token, String name, byte[] bytes, String description) throws Exception {
        String boundary = "b" + run;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + description
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("api/v2/media", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static byte[] png() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static JsonObject json(String body) {
        JsonValue value = Json.createReader(new StringReader(body)).readValue();
        assertTrue(value instanceof JsonObject, "a JSON object: " + abbreviated(body));
        return (JsonObject) value;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- helpers: the pages

    /** A page, kept as the last one seen: a form sent next carries its nonce. */
    private HttpResponse<String> get(String path) throws Exception {
        lastPage = send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).GET());
        return lastPage;
    }

    private void logIn(String username) throws Exception {
        String page = get("login.xhtml").body();
        String landed = submit("login.xhtml", page, "login", Map.of("login:username", username, "login:password", "demo"), "login:submit",
                Map.of(), false).body();
        assertTrue(landed.contains("composer-prompt") || landed.contains("welcome-title"), "logged in as " + username);
    }

    /** Sends the page's form the way the browser does (its hidden fields, the view state and the page's nonce). */
    private HttpResponse<String> submit(String path, String page, String form, Map<String, String> fields, String button,
                                        Map<String, String> extra, boolean expectContinue) throws Exception {
        return submitEncoded(path, page, form, encodeForm(fields), button, extra, expectContinue);
    }

    private HttpResponse<String> submitEncoded(String path, String page, String form, String encodedFields, String button,
                                               Map<String, String> extra, boolean expectContinue) throws Exception {
        Matcher start = Pattern.compile("<form id=\"" + Pattern.quote(form) + "\"[^>]*>").matcher(page);
        assertTrue(start.find(), "the form " + form + " on " + path);
        String tag = start.group();
        String html = page.substring(start.start(), page.indexOf("</form>", start.end()));
        Map<String, String> hidden = org.babillard.it.WebSession.hiddenFields(html);
        hidden.put(button, "");
        Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(tag);
        String target = action.find() ? unescape(action.group(1)) : "/" + path;
        String nonce = "";
        Matcher n = Pattern.compile("'nonce-([^']+)'").matcher(String.join(";", lastPage == null ? List.of() : lastPage.headers()
                .allValues("Content-Security-Policy")));
        if (n.find()) {
            nonce = n.group(1);
        }
        hidden.put("primefaces.nonce", nonce);
        hidden.putAll(extra);
        String body = encodeForm(hidden) + (encodedFields.isEmpty() ? "" : "&" + encodedFields);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.replaceAll("/$", "") + target)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (expectContinue) {
            request.expectContinue(true);
        }
        lastPage = send(request);
        return lastPage;
    }

    private HttpResponse<String> lastPage;

    private String compose(String text) throws Exception {
        HttpResponse<String> answer = composeResponse(text);
        assertEquals(200, answer.statusCode(), abbreviated(answer.body()));
        return answer.body();
    }

    private HttpResponse<String> composeResponse(String text) throws Exception {
        return composeResponseRaw(enc(text));
    }

    private HttpResponse<String> composeResponseRaw(String encodedText) throws Exception {
        return submitEncoded("index.xhtml", get("index.xhtml").body(), "composer", "composer%3Atext=" + encodedText, "composer:publish", Map.of(), false);
    }

    /** The error page, with the status given and the reason in the reader's language. */
    private void refusedPage(HttpResponse<String> response, int status, String why) {
        assertEquals(status, response.statusCode(), abbreviated(response.body()));
        assertNoLeak(response.body());
        Matcher reason = Pattern.compile("id=\"error-reason\"[^>]*>([^<]*)<").matcher(response.body());
        assertTrue(reason.find(), "the error page says why: " + abbreviated(response.body()));
        assertTrue(unescape(reason.group(1)).contains(why), "\"" + why + "\" (" + language + "): " + reason.group(1));
    }

    private static String problem(String page, String form) {
        Matcher m = Pattern.compile("id=\"" + form + ":problem\"[^>]*>([^<]*)<|class=\"field-error\"[^>]*>([^<]*)<").matcher(page);
        return m.find() ? "the page says: " + (m.group(1) != null ? m.group(1) : m.group(2)) : "no message on the page";
    }

    private static String text(String html) {
        return unescape(html);
    }

    private static String unescape(String s) {
        return s.replace("&#39;", "'").replace("&#039;", "'").replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#xa0;", "\u00a0").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }

    private static String encodeForm(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }
}
