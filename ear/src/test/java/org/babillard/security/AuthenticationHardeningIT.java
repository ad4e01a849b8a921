package org.babillard.security;

import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.babillard.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authentication matrix of issue 10, over HTTP against the real directory (the embedded one, or OpenLDAP in
 * CI's second pass), through every door that takes a password: the login page, and the login an application's
 * consent page (OAuth) sends the employee to. The API itself takes no password (tokens only): that is checked too.
 *
 * <p>Each simulated browser comes from a loopback address of its own (127.x.y.z): the login throttle counts per
 * address, so this class's hundreds of refused logins never hold the address other tests log in from, and the
 * throttle can be tested from "another computer". The people it needs are added to the directory by its
 * administrator, as DirectorySyncIT does, with names of this run only, and removed at the end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticationHardeningIT {

    private static final String ADMIN_DN = "cn=admin,dc=babillard,dc=example";
    private static final String ADMIN_PASSWORD = "admin-only-for-this-test-server";
    private static final String PEOPLE = "ou=people,dc=babillard,dc=example";
    private static final String HR_GROUP = "cn=hr,ou=groups,dc=babillard,dc=example";
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    /** A password with accents both composed (è) and decomposed (û, é), a symbol, an emoji and spaces around it. */
    private static final String UNICODE_PASSWORD = "  Cr\u00e8me bru\u0302le\u0301e \u2615 \uD83D\uDE00  ";
    private static final String UNICODE_USER = "it.unicode." + RUN;
    /** Someone in HR, whom a colleague tries to lock out. */
    private static final String HR_USER = "it.hr." + RUN;
    private static final String HR_PASSWORD = "Ressources-humaines-" + RUN;
    /** A directory entry without any password (as service or disabled accounts often are). */
    private static final String NO_PASSWORD_USER = "it.nopassword." + RUN;

    private static final String INVALID_EN = "Invalid username or password.";
    private static final String INVALID_FR = "Nom d'utilisateur ou mot de passe incorrect.";

    private static final URI BASE = URI.create(System.getProperty("babillard.it.url", "http://127.0.0.1:8180/"));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static String clientId;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @BeforeAll
    static void addPeopleToTheDirectory() throws Exception {
        try (LdapNetworkConnection admin = admin()) {
            admin.add(person(UNICODE_USER, "Unicode Tester", UNICODE_PASSWORD));
            admin.add(person(HR_USER, "Hana Rousseau", HR_PASSWORD));
            admin.modify(HR_GROUP, new DefaultModification(ModificationOperation.ADD_ATTRIBUTE, "member", dn(HR_USER)));
            admin.add(person(NO_PASSWORD_USER, "Nora Nopass", null));
        }
    }

    @AfterAll
    static void removeThem() throws Exception {
        try (LdapNetworkConnection admin = admin()) {
            if (admin.lookup(HR_GROUP, "member").contains("member", dn(HR_USER))) {
                admin.modify(HR_GROUP, new DefaultModification(ModificationOperation.REMOVE_ATTRIBUTE, "member", dn(HR_USER)));
            }
            for (String user : List.of(UNICODE_USER, HR_USER, NO_PASSWORD_USER)) {
                if (admin.exists(dn(user))) {
                    admin.delete(dn(user));
                }
            }
        }
    }

    /** How the employee reaches the login form. */
    enum Door {
        LOGIN_PAGE, OAUTH_CONSENT
    }

    // ---------------------------------------------------------------------------------------------------------
    // Names carrying LDAP filter and DN syntax

    @Test
    void namesCarryingFilterOrDnSyntaxLogNobodyInAndGetAClearMessage() throws Exception {
        // Every demo employee's password is "demo": a name that widened the directory search to one person, or that
        // was taken for a DN to bind with, would log someone in here.
        List<String> names = List.of(
                "*", "camille.duran*", "*amille.durand", "camille.durand)(objectClass=*", "*)(uid=*))(|(uid=*",
                "camille.durand)(|(uid=*", "(uid=camille.durand)", "camille.durand\\", "\\2a", "camille.durand\u0000",
                "camille.durand\u0000)(uid=*",
                "uid=camille.durand," + PEOPLE, "uid=camille.durand", "camille.durand,ou=people", "camille.durand+cn=x",
                "camille.durand=", "\"camille.durand\"", "<camille.durand>", "camille.durand;", "#camille.durand",
                "#04", "camille.durand\\,ou=people", "<b>camille</b>\"'&",
                ADMIN_DN, "cn=babillard,ou=services,dc=babillard,dc=example",
                ",", "+", "=", "\"", "<", ">", ";", "\\", "(", ")", "#", "\u0000");
        int i = 0;
        for (String name : names) {
            String language = i++ % 2 == 0 ? "en" : "fr";
            Browser browser = new Browser(language);
            Answer refused = attempt(browser, Door.LOGIN_PAGE, name, "demo");
            if (name.indexOf('\u0000') >= 0) {
                // A NUL in any form is refused before any page reads it (WebHardening, docs/security.md "Bad input"):
                // 400 and the error page saying so in the reader's language.
                assertClean(refused);
                assertEquals(400, refused.status(), printable(name));
                assertTrue(text(refused).contains(language.equals("fr") ? "caractère NUL" : "NUL character"),
                        printable(name) + ": " + text(refused).substring(0, Math.min(400, text(refused).length())));
            } else {
                assertRefused(refused, language, name);
            }
            if (name.length() > 1) {
                // (The refusal says so already; the names that are more than one character are checked twice.)
                assertFalse(browser.loggedIn(), "nobody logged in with the name " + printable(name));
            }
        }
        // The directory's administrator and Babillard's service account, with their real passwords: their DNs are
        // never bound with, because Babillard binds only as an entry its user search found.
        for (String[] dnAndPassword : new String[][]{{ADMIN_DN, ADMIN_PASSWORD},
                {"cn=babillard,ou=services,dc=babillard,dc=example", "babillard-service"}}) {
            for (Door door : Door.values()) {
                Browser browser = new Browser("en");
                assertRefused(attempt(browser, door, dnAndPassword[0], dnAndPassword[1]), "en", dnAndPassword[0]);
                assertFalse(browser.loggedIn());
            }
        }
        // The same widening names through the door an application's consent page opens.
        for (String name : List.of("camille.duran*", "*)(uid=*))(|(uid=*", "camille.durand)(objectClass=*", "uid=camille.durand," + PEOPLE)) {
            Browser browser = new Browser("fr");
            assertRefused(attempt(browser, Door.OAUTH_CONSENT, name, "demo"), "fr", name);
            assertFalse(browser.loggedIn());
        }
    }

    @Test
    void spacesAroundANameAreAStrayKeyNotAnotherPerson() throws Exception {
        // The name (never the password) is matched as the directory matches it: without the spaces around it, in
        // any case. So "  Camille.Durand " is Camille, with Camille's password only.
        Browser wrong = new Browser("en");
        assertRefused(attempt(wrong, Door.LOGIN_PAGE, "  Camille.Durand ", "not-demo"), "en", "spaces");
        Browser right = new Browser("en");
        attempt(right, Door.LOGIN_PAGE, "  Camille.Durand ", "demo");
        assertEquals("camille.durand", right.whoAmI());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Blank passwords, anonymous and unauthenticated binds

    @Test
    void blankPasswordsAreRefusedAndNeverBecomeAnUnauthenticatedBind() throws Exception {
        // An empty password with a DN is an LDAP "unauthenticated bind", which many directories accept (Active
        // Directory among them): Babillard must refuse it before the directory sees it. The entry without any
        // password is the case where a lenient directory would let it through.
        for (Door door : Door.values()) {
            for (String user : door == Door.LOGIN_PAGE ? List.of("camille.durand", NO_PASSWORD_USER, "uid=camille.durand," + PEOPLE)
                    : List.of(NO_PASSWORD_USER)) {
                Browser empty = new Browser("fr");
                Answer answer = attempt(empty, door, user, "");
                assertClean(answer);
                assertTrue(text(answer).contains("Saisissez votre mot de passe."), "the empty password is asked for: " + user);
                assertFalse(empty.loggedIn());
                for (String blank : List.of(" ", "   ", "\t", " \t\r\n ", "\u2003")) {
                    Browser browser = new Browser("en");
                    assertRefused(attempt(browser, door, user, blank), "en", user + " with a blank password");
                    assertFalse(browser.loggedIn(), user + " with a blank password");
                }
            }
        }
        // The entry without a password refuses every password, too.
        Browser any = new Browser("en");
        assertRefused(attempt(any, Door.LOGIN_PAGE, NO_PASSWORD_USER, "demo"), "en", NO_PASSWORD_USER);
        assertFalse(any.loggedIn());
    }

    @Test
    void nobodyLogsInThroughAnAnonymousBind() throws Exception {
        // An empty name with an empty password would be an anonymous bind, which every directory accepts.
        for (Door door : Door.values()) {
            Browser browser = new Browser("en");
            Answer answer = attempt(browser, door, "", "");
            assertClean(answer);
            assertTrue(text(answer).contains("Enter your username.") && text(answer).contains("Enter your password."), text(answer));
            assertFalse(browser.loggedIn());
            for (String[] nameAndPassword : new String[][]{{" ", " "}, {" ", "demo"}, {"\t", "x"}, {"anonymous", " "}, {"", "demo"}}) {
                Browser b = new Browser("fr");
                Answer a = attempt(b, door, nameAndPassword[0], nameAndPassword[1]);
                assertClean(a);
                assertTrue(text(a).contains(INVALID_FR) || text(a).contains("Saisissez votre nom d'utilisateur."), text(a));
                assertFalse(b.loggedIn());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Very long passwords and names

    @Test
    void veryLongPasswordsAndNamesAreRefusedCleanlyAndQuickly() throws Exception {
        for (int length : new int[]{513, 1024, 10 * 1024, 100 * 1024}) {
            for (String language : List.of("en", "fr")) {
                Browser browser = new Browser(language);
                Instant start = Instant.now();
                Answer answer = attempt(browser, Door.LOGIN_PAGE, "camille.durand", "d".repeat(length));
                assertClean(answer);
                assertTrue(text(answer).contains(language.equals("en") ? "This password is too long" : "Ce mot de passe est trop long"),
                        length + " characters, " + language + ": " + text(answer));
                assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30, "no hang");
                assertFalse(browser.loggedIn());
            }
        }
        Browser longName = new Browser("en");
        Answer name = attempt(longName, Door.LOGIN_PAGE, "camille.durand" + "x".repeat(300), "demo");
        assertClean(name);
        assertTrue(text(name).contains("This username is too long"), text(name));

        // Longest accepted: 512 characters, a wrong password like any other.
        Browser longest = new Browser("en");
        assertRefused(attempt(longest, Door.LOGIN_PAGE, "camille.durand", "d".repeat(512)), "en", "512 characters");

        // A form larger than Babillard reads (2 MB), in both languages: 413 and one sentence, nothing read.
        for (String language : List.of("en", "fr")) {
            Browser large = new Browser(language);
            Answer page = large.get("/login.xhtml");
            Instant start = Instant.now();
            Answer tooLarge = large.post(action(page), form(page, "camille.durand", "d".repeat(3 * 1024 * 1024))
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(413, tooLarge.status(), "a form larger than Babillard reads: " + text(tooLarge));
            assertTrue(text(tooLarge).contains(language.equals("en") ? "too large for Babillard" : "trop volumineux pour Babillard"),
                    text(tooLarge));
            assertNoStackTrace(tooLarge);
            assertTrue(Duration.between(start, Instant.now()).toSeconds() < 60, "no hang");
            assertFalse(large.loggedIn());
        }
        // Larger than the server takes at all (WildFly's max-post-size, 10 MB): the server's own 4xx, never a 500.
        Browser huge = new Browser("en");
        Answer page = huge.get("/login.xhtml");
        Instant start = Instant.now();
        Answer refused = huge.post(action(page), form(page, "camille.durand", "d".repeat(11 * 1024 * 1024))
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(refused.status() >= 400 && refused.status() < 500, "a form larger than the server takes: " + refused.status());
        assertNoStackTrace(refused);
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 60, "no hang");
        assertFalse(huge.loggedIn());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Unicode passwords, byte for byte

    @Test
    void aUnicodePasswordLogsInExactlyAsTypedNeverNormalisedNorTrimmed() throws Exception {
        String nfc = Normalizer.normalize(UNICODE_PASSWORD, Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(UNICODE_PASSWORD, Normalizer.Form.NFD);
        assertNotEquals(UNICODE_PASSWORD, nfc);
        assertNotEquals(UNICODE_PASSWORD, nfd);
        for (String other : List.of(nfc, nfd, UNICODE_PASSWORD.strip(), UNICODE_PASSWORD.stripLeading(),
                UNICODE_PASSWORD.stripTrailing(), UNICODE_PASSWORD.replace("\uD83D\uDE00", "\uD83D\uDE01"),
                UNICODE_PASSWORD.toUpperCase(Locale.ROOT))) {
            Browser browser = new Browser("fr");
            assertRefused(attempt(browser, Door.LOGIN_PAGE, UNICODE_USER, other), "fr", "another form of the password");
            assertFalse(browser.loggedIn(), "another form of the password: " + other.codePoints()
                    .mapToObj(c -> String.format("U+%04X", c)).collect(Collectors.joining(" ")));
        }
        for (Door door : Door.values()) {
            Browser browser = new Browser("fr");
            Answer answer = attempt(browser, door, UNICODE_USER, UNICODE_PASSWORD);
            if (door == Door.OAUTH_CONSENT) {
                assertTrue(answer.body().contains("id=\"oauth-title\""), "the exact password leads to the consent page");
            }
            assertEquals(UNICODE_USER, browser.whoAmI(), "the exact password logs in through " + door);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Throttling that cannot lock HR out

    @Test
    void aColleagueGuessingAtHrsPasswordCannotLockHrOut() throws Exception {
        // HR logs in at their own desk.
        Browser desk = new Browser("en");
        attempt(desk, Door.LOGIN_PAGE, HR_USER, HR_PASSWORD);
        assertEquals(HR_USER, desk.whoAmI());

        // A colleague guesses from their computer: after 5 wrong passwords the account is held there, even for the
        // right password, with the same message as a wrong one; a forged X-Forwarded-For changes nothing (the server
        // does not take it from clients: proxy-address-forwarding is off).
        Browser colleague = new Browser("en");
        for (int i = 0; i < 5; i++) {
            assertRefused(attempt(colleague, Door.LOGIN_PAGE, HR_USER, "guess-" + i), "en", "guess " + i);
        }
        colleague.header("X-Forwarded-For", "203.0.113." + (1 + RANDOM.nextInt(250)));
        assertRefused(attempt(colleague, Door.LOGIN_PAGE, HR_USER, HR_PASSWORD), "en", "held at the colleague's computer");
        assertFalse(colleague.loggedIn());

        // HR, at another computer they never used, still logs in.
        Browser meetingRoom = new Browser("fr");
        attempt(meetingRoom, Door.LOGIN_PAGE, HR_USER, HR_PASSWORD);
        assertEquals(HR_USER, meetingRoom.whoAmI(), "not locked out by the colleague");

        // Guesses from ten computers (50 in all, with the first one's): the account is held for computers it never
        // logged in from, for a while ...
        for (int computer = 0; computer < 10; computer++) {
            Browser guesser = new Browser("en");
            for (int i = 0; i < 5; i++) {
                assertRefused(attempt(guesser, Door.LOGIN_PAGE, HR_USER, "guess-" + computer + "-" + i), "en", "distributed guess");
            }
        }
        Browser stranger = new Browser("en");
        assertRefused(attempt(stranger, Door.LOGIN_PAGE, HR_USER, HR_PASSWORD), "en", "held for unknown computers");
        assertFalse(stranger.loggedIn());
        // ... but not at HR's own desk, nor where they logged in since: a guess kept up cannot keep HR out.
        Browser deskAgain = new Browser("en", desk.address);
        attempt(deskAgain, Door.LOGIN_PAGE, HR_USER, HR_PASSWORD);
        assertEquals(HR_USER, deskAgain.whoAmI(), "HR logs in at their own desk");
        Browser meetingRoomAgain = new Browser("fr", meetingRoom.address);
        attempt(meetingRoomAgain, Door.LOGIN_PAGE, HR_USER, HR_PASSWORD);
        assertEquals(HR_USER, meetingRoomAgain.whoAmI());
    }

    // ---------------------------------------------------------------------------------------------------------
    // The API takes no password

    @Test
    void theApiTakesNoPassword() throws Exception {
        Browser client = new Browser("en");
        String application = registerApplication(client);
        Answer grant = client.post("/oauth/token", encode(Map.of("grant_type", "password", "username", "camille.durand",
                "password", "demo", "client_id", application, "scope", "read")).getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, grant.status(), grant.body());
        assertTrue(grant.body().contains("unsupported_grant_type"), grant.body());
        assertFalse(grant.body().contains("access_token"));

        Browser basic = new Browser("en");
        basic.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("camille.durand:demo".getBytes(StandardCharsets.UTF_8)));
        Answer me = basic.get("/api/v1/accounts/verify_credentials");
        assertEquals(401, me.status(), "a directory password opens nothing in the API: " + me.body());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers: the form, the assertions

    /** Opens the door, fills in the login form it leads to, and sends it. */
    private static Answer attempt(Browser browser, Door door, String name, String password) throws IOException {
        Answer page = door == Door.LOGIN_PAGE ? browser.get("/login.xhtml") : browser.get(authorizeAddress(browser));
        assertTrue(page.body().contains("name=\"login:password\""), door + " leads to the login form: " + page.status());
        return browser.post(action(page), form(page, name, password).getBytes(StandardCharsets.US_ASCII));
    }

    /** The consent page's address for this class's application (registered once), where a client sends employees. */
    private static synchronized String authorizeAddress(Browser browser) throws IOException {
        if (clientId == null) {
            clientId = registerApplication(new Browser(browser.language));
        }
        return "/oauth/authorize?response_type=code&scope=read&redirect_uri=" + URLEncoder.encode("urn:ietf:wg:oauth:2.0:oob", StandardCharsets.UTF_8)
                + "&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8);
    }

    private static String registerApplication(Browser client) throws IOException {
        Answer app = client.post("/api/v1/apps", encode(Map.of("client_name", "Hardening " + RUN,
                "redirect_uris", "urn:ietf:wg:oauth:2.0:oob", "scopes", "read")).getBytes(StandardCharsets.US_ASCII));
        Matcher id = Pattern.compile("\"client_id\"\\s*:\\s*\"([^\"]+)\"").matcher(app.body());
        assertTrue(id.find(), "an application registered: " + app.status() + " " + app.body());
        return id.group(1);
    }

    private static String form(Answer page, String name, String password) {
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(state.find(), "the login form has a view state");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", name);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", unescape(state.group(1)));
        // PrimeFaces' script sends back the nonce of the page's Content-Security-Policy with every form.
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(page.policy());
        assertTrue(nonce.find(), "the login page's policy has a nonce");
        form.put("primefaces.nonce", nonce.group(1));
        return encode(form);
    }

    private static String action(Answer page) {
        Matcher action = Pattern.compile("<form id=\"login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertTrue(action.find(), "the login form");
        return unescape(action.group(1));
    }

    private static String encode(Map<String, String> form) {
        // As a browser sends a form of a UTF-8 page: UTF-8, percent-encoded, no charset in the Content-Type.
        return form.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Refused like a wrong password: no server error, the login page again, the message in the reader's language. */
    private static void assertRefused(Answer answer, String language, String what) {
        assertClean(answer);
        String message = language.equals("fr") ? INVALID_FR : INVALID_EN;
        assertTrue(text(answer).contains(message), printable(what) + ": \"" + message + "\" expected, got " + answer.status() + " "
                + text(answer).substring(0, Math.min(600, text(answer).length())));
        assertTrue(answer.body().contains("name=\"login:password\""), "the login form again");
    }

    private static void assertClean(Answer answer) {
        assertTrue(answer.status() < 500, "no server error: " + answer.status());
        assertNoStackTrace(answer);
        assertFalse(answer.body().contains("<b>camille</b>"), "a typed name is shown as text, never as markup");
    }

    private static void assertNoStackTrace(Answer answer) {
        assertFalse(Pattern.compile("\\bat (org|jakarta|java|io|com)\\.[\\w.$]+\\(").matcher(answer.body()).find(), "no stack trace");
    }

    /** The page's text as a reader sees it (character references resolved). */
    private static String text(Answer answer) {
        return unescape(answer.body());
    }

    private static String unescape(String html) {
        Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String e = entity.group(1);
            String c = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1)));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The directory, as its administrator

    private static LdapNetworkConnection admin() throws Exception {
        URI url = URI.create(System.getProperty("babillard.it.ldap.url").split("[\\s,]+")[0]);
        LdapNetworkConnection c = new LdapNetworkConnection(url.getHost(), url.getPort());
        c.bind(ADMIN_DN, ADMIN_PASSWORD);
        return c;
    }

    private static String dn(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    /** A person; the password (if any) stored as these UTF-8 bytes, in clear, as both directories keep it. */
    private static Entry person(String uid, String name, String password) throws Exception {
        Entry entry = new DefaultEntry(dn(uid), "objectClass: inetOrgPerson", "objectClass: organizationalPerson",
                "objectClass: person", "objectClass: top", "uid: " + uid, "cn: " + name, "sn: " + name.split(" ")[1],
                "displayName: " + name, "mail: " + uid + "@babillard.example");
        if (password != null) {
            entry.add("userPassword", password.getBytes(StandardCharsets.UTF_8));
        }
        return entry;
    }

    // ---------------------------------------------------------------------------------------------------------
    // A browser of its own address

    /** What the server answered, after redirections. */
    record Answer(int status, String body, String path, String policy) {
    }

    /**
     * A minimal browser over plain sockets, bound to a loopback address of its own (Java's HTTP client cannot choose
     * its source address): cookies, redirections, Accept-Language, HTTP/1.1 with one connection per request.
     */
    static final class Browser {
        final InetAddress address;
        final String language;
        final Map<String, String> cookies = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();

        Browser(String language) throws IOException {
            this(language, InetAddress.getByAddress(new byte[]{127, (byte) (1 + RANDOM.nextInt(254)), (byte) RANDOM.nextInt(256),
                    (byte) (1 + RANDOM.nextInt(253))}));
        }

        Browser(String language, InetAddress address) {
            this.language = language;
            this.address = address;
        }

        void header(String name, String value) {
            headers.put(name, value);
        }

        Answer get(String path) throws IOException {
            return follow(send("GET", path, null));
        }

        Answer post(String path, byte[] form) throws IOException {
            return follow(send("POST", path, form));
        }

        /** Who is logged in in this browser, by the name the page header shows (null: nobody, the login page). */
        String whoAmI() throws IOException {
            Answer home = get("/index.xhtml");
            Matcher who = Pattern.compile("class=\"whoami\" title=\"[^\"]*@([^\"\\s]+)\"").matcher(home.body());
            if (!who.find()) {
                assertTrue(home.body().contains("name=\"login:username\""), "either logged in or on the login page: " + home.path());
                return null;
            }
            return unescape(who.group(1));
        }

        boolean loggedIn() throws IOException {
            return whoAmI() != null;
        }

        private Answer follow(Raw raw) throws IOException {
            for (int hops = 0; hops < 10 && raw.status() / 100 == 3 && raw.location() != null; hops++) {
                URI next = BASE.resolve(raw.location());
                raw = send("GET", next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()), null);
            }
            return new Answer(raw.status(), raw.body(), raw.path(), raw.policy());
        }

        private record Raw(int status, String location, String body, String path, String policy) {
        }

        private Raw send(String method, String path, byte[] body) throws IOException {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(address, 0));
                socket.connect(new InetSocketAddress(BASE.getHost(), BASE.getPort()), 10_000);
                socket.setSoTimeout(120_000);
                StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                        .append("Host: ").append(BASE.getHost()).append(':').append(BASE.getPort()).append("\r\n")
                        .append("Connection: close\r\nAccept-Language: ").append(language).append("\r\n")
                        .append("User-Agent: AuthenticationHardeningIT\r\n");
                if (!cookies.isEmpty()) {
                    head.append("Cookie: ").append(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; "))).append("\r\n");
                }
                headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
                if (body != null) {
                    head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n");
                }
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                // The body is written by another thread while this one reads: a server that refuses a body too large
                // answers and closes before taking it all, and its answer must be read as it comes.
                Thread writer = null;
                if (body != null) {
                    writer = new Thread(() -> {
                        try {
                            out.write(body);
                            out.flush();
                        } catch (IOException refusedMidway) {
                            // the server stopped reading: its answer says why
                        }
                    }, "body-writer");
                    writer.setDaemon(true);
                    writer.start();
                }
                byte[] raw = readAll(socket);
                if (writer != null) {
                    writer.join(10_000);
                }
                return parse(raw, path);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        /** Everything the server sends until it closes (a reset after a complete answer ends it too). */
        private static byte[] readAll(Socket socket) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            try {
                int n;
                while ((n = socket.getInputStream().read(buffer)) >= 0) {
                    all.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                if (all.size() == 0) {
                    throw reset;
                }
            }
            return all.toByteArray();
        }

        private Raw parse(byte[] raw, String path) throws IOException {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            if (end < 0) {
                throw new IOException("no complete HTTP answer to " + path + " (" + raw.length + " bytes)");
            }
            String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String location = null;
            String policy = "";
            boolean chunked = false;
            int length = -1;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                switch (name) {
                    case "location" -> location = value;
                    case "content-security-policy" -> policy = value;
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "content-length" -> length = Integer.parseInt(value);
                    case "set-cookie" -> {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        String cookie = pair.substring(0, eq).trim();
                        String content = pair.substring(eq + 1).trim();
                        if (content.isEmpty() || value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                            cookies.remove(cookie);
                        } else {
                            cookies.put(cookie, content);
                        }
                    }
                    default -> {
                    }
                }
            }
            int start = end + 4;
            byte[] content;
            if (chunked) {
                ByteArrayOutputStream decoded = new ByteArrayOutputStream();
                int at = start;
                while (true) {
                    int lineEnd = indexOf(raw, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
                    int size = Integer.parseInt(new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    decoded.write(raw, lineEnd + 2, size);
                    at = lineEnd + 2 + size + 2;
                }
                content = decoded.toByteArray();
            } else {
                int available = raw.length - start;
                content = java.util.Arrays.copyOfRange(raw, start, start + (length >= 0 ? Math.min(length, available) : available));
            }
            return new Raw(status, location, new String(content, StandardCharsets.UTF_8), path, policy);
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
