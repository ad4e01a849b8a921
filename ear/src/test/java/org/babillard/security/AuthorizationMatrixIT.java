package org.babillard.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.babillard.it.Deployments;
import org.babillard.it.Images;
import org.babillard.it.TestDirectory;
import org.babillard.it.WebSession;
import org.babillard.mail.MailBox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.babillard.it.WebSession.enc;
import static org.babillard.it.WebSession.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorization matrix of the social core (ChannelsIT, at the boundaries) carried over to every later feature
 * and checked as a caller meets it, over HTTP with real sessions and tokens: one post of each kind (company-wide,
 * in an open announcement channel, in a private channel, with a picture in the private channel, a notebook entry,
 * a post for the people mentioned, a deleted one, a hidden one) against each kind of reader (its author, a member
 * of the private channel who is also the one mentioned, a colleague outside, an administrator outside, a member who
 * left the channel, a member who left the company, nobody logged in) through the pages, the Mastodon API with its
 * scopes, search, the Atom feeds, the files and the mails. Each surface is one table; all are compared at once, so
 * that a failure shows the whole picture. What each cell means is written above its table.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    enum Reader { AUTHOR, MEMBER, OUTSIDER, ADMIN, LEFT, FORMER, ANONYMOUS }

    enum Kind { PUBLIC, ANNOUNCE, PRIVATE, ATTACHED, NOTE, MENTION, DELETED, HIDDEN }

    private static final String ADMIN = "nadia.benali";
    private static final String PEOPLE = "ou=people,dc=babillard,dc=example";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String tag = "authz" + run;
    /** A topic only the restricted posts carry: its very name must not reach anyone outside. */
    private final String hush = "hush" + run;
    private final Map<Reader, String> users = new EnumMap<>(Reader.class);
    private final Map<Reader, WebSession> sessions = new EnumMap<>(Reader.class);
    private final Map<Reader, String> tokens = new EnumMap<>(Reader.class);
    private final Map<Reader, String> feeds = new EnumMap<>(Reader.class);
    private final Map<Kind, String> ids = new EnumMap<>(Kind.class);
    private String secretSlug;
    private String secretId;
    private String newsSlug;
    private String newsId;
    private String media;
    private String poll;

    @Test
    void everySurfaceShowsEachPostToThoseWhoMayReadItAndToNobodyElse() throws Exception {
        people();
        channels();
        posts();
        leave();
        awaitSearch();

        // Pages, one letter each: the post's page (p), its channel's page (c; "." for a post in no channel), its
        // author's profile (u), the topic's page (t). A letter: shown; "-": the page answers without it; "x": the
        // page answers 404 (without its text); "L": the login page; "!": refused, but the text is in the answer.
        Map<Reader, Map<String, HttpResponse<String>>> pages = new EnumMap<>(Reader.class);
        for (Reader r : Reader.values()) {
            WebSession s = sessions.get(r);
            pages.put(r, Map.of("u", s.get("person.xhtml?u=" + users.get(Reader.AUTHOR)), "t", s.get("topic.xhtml?t=" + tag),
                    secretSlug, s.get("channel.xhtml?c=" + secretSlug), newsSlug, s.get("channel.xhtml?c=" + newsSlug)));
        }
        kinds("pages: post p, channel c, profile u, topic t", """
                PUBLIC    p.ut p.ut p.ut p.ut p.ut L.LL L.LL
                ANNOUNCE  pcut pcut pcut pcut pcut LLLL LLLL
                PRIVATE   pcut pcut xx-- x--- xx-- LLLL LLLL
                ATTACHED  pcut pcut xx-- x--- xx-- LLLL LLLL
                NOTE      p.ut x.-- x.-- x.-- x.-- L.LL L.LL
                MENTION   p.ut p.ut x.-- x.-- x.-- L.LL L.LL
                DELETED   x.-- x.-- x.-- x.-- x.-- L.LL L.LL
                HIDDEN    x.-- x.-- x.-- p.-- x.-- L.LL L.LL
                """, (k, r) -> {
                    String marker = marker(k);
                    String channel = channelOf(k) == null ? "." : letter(pages.get(r).get(channelOf(k)), marker, 'c');
                    return letter(sessions.get(r).get("post.xhtml?id=" + ids.get(k)), marker, 'p') + channel
                            + letter(pages.get(r).get("u"), marker, 'u') + letter(pages.get(r).get("t"), marker, 't');
                });

        // The Mastodon API on one post: GET status, context, history, reblogged_by; one status code if all four
        // agree; "!": refused, but the text is in the answer.
        kinds("API: status, context, history, reblogged_by", """
                PUBLIC    200 200 200 200 200 401 401
                ANNOUNCE  200 200 200 200 200 401 401
                PRIVATE   200 200 404 404 404 401 401
                ATTACHED  200 200 404 404 404 401 401
                NOTE      200 404 404 404 404 401 401
                MENTION   200 200 404 404 404 401 401
                DELETED   404 404 404 404 404 401 401
                HIDDEN    404 404 404 200 404 401 401
                """, (k, r) -> {
                    List<String> codes = new ArrayList<>();
                    for (String path : List.of("", "/context", "/history", "/reblogged_by")) {
                        HttpResponse<String> answer = api(r, "api/v1/statuses/" + ids.get(k) + path);
                        codes.add(answer.statusCode() != 200 && answer.body().contains(marker(k)) ? "!" : String.valueOf(answer.statusCode()));
                    }
                    return codes.stream().distinct().count() == 1 ? codes.get(0) : String.join("/", codes);
                });

        // The API's lists: the company timeline (P), home (H), the topic (T), the author's statuses (A), the reader's
        // bookmarks (B: the member and the one who left bookmarked the private post), the channel as a list (l; "."
        // for a post in no channel). Letters as for the pages; "x": 401 or 404.
        Map<Reader, Map<String, HttpResponse<String>>> lists = new EnumMap<>(Reader.class);
        for (Reader r : Reader.values()) {
            lists.put(r, Map.of("P", api(r, "api/v1/timelines/public?limit=40"), "H", api(r, "api/v1/timelines/home?limit=40"),
                    "T", api(r, "api/v1/timelines/tag/" + tag + "?limit=40"),
                    "A", api(r, "api/v1/accounts/" + users.get(Reader.AUTHOR) + "/statuses?limit=40"),
                    "B", api(r, "api/v1/bookmarks?limit=40"),
                    secretSlug, api(r, "api/v1/timelines/list/" + secretId + "?limit=40"),
                    newsSlug, api(r, "api/v1/timelines/list/" + newsId + "?limit=40")));
        }
        kinds("API lists: public P, home H, tag T, account A, bookmarks B, list l", """
                PUBLIC    PHTA-. P-TA-. P-TA-. P-TA-. P-TA-. xxxxx. xxxxx.
                ANNOUNCE  PHTA-l P-TA-x P-TA-x P-TA-x P-TA-x xxxxxx xxxxxx
                PRIVATE   PHTA-l PHTABl -----x -----x -----x xxxxxx xxxxxx
                ATTACHED  PHTA-l PHTA-l -----x -----x -----x xxxxxx xxxxxx
                NOTE      PHTA-. -----. -----. -----. -----. xxxxx. xxxxx.
                MENTION   PHTA-. PHTA-. -----. -----. -----. xxxxx. xxxxx.
                DELETED   -----. -----. -----. -----. -----. xxxxx. xxxxx.
                HIDDEN    -----. -----. -----. -----. -----. xxxxx. xxxxx.
                """, (k, r) -> {
                    String id = statusId(k);
                    StringBuilder cell = new StringBuilder();
                    for (String what : List.of("P", "H", "T", "A", "B")) {
                        cell.append(letter(lists.get(r).get(what), id, what.charAt(0)));
                    }
                    return cell.append(channelOf(k) == null ? "." : letter(lists.get(r).get(channelOf(k)), id, 'l')).toString();
                });

        // The private post's poll, GET /api/v1/polls/:id: the status code.
        readers("the private post's poll", List.of("POLL"), """
                POLL      200 200 404 404 404 401 401
                """, (row, r) -> String.valueOf(api(r, "api/v1/polls/" + poll).statusCode()));

        // Search: the search page (S) and /api/v2/search (s), both asked for the topic every post carries.
        Map<Reader, HttpResponse<String>> searchPages = new EnumMap<>(Reader.class);
        Map<Reader, HttpResponse<String>> searchApi = new EnumMap<>(Reader.class);
        for (Reader r : Reader.values()) {
            searchPages.put(r, sessions.get(r).get("search.xhtml?q=" + enc("#" + tag)));
            searchApi.put(r, api(r, "api/v2/search?type=statuses&limit=40&q=" + enc("#" + tag)));
        }
        kinds("search: page S, API s", """
                PUBLIC    Ss Ss Ss Ss Ss Lx Lx
                ANNOUNCE  Ss Ss Ss Ss Ss Lx Lx
                PRIVATE   Ss Ss -- -- -- Lx Lx
                ATTACHED  Ss Ss -- -- -- Lx Lx
                NOTE      Ss -- -- -- -- Lx Lx
                MENTION   Ss Ss -- -- -- Lx Lx
                DELETED   -- -- -- -- -- Lx Lx
                HIDDEN    -- -- -- -- -- Lx Lx
                """, (k, r) -> letter(searchPages.get(r), marker(k), 'S') + letter(searchApi.get(r), statusId(k), 's'));
        // The topic only restricted posts carry: suggested as a hashtag by the API (h), its posts on the search page (g).
        readers("the restricted posts' topic: API hashtags h, search page g", List.of("HUSH"), """
                HUSH      hg hg -- -- -- xL xL
                """, (row, r) -> letter(api(r, "api/v2/search?type=hashtags&q=" + hush), "\"name\":\"" + hush + "\"", 'h')
                + letter(sessions.get(r).get("search.xhtml?q=" + enc("#" + hush)), marker(Kind.PRIVATE), 'g'));

        // Notifications: the API's (n) and the bell's page (N). PRIVATE mentions everyone but the author, MENTION
        // the member: only those who may read the post still have it.
        Map<Reader, HttpResponse<String>> bellApi = new EnumMap<>(Reader.class);
        Map<Reader, HttpResponse<String>> bellPage = new EnumMap<>(Reader.class);
        for (Reader r : Reader.values()) {
            bellApi.put(r, api(r, "api/v1/notifications?limit=40"));
            bellPage.put(r, sessions.get(r).get("notifications.xhtml"));
        }
        kinds("notifications: API n, page N", """
                PUBLIC    -- -- -- -- -- xL xL
                ANNOUNCE  -- -- -- -- -- xL xL
                PRIVATE   -- nN -- -- -- xL xL
                ATTACHED  -- -- -- -- -- xL xL
                NOTE      -- -- -- -- -- xL xL
                MENTION   -- nN -- -- -- xL xL
                DELETED   -- -- -- -- -- xL xL
                HIDDEN    -- -- -- -- -- xL xL
                """, (k, r) -> letter(bellApi.get(r), marker(k), 'n') + letter(bellPage.get(r), marker(k), 'N'));

        // Atom feeds, read with each reader's own feed token (nobody logged in: a made-up one): the author's (a),
        // the topic's (t), the channel's (c; "." for a post in no channel).
        Map<Reader, Map<String, HttpResponse<String>>> atom = new EnumMap<>(Reader.class);
        for (Reader r : Reader.values()) {
            WebSession s = sessions.get(r);
            String f = "feeds/" + feeds.get(r) + "/";
            atom.put(r, Map.of("a", s.get(f + "people/" + users.get(Reader.AUTHOR)), "t", s.get(f + "topics/" + tag),
                    secretSlug, s.get(f + "channels/" + secretSlug), newsSlug, s.get(f + "channels/" + newsSlug)));
        }
        kinds("feeds: author a, topic t, channel c", """
                PUBLIC    at. at. at. at. at. xx. xx.
                ANNOUNCE  atc atc atc atc atc xxx xxx
                PRIVATE   atc atc --x --x --x xxx xxx
                ATTACHED  atc atc --x --x --x xxx xxx
                NOTE      --. --. --. --. --. xx. xx.
                MENTION   at. at. --. --. --. xx. xx.
                DELETED   --. --. --. --. --. xx. xx.
                HIDDEN    --. --. --. --. --. xx. xx.
                """, (k, r) -> letter(atom.get(r).get("a"), marker(k), 'a') + letter(atom.get(r).get("t"), marker(k), 't')
                + (channelOf(k) == null ? "." : letter(atom.get(r).get(channelOf(k)), marker(k), 'c')));

        // The private channel's picture: its page address and thumbnail with the reader's session, the API's file,
        // thumbnail and media record with the reader's token. Y: the file (200); L: the login page; else the status.
        readers("the private channel's picture", List.of("PAGE_FILE", "PAGE_THUMBNAIL", "API_FILE", "API_THUMBNAIL", "API_MEDIA"), """
                PAGE_FILE       Y Y 404 404 404 L L
                PAGE_THUMBNAIL  Y Y 404 404 404 L L
                API_FILE        Y Y 404 404 404 401 401
                API_THUMBNAIL   Y Y 404 404 404 401 401
                API_MEDIA       Y 404 404 404 404 401 401
                """, (way, r) -> {
                    String path = switch (way) {
                        case "PAGE_FILE" -> "attachments/" + media;
                        case "PAGE_THUMBNAIL" -> "attachments/" + media + "/thumbnail";
                        case "API_FILE" -> "api/v1/media/" + media + "/file";
                        case "API_THUMBNAIL" -> "api/v1/media/" + media + "/thumbnail";
                        default -> "api/v1/media/" + media;
                    };
                    HttpResponse<byte[]> answer = sessions.get(r).bytes(path, way.startsWith("API") ? tokens.get(r) : null);
                    if (new String(answer.body(), StandardCharsets.ISO_8859_1).contains("id=\"login:username\"")) {
                        return "L";
                    }
                    return answer.statusCode() == 200 ? "Y" : String.valueOf(answer.statusCode());
                });

        // Tokens and scopes, all the author's but the former employee's: the status codes of reading a status,
        // posting one, favouriting one, reading one's bookmarks, reading the picture.
        Map<String, String> scoped = scopeTokens();
        table("tokens: read, post, favourite, bookmarks, file", List.copyOf(scoped.keySet()), """
                READ        200 403 403 200 200
                WRITE       403 200 200 403 403
                READ_WRITE  200 200 200 200 200
                REVOKED     401 401 401 401 401
                FORMER      401 401 401 401 401
                NONE        401 401 401 401 401
                MADE_UP     401 401 401 401 401
                """, row -> scopeCells(scoped.get(row)));

        // Mails: how many of each reader's mails hold the post's text. PRIVATE mentions the member, the outsider,
        // the administrator and the two who leave later, before they leave; AFTER (in the private channel too) the
        // same people after they left; MENTION is for the member alone; CONTROL, company-wide, mentions everyone
        // but the administrator, after all the others (the mails before it have gone by then).
        readers("mails holding the post's text", List.of("PRIVATE", "AFTER", "MENTION", "NOTE", "CONTROL"), """
                PRIVATE   0 1 0 0 1 1 .
                AFTER     0 1 0 0 0 0 .
                MENTION   0 1 0 0 0 0 .
                NOTE      0 0 0 0 0 0 .
                CONTROL   0 1 1 0 1 0 .
                """, (row, r) -> r == Reader.ANONYMOUS ? "." : String.valueOf(mailsHolding(r, switch (row) {
                    case "AFTER" -> "after" + run;
                    case "CONTROL" -> "control" + run;
                    default -> marker(Kind.valueOf(row));
                })));

        assertEquals(String.join("\n\n", expected.entrySet().stream().map(e -> e.getKey() + "\n" + e.getValue()).toList()),
                String.join("\n\n", actual.entrySet().stream().map(e -> e.getKey() + "\n" + e.getValue()).toList()),
                "columns: " + List.of(Reader.values()) + "; run " + run);
    }

    // ---------------------------------------------------------------- the fixture

    /** Five people of this run in the directory, the administrator from the demo company; each logs in. */
    private void people() throws Exception {
        try (LdapNetworkConnection directory = TestDirectory.admin()) {
            for (Reader r : List.of(Reader.AUTHOR, Reader.MEMBER, Reader.OUTSIDER, Reader.LEFT, Reader.FORMER)) {
                String uid = "authz." + r.name().toLowerCase() + "." + run;
                String name = "Authz " + r.name().charAt(0) + r.name().substring(1).toLowerCase();
                directory.add(new DefaultEntry("uid=" + uid + "," + PEOPLE, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name,
                        "sn: " + r.name(), "displayName: " + name, "mail: " + uid + "@babillard.example", "userPassword: demo"));
                users.put(r, uid);
            }
        }
        users.put(Reader.ADMIN, ADMIN);
        users.put(Reader.ANONYMOUS, "nobody");
        for (Reader r : Reader.values()) {
            WebSession session = new WebSession();
            sessions.put(r, session);
            if (r == Reader.ANONYMOUS) {
                feeds.put(r, "x".repeat(43));
                continue;
            }
            session.logIn(users.get(r), "demo");
            tokens.put(r, session.token("read write").value());
            HttpResponse<String> settings = session.get("mail-settings.xhtml");
            if (settings.body().contains("name=\"feeds:create\"")) {
                settings = session.click(settings, "feeds:create", Map.of());
            }
            Matcher feed = Pattern.compile("id=\"feed-example\">[^<]*/feeds/([^/<]+)/").matcher(settings.body());
            assertTrue(feed.find(), "a feed address for " + r);
            feeds.put(r, feed.group(1));
        }
    }

    /**
     * The author makes a private channel and an open announcement channel on the channels page; the member and the
     * two who will leave are invited through the API's lists, and accept on the channel's page.
     */
    private void channels() throws Exception {
        WebSession author = sessions.get(Reader.AUTHOR);
        secretSlug = create(author, "Authz secret " + run, "true", Map.of());
        newsSlug = create(author, "Authz news " + run, "false", Map.of("create:announcements", "true"));
        JsonArray mine = jsonArray(api(Reader.AUTHOR, "api/v1/lists").body());
        for (JsonValue v : mine) {
            JsonObject list = (JsonObject) v;
            if (list.getString("title").equals("Authz secret " + run)) {
                secretId = list.getString("id");
            } else if (list.getString("title").equals("Authz news " + run)) {
                newsId = list.getString("id");
            }
        }
        assertTrue(secretId != null && newsId != null, "both channels are the author's lists: " + mine);
        String invited = List.of(Reader.MEMBER, Reader.LEFT, Reader.FORMER).stream().map(r -> "account_ids[]=" + users.get(r))
                .collect(Collectors.joining("&"));
        assertEquals(200, author.form("api/v1/lists/" + secretId + "/accounts", tokens.get(Reader.AUTHOR), invited).statusCode());
        for (Reader r : List.of(Reader.MEMBER, Reader.LEFT, Reader.FORMER)) {
            WebSession s = sessions.get(r);
            s.click(s.get("channel.xhtml?c=" + secretSlug), "membership:accept", Map.of());
            assertEquals(200, api(r, "api/v1/timelines/list/" + secretId).statusCode(), r + " is a member");
        }
    }

    private String create(WebSession author, String name, String isPrivate, Map<String, String> more) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("create:name", name, "create:description", "", "create:access", isPrivate));
        fields.putAll(more);
        HttpResponse<String> created = author.click(author.get("channels.xhtml"), "create:submit", fields);
        Matcher slug = Pattern.compile("[?&]c=([^&]+)").matcher(created.uri().toString());
        assertTrue(slug.find(), "the new channel's page: " + created.uri());
        return slug.group(1);
    }

    /** The author's posts, one of each kind; the deleted one deleted, the hidden one hidden by the administrator. */
    private void posts() throws Exception {
        String everyone = "@" + users.get(Reader.MEMBER) + " @" + users.get(Reader.OUTSIDER) + " @" + ADMIN + " @" + users.get(Reader.LEFT)
                + " @" + users.get(Reader.FORMER);
        ids.put(Kind.PUBLIC, post(Kind.PUBLIC, ""));
        ids.put(Kind.ANNOUNCE, post(Kind.ANNOUNCE, "&channel_id=" + newsId));
        ids.put(Kind.PRIVATE, post(Kind.PRIVATE, "&channel_id=" + secretId + "&poll[options][]=yes&poll[options][]=no",
                "#" + hush + " " + everyone));
        poll = json(api(Reader.AUTHOR, "api/v1/statuses/" + ids.get(Kind.PRIVATE)).body()).getJsonObject("poll").getString("id");
        // The member and the one who will leave keep it; a bookmark is no way back in.
        for (Reader r : List.of(Reader.MEMBER, Reader.LEFT)) {
            assertEquals(200, sessions.get(r).api("POST", "api/v1/statuses/" + ids.get(Kind.PRIVATE) + "/bookmark", tokens.get(r)).statusCode());
        }
        WebSession author = sessions.get(Reader.AUTHOR);
        String boundary = "b" + run;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"secret.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Images.png(600, 300));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = author.api("POST", "api/v2/media", tokens.get(Reader.AUTHOR), "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        media = json(uploaded.body()).getString("id");
        ids.put(Kind.ATTACHED, post(Kind.ATTACHED, "&channel_id=" + secretId + "&media_ids[]=" + media, "#" + hush));
        ids.put(Kind.NOTE, post(Kind.NOTE, "&visibility=direct", "#" + hush));
        ids.put(Kind.MENTION, post(Kind.MENTION, "&visibility=direct", "#" + hush + " @" + users.get(Reader.MEMBER)));
        ids.put(Kind.DELETED, post(Kind.DELETED, ""));
        assertEquals(200, author.api("DELETE", "api/v1/statuses/" + ids.get(Kind.DELETED), tokens.get(Reader.AUTHOR)).statusCode());
        ids.put(Kind.HIDDEN, post(Kind.HIDDEN, ""));
        // A member who is no moderator sends the "hide" button the page did not give them, with the one it gave:
        // the post stays, and the button shown does its own work (the share box opens).
        WebSession member = sessions.get(Reader.MEMBER);
        HttpResponse<String> theirs = member.get("post.xhtml?id=" + ids.get(Kind.HIDDEN));
        Matcher share = Pattern.compile("name=\"([^\"]*:post):share\"").matcher(theirs.body());
        assertTrue(share.find(), "the member may share the post");
        assertFalse(theirs.body().contains(share.group(1) + ":hide"), "the member is offered no hide button");
        HttpResponse<String> forged = member.click(theirs, share.group(1) + ":share", Map.of(share.group(1) + ":hide", ""));
        assertTrue(forged.body().contains("postDialogs:shareComment"), "the share box opens");
        assertEquals(200, api(Reader.AUTHOR, "api/v1/statuses/" + ids.get(Kind.HIDDEN)).statusCode(), "a forged hide hides nothing");
        WebSession admin = sessions.get(Reader.ADMIN);
        HttpResponse<String> page = admin.get("post.xhtml?id=" + ids.get(Kind.HIDDEN));
        Matcher hide = Pattern.compile("name=\"([^\"]*:hide)\"").matcher(page.body());
        assertTrue(hide.find(), "the administrator may hide the post");
        admin.click(page, hide.group(1), Map.of());
        assertEquals(404, api(Reader.AUTHOR, "api/v1/statuses/" + ids.get(Kind.HIDDEN)).statusCode(), "hidden");
        // The mails of the posts before anyone leaves have gone once the member has them.
        awaitMail(Reader.MEMBER, marker(Kind.PRIVATE));
        awaitMail(Reader.LEFT, marker(Kind.PRIVATE));
        awaitMail(Reader.FORMER, marker(Kind.PRIVATE));
        awaitMail(Reader.MEMBER, marker(Kind.MENTION));
    }

    private String post(Kind kind, String form, String... more) throws Exception {
        String text = "Authz " + marker(kind) + " #" + tag + " " + String.join(" ", more);
        HttpResponse<String> posted = sessions.get(Reader.AUTHOR).form("api/v1/statuses", tokens.get(Reader.AUTHOR),
                "status=" + enc(text) + form);
        assertEquals(200, posted.statusCode(), kind + ": " + posted.body());
        return json(posted.body()).getString("id");
    }

    /**
     * One member leaves the private channel on its page; another leaves the company: the directory no longer has
     * them and the administrator runs the sync. Then the author writes in the channel again, and to everyone.
     */
    private void leave() throws Exception {
        WebSession left = sessions.get(Reader.LEFT);
        left.click(left.get("channel.xhtml?c=" + secretSlug), "membership:leave", Map.of());
        assertEquals(404, api(Reader.LEFT, "api/v1/timelines/list/" + secretId).statusCode(), "no longer a member");
        try (LdapNetworkConnection directory = TestDirectory.admin()) {
            directory.delete("uid=" + users.get(Reader.FORMER) + "," + PEOPLE);
        }
        WebSession admin = sessions.get(Reader.ADMIN);
        admin.click(admin.get("admin/directory.xhtml"), "sync:now", Map.of());
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (api(Reader.FORMER, "api/v1/accounts/verify_credentials").statusCode() != 401) {
            assertTrue(Instant.now().isBefore(giveUp), "the sync makes the former employee's token worthless");
            Thread.sleep(300);
        }

        String everyone = "@" + users.get(Reader.MEMBER) + " @" + users.get(Reader.OUTSIDER) + " @" + ADMIN + " @" + users.get(Reader.LEFT)
                + " @" + users.get(Reader.FORMER);
        post(null, "&channel_id=" + secretId, "after" + run + " " + everyone);
        awaitMail(Reader.MEMBER, "after" + run);
        post(null, "", "control" + run + " " + everyone.replace(" @" + ADMIN, ""));
        for (Reader r : List.of(Reader.MEMBER, Reader.OUTSIDER, Reader.LEFT)) {
            awaitMail(r, "control" + run);
        }
    }

    /** Search is fresh within seconds: waits until the author finds all the posts she may read. */
    private void awaitSearch() throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        List<Kind> readable = List.of(Kind.PUBLIC, Kind.ANNOUNCE, Kind.PRIVATE, Kind.ATTACHED, Kind.NOTE, Kind.MENTION);
        while (true) {
            String found = api(Reader.AUTHOR, "api/v2/search?type=statuses&limit=40&q=" + enc("#" + tag)).body();
            if (readable.stream().allMatch(k -> found.contains(statusId(k)))) {
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("search never found all the author's posts: " + found);
            }
            Thread.sleep(300);
        }
    }

    // ---------------------------------------------------------------- the cells

    /** Tokens of the author's with each scope, one revoked, the former employee's, none and a made-up one. */
    private Map<String, String> scopeTokens() throws Exception {
        WebSession author = sessions.get(Reader.AUTHOR);
        Map<String, String> t = new LinkedHashMap<>();
        t.put("READ", author.token("read").value());
        t.put("WRITE", author.token("write").value());
        t.put("READ_WRITE", author.token("read write").value());
        WebSession.Token revoked = author.token("read write");
        assertEquals(200, author.form("oauth/revoke", null, "token=" + revoked.value() + "&client_id=" + revoked.clientId()
                + "&client_secret=" + revoked.clientSecret()).statusCode());
        t.put("REVOKED", revoked.value());
        t.put("FORMER", tokens.get(Reader.FORMER));
        t.put("NONE", null);
        t.put("MADE_UP", "made-up-" + run);
        return t;
    }

    private String scopeCells(String token) throws Exception {
        WebSession s = sessions.get(Reader.ANONYMOUS);
        String pub = ids.get(Kind.PUBLIC);
        return String.join(" ",
                String.valueOf(s.api("GET", "api/v1/statuses/" + pub, token).statusCode()),
                String.valueOf(s.form("api/v1/statuses", token, "status=" + enc("Scopes " + run)).statusCode()),
                String.valueOf(s.api("POST", "api/v1/statuses/" + pub + "/favourite", token).statusCode()),
                String.valueOf(s.api("GET", "api/v1/bookmarks", token).statusCode()),
                String.valueOf(s.bytes("api/v1/media/" + media + "/file", token).statusCode()));
    }

    private long mailsHolding(Reader r, String marker) throws Exception {
        long n = 0;
        for (MimeMessage m : MailBox.read(users.get(r) + "@babillard.example")) {
            String text;
            try {
                text = MailBox.part(m, "text/plain");
            } catch (AssertionError | ClassCastException noText) {
                text = "";
            }
            if ((m.getSubject() + text).contains(marker)) {
                n++;
            }
        }
        return n;
    }

    private void awaitMail(Reader r, String marker) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (mailsHolding(r, marker) == 0) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("no mail holding " + marker + " for " + r);
            }
            Thread.sleep(300);
        }
    }

    /** A page's letter: shown, answered without it, refused, the login page, or refused with the text inside. */
    private static String letter(HttpResponse<String> answer, String text, char shown) {
        boolean has = answer.body().contains(text);
        if (WebSession.isLoginPage(answer)) {
            return has ? "!" : "L";
        }
        if (answer.statusCode() == 200) {
            return has ? String.valueOf(shown) : "-";
        }
        return has ? "!" : "x";
    }

    private HttpResponse<String> api(Reader r, String path) {
        try {
            return sessions.get(r).api("GET", path, tokens.get(r));
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private String marker(Kind kind) {
        return kind == null ? "" : kind.name().toLowerCase() + run;
    }

    /** How a status of this kind begins in the API's JSON (a poll's id is its post's: "created_at" tells them apart). */
    private String statusId(Kind k) {
        return "\"id\":\"" + ids.get(k) + "\",\"created_at\"";
    }

    private String channelOf(Kind k) {
        return switch (k) {
            case ANNOUNCE -> newsSlug;
            case PRIVATE, ATTACHED -> secretSlug;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- the tables

    interface KindCell {
        String of(Kind kind, Reader reader) throws Exception;
    }

    interface ReaderCell {
        String of(String row, Reader reader) throws Exception;
    }

    interface Line {
        String of(String row) throws Exception;
    }

    private final Map<String, String> expected = new LinkedHashMap<>();
    private final Map<String, String> actual = new LinkedHashMap<>();

    /** A table of the post kinds against the readers. */
    private void kinds(String title, String expectedTable, KindCell cell) throws Exception {
        readers(title, java.util.Arrays.stream(Kind.values()).map(Kind::name).toList(), expectedTable, (row, r) -> cell.of(Kind.valueOf(row), r));
    }

    /** A table of the rows given against the readers. */
    private void readers(String title, List<String> rows, String expectedTable, ReaderCell cell) throws Exception {
        table(title, rows, expectedTable, row -> {
            List<String> cells = new ArrayList<>();
            for (Reader r : Reader.values()) {
                cells.add(cell.of(row, r));
            }
            return String.join(" ", cells);
        });
    }

    /** Keeps a table as expected and as found; the test compares them all at its end. */
    private void table(String title, List<String> rows, String expectedTable, Line line) throws Exception {
        expected.put(title, expectedTable.strip().lines().map(l -> l.strip().replaceAll("\\s+", " ")).collect(Collectors.joining("\n")));
        List<String> found = new ArrayList<>();
        for (String row : rows) {
            found.add(row + " " + line.of(row));
        }
        actual.put(title, String.join("\n", found));
    }

    private static JsonArray jsonArray(String body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readArray();
    }
}
