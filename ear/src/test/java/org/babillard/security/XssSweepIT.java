package org.babillard.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.babillard.api.ApiJourney;
import org.babillard.it.Browser;
import org.babillard.it.Deployments;
import org.babillard.it.Images;
import org.babillard.it.TestDirectory;
import org.babillard.mail.MailBox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The usual XSS payloads fed through every place Babillard shows text, as an attacker inside the company would:
 * posts, a reply, an edit and its history, poll choices, attachments' names and descriptions, a notebook note, a
 * status, a channel's name and description and the notice that echoes it, an announcement and the audience choices,
 * an application's name on the consent page, and a colleague's name, title, department and site from the directory
 * (the embedded one, then OpenLDAP in CI). Each place must show the payload as literal text, once (never
 * {@code &lt;}), with no element, handler or {@code javascript:} link made from it and no alert; the raw HTML of the
 * pages, the notification mail, the Atom feed and the Mastodon API's HTML carry it escaped exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XssSweepIT extends ApiJourney {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";
    private static final String SVG = "<svg onload=alert(1)>";
    private static final String QUOTE = "' onmouseover='alert(1)";
    private static final String EL = "{{7*7}} #{7*7} ${7*7}";
    private static final String JS = "javascript:alert(1)";
    /** Every payload at once, with the end of an XML CDATA section and a Markdown-style javascript: link. */
    private static final String ALL = SCRIPT + " " + IMG + " " + SVG + " " + QUOTE + " " + EL + " ]]> " + JS + " [x](" + JS + ")";

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String AUTHOR = "it.xss." + RUN;
    private static final String READER = "it.xss.r." + RUN;
    private static final String NAME = "Xavier " + RUN + " " + IMG + " " + SVG;
    private static final String TITLE = SCRIPT + " " + EL;
    private static final String DEPARTMENT = "Dept " + RUN + " " + QUOTE;
    private static final String SITE = "]]> <b>Site</b> " + RUN;

    /** What the page must not hold: an element, handler, link or script made from a payload. */
    private static final String INJECTED = """
            var found = [];
            document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onmouseover], [onload], iframe[srcdoc],'
                    + ' [href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i], [formaction^="javascript:" i]')
                .forEach(function (e) { found.push(e.outerHTML.substring(0, 200)); });
            Array.prototype.forEach.call(document.scripts, function (s) {
                if (s.textContent.indexOf('alert(') >= 0) { found.push(s.outerHTML.substring(0, 200)); }
            });
            return found;""";
    /** What a reader would see if a payload were escaped twice. */
    private static final List<String> TWICE = List.of("&lt;script", "&lt;svg", "&lt;img", "&quot;&gt;", "&#39; onmouseover", "]]&gt;");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.babillard();
    }

    @AfterEach
    void removeThePeople() throws Exception {
        try (LdapNetworkConnection directory = TestDirectory.admin()) {
            for (String login : List.of(AUTHOR, READER)) {
                if (directory.exists(dn(login))) {
                    directory.delete(dn(login));
                }
            }
        }
    }

    @Test
    void everyPlaceShowsThePayloadsAsTextOnce() throws Exception {
        // Added attribute by attribute: in LDIF a value may not begin with "<" or ":".
        try (LdapNetworkConnection directory = TestDirectory.admin()) {
            directory.add(person(AUTHOR, "Xavier " + RUN).add("displayName", NAME).add("title", TITLE)
                    .add("departmentNumber", DEPARTMENT).add("l", SITE));
            directory.add(person(READER, "Rita " + RUN).add("displayName", "Rita " + RUN));
        }
        // The reader logs in once, so that Babillard knows her when she is mentioned.
        openBabillard("en-GB");
        as(READER);
        as(AUTHOR);
        assertEquals(NAME, browser.findElement(By.cssSelector(".whoami")).getText());
        clean("home, the directory's name in the top bar");

        // A status: shown as text, and as the tooltip of the author's name on posts.
        String status = "Busy " + SVG + " " + QUOTE;
        waitFor(By.id("my-status")).click();
        waitFor(By.id("topStatus:text")).sendKeys(status);
        browser.findElement(By.id("topStatus:save")).click();
        patiently().until(d -> status.equals(d.findElement(By.cssSelector("#my-status .person-status")).getText()));

        // A post with every payload, a link whose address carries one, a mention and a hashtag next to markup.
        String link = "https://example.org/a'onmouseover='alert(1)";
        String text = "Post " + RUN + " " + ALL + " " + link + " @" + READER + SCRIPT + " #xss" + RUN + SVG;
        long post = publish(text);
        WebElement shown = post(post);
        assertEquals(text, shown.findElement(By.cssSelector(".post-text")).getText());
        assertEquals(status, shown.findElement(By.cssSelector(".post-meta .person-status")).getText());
        assertEquals(status, shown.findElement(By.cssSelector(".post-meta .person-status")).getDomAttribute("title"), "the tooltip");
        List<String> targets = shown.findElements(By.cssSelector(".post-text a")).stream().map(a -> a.getDomProperty("href")).toList();
        assertEquals(3, targets.size(), "the link, the mention and the hashtag, nothing made of the markup: " + targets);
        assertTrue(targets.get(0).startsWith("https://example.org/a"), targets.get(0));
        assertTrue(targets.get(1).contains("person.xhtml?u=" + READER) && targets.get(2).contains("topic.xhtml?t=xss" + RUN), targets.toString());
        clean("a post on the home page");
        Browser.screenshot(browser, "xss-01-post");

        // A poll whose choices are payloads.
        waitFor(By.id("composer:text")).sendKeys("Poll " + RUN);
        browser.findElement(By.id("composer:pollOn")).click();
        patiently().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("input.poll-choice-input"), 2));
        List<WebElement> choices = browser.findElements(By.cssSelector("input.poll-choice-input"));
        choices.get(0).sendKeys(SCRIPT + " " + RUN);
        choices.get(1).sendKeys(IMG);
        browser.findElement(By.id("composer:publish")).click();
        WebElement poll = waitFor(By.xpath(postWith("Poll " + RUN) + "[.//div[contains(@class,'poll')]]"));
        assertEquals(List.of(SCRIPT + " " + RUN, IMG), poll.findElements(By.cssSelector(".poll-options label")).stream()
                .map(WebElement::getText).toList());
        long pollId = Long.parseLong(poll.getDomAttribute("data-post-id"));
        clean("a poll");

        // The post edited, and its history showing the first text.
        String edited = "Edited " + RUN + " " + ALL + " @" + READER;
        patiently().until(ExpectedConditions.elementToBeClickable(By.cssSelector(article(post) + " summary"))).click();
        patiently().until(ExpectedConditions.elementToBeClickable(By.cssSelector(article(post) + " button[id$=':edit']"))).click();
        WebElement area = waitFor(By.cssSelector("textarea[id$=':editText']"));
        area.clear();
        area.sendKeys(edited);
        browser.findElement(By.cssSelector("button[id$=':saveEdit']")).click();
        waitFor(By.cssSelector(article(post) + " .edited-mark")).click();
        patiently().until(d -> d.findElement(By.cssSelector(".history")).getText().contains(text));
        assertEquals(edited, post(post).findElement(By.cssSelector(".post-text")).getText());
        clean("an edited post and its history");

        // A channel named and described with payloads; sharing the post there echoes its name in a notice.
        String channel = "C " + RUN + " " + IMG;
        browser.get(Browser.baseUrl() + "channels.xhtml");
        waitFor(By.cssSelector("#create-panel > summary")).click();
        waitFor(By.id("create:name")).sendKeys(channel);
        browser.findElement(By.id("create:description")).sendKeys(ALL);
        browser.findElement(By.id("create:submit")).click();
        assertEquals(channel, waitFor(By.id("channel-name")).getText());
        assertEquals(ALL, browser.findElement(By.id("channel-description")).getText());
        String channelPage = URI.create(browser.getCurrentUrl()).getRawPath().replaceAll(".*/", "") + "?" + URI.create(browser.getCurrentUrl()).getRawQuery();
        clean("a channel's page");
        raw(channelPage, true);
        browser.get(Browser.baseUrl() + "channels.xhtml");
        waitFor(By.id("find:found_input")).sendKeys("C " + RUN);
        WebElement suggestion = waitFor(By.cssSelector(".ui-autocomplete-panel li.ui-autocomplete-item"));
        assertTrue(suggestion.getText().contains(channel), "the finder suggests the channel by its name: " + suggestion.getText());
        clean("the channel finder's suggestions");
        browser.get(Browser.baseUrl() + "post.xhtml?id=" + post);
        patiently().until(ExpectedConditions.elementToBeClickable(By.cssSelector(article(post) + " summary"))).click();
        patiently().until(ExpectedConditions.elementToBeClickable(By.cssSelector(article(post) + " button[id$=':share']"))).click();
        Select target = new Select(waitFor(By.cssSelector("select[id$=':shareTarget']")));
        WebElement option = target.getOptions().stream().filter(o -> o.getText().contains(RUN)).findFirst().orElseThrow();
        assertTrue(option.getText().contains(channel), "the channel's name as a choice: " + option.getText());
        target.selectByIndex(target.getOptions().indexOf(option));
        browser.findElement(By.cssSelector("button[id$=':sendShare']")).click();
        String notice = patiently().until(d -> {
            List<WebElement> n = d.findElements(By.cssSelector(article(post) + " .post-notice"));
            return n.isEmpty() || n.get(0).getText().isBlank() ? null : n.get(0).getText();
        });
        assertTrue(notice.contains(channel), "the notice names the channel as text: " + notice);
        clean("the notice of a share into the channel");

        // A reply, on the post's own page, whose raw HTML carries every payload escaped once.
        browser.get(Browser.baseUrl() + "post.xhtml?id=" + post);
        String reply = "Reply " + RUN + " " + SVG + " " + EL;
        waitFor(By.id("reply:text")).sendKeys(reply);
        browser.findElement(By.id("reply:send")).click();
        patiently().until(d -> d.findElements(By.cssSelector(".thread-replies .post-text")).stream()
                .anyMatch(p -> p.getText().equals(reply)));
        clean("a conversation");
        raw("post.xhtml?id=" + post, true);

        // A notebook note.
        browser.get(Browser.baseUrl() + "notebook.xhtml");
        String note = "Note " + RUN + " " + ALL;
        waitFor(By.id("notebookComposer:text")).sendKeys(note);
        browser.findElement(By.id("notebookComposer:write")).click();
        patiently().until(d -> d.findElements(By.cssSelector(".post-text")).stream().anyMatch(p -> p.getText().equals(note)));
        clean("the notebook");

        // The directory's title, department and site on the profile, and the name as the photo's alternative.
        browser.get(Browser.baseUrl() + "person.xhtml?u=" + AUTHOR);
        assertEquals(NAME, waitFor(By.id("person-name")).getText());
        String profile = browser.findElement(By.id("main")).getText();
        assertTrue(profile.contains(TITLE) && profile.contains(DEPARTMENT) && profile.contains(SITE), profile);
        clean("the profile");
        Browser.screenshot(browser, "xss-02-profile");
        raw("person.xhtml?u=" + AUTHOR, true);

        // Attachments through the API: a file named with markup, a picture described with it; and an application named
        // with markup on the consent page. The token is the one this application gets.
        HttpResponse<String> registered = send(HttpRequest.newBuilder(uri("/api/v1/apps")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("client_name", "App " + RUN + " " + IMG)
                        .add("redirect_uris", OOB).add("scopes", "read write").build().toString())));
        assertEquals(200, registered.statusCode(), registered.body());
        JsonObject app = json(registered.body());
        assertEquals(422, send(HttpRequest.newBuilder(uri("/api/v1/apps")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("client_name", "App " + RUN)
                        .add("redirect_uris", OOB).add("website", JS).build().toString()))).statusCode(),
                "a javascript: website is refused");
        browser.get(authorizeUrl(app, "read write", ""));
        assertTrue(waitFor(By.cssSelector(".oauth-who")).getText().contains("App " + RUN + " " + IMG));
        clean("the consent page");
        browser.findElement(By.id("consent:authorize")).click();
        String code = waitFor(By.id("oauth-code")).getText();
        HttpResponse<String> granted = form("/oauth/token", "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(OOB)
                + "&client_id=" + app.getString("client_id") + "&client_secret=" + app.getString("client_secret"));
        assertEquals(200, granted.statusCode(), granted.body());
        String token = json(granted.body()).getString("access_token");
        String fileName = SVG + " " + RUN + ".txt";
        String file = json(upload("/api/v1/media", token, fileName, "plain".getBytes(StandardCharsets.UTF_8), null).body()).getString("id");
        String picture = json(upload("/api/v2/media", token, "p.png", Images.png(60, 40), IMG + " " + RUN).body()).getString("id");
        String withFiles = status(token, "status=" + enc("Files " + RUN) + "&media_ids[]=" + file + "&media_ids[]=" + picture);
        browser.get(Browser.baseUrl() + "post.xhtml?id=" + withFiles);
        assertEquals(fileName, waitFor(By.cssSelector(".attachment-name")).getText());
        assertEquals(IMG + " " + RUN, browser.findElement(By.cssSelector(".attachment-image img")).getDomAttribute("alt"));
        browser.findElement(By.cssSelector(article(Long.parseLong(withFiles)) + " button.reaction")).click();
        String reactors = patiently().until(d -> {
            String title = d.findElement(By.cssSelector(article(Long.parseLong(withFiles)) + " button.reaction-mine")).getDomAttribute("title");
            return title != null && title.contains(NAME) ? title : null;
        });
        assertTrue(reactors.contains(NAME), "the reaction's tooltip names who reacted: " + reactors);
        clean("attachments and a reaction's tooltip");

        // The Mastodon API: the HTML content escaped once, the plain fields as written.
        JsonObject status0 = json(get("/api/v1/statuses/" + post, token).body());
        String content = status0.getString("content");
        for (String escaped : List.of("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
                "&lt;svg onload=alert(1)&gt;", "&#39; onmouseover=&#39;alert(1)", EL, "]]&gt; " + JS)) {
            assertTrue(content.contains(escaped), "the API's content holds " + escaped + ": " + content);
        }
        noMarkup("the API's content", content);
        JsonObject account = status0.getJsonObject("account");
        assertEquals(NAME, account.getString("display_name"), "a plain field as written");
        String bio = account.getString("note");
        assertTrue(bio.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && bio.contains("&#39; onmouseover=&#39;alert(1)"), bio);
        noMarkup("the account's note", bio);
        assertTrue(account.getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("value")).toList()
                .contains("]]&gt; &lt;b&gt;Site&lt;/b&gt; " + RUN), "the directory's site, escaped once: " + account.getJsonArray("fields"));
        assertEquals(SCRIPT + " " + RUN, json(get("/api/v1/statuses/" + pollId, token).body()).getJsonObject("poll")
                .getJsonArray("options").getJsonObject(0).getString("title"), "a poll's choice, plain");
        JsonObject files = json(get("/api/v1/statuses/" + withFiles, token).body());
        assertEquals(IMG + " " + RUN, files.getJsonArray("media_attachments").getJsonObject(1).getString("description"));

        // The author's Atom feed: well-formed XML, the name and text as text, the HTML content escaped once.
        browser.get(Browser.baseUrl() + "mail-settings.xhtml");
        waitFor(By.id("feeds:create")).click();
        String feedUrl = waitFor(By.id("feed-example")).getText();
        HttpResponse<byte[]> feed = http.send(HttpRequest.newBuilder(URI.create(feedUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, feed.statusCode());
        Document atom = xml(feed.body());
        assertEquals(NAME + " · Babillard", child(atom.getDocumentElement(), "title"));
        Element entry = entry(atom, post);
        assertTrue(child(entry, "title").startsWith(NAME + ": Edited " + RUN + " " + SCRIPT), child(entry, "title"));
        assertEquals(NAME, child((Element) entry.getElementsByTagNameNS("*", "author").item(0), "name"));
        String html = child(entry, "content");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("]]&gt;"), html);
        noMarkup("the feed's content", html);
        assertFalse(new String(feed.body(), StandardCharsets.UTF_8).contains("<script>"), "no raw markup in the feed");

        // The reader: the notification names the author as text, and the mail escapes the name and text in HTML only.
        as(READER);
        browser.get(Browser.baseUrl() + "notifications.xhtml");
        WebElement mention = waitFor(By.xpath("//li[contains(@class,'notification')][contains(., '" + RUN + "')]"));
        assertTrue(mention.findElement(By.cssSelector(".notification-what")).getText().contains(NAME), mention.getText());
        clean("the notifications");
        browser.get(Browser.baseUrl());
        waitFor(By.id("composer:text")).sendKeys("@it.xss." + RUN);
        WebElement suggested = waitFor(By.xpath("//ul[contains(@class,'mention-list')]/li[contains(., '" + RUN + "')]"));
        assertTrue(suggested.getText().contains(NAME), "the mention suggestions show the name as text: " + suggested.getText());
        clean("the mention suggestions");
        MimeMessage mail = MailBox.await(READER + "@babillard.example", 1).get(0);
        assertEquals(NAME + " mentioned you on Babillard", mail.getSubject());
        String mailHtml = MailBox.part(mail, "text/html");
        assertTrue(mailHtml.contains("Xavier " + RUN + " &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;svg onload=alert(1)&gt;"), mailHtml);
        assertTrue(mailHtml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), mailHtml);
        noMarkup("the mail's HTML", mailHtml);
        String mailText = MailBox.part(mail, "text/plain");
        assertTrue(mailText.contains(NAME) && mailText.contains(ALL), "the plain part as written: " + mailText);

        // HR announces to the author's department (a payload from the directory, shown among the choices).
        as("helene.lefevre");
        browser.get(Browser.baseUrl() + "announce.xhtml");
        String title = "News " + RUN + " " + SCRIPT + " " + IMG;
        waitFor(By.id("compose:titleFr")).sendKeys(title);
        browser.findElement(By.id("compose:bodyFr")).sendKeys(ALL);
        WebElement department = browser.findElements(By.cssSelector("input[name='compose:departments']")).stream()
                .filter(c -> DEPARTMENT.equals(c.getDomAttribute("value"))).findFirst().orElseThrow();
        assertEquals(DEPARTMENT, browser.findElement(By.cssSelector("label[for='" + department.getDomAttribute("id") + "']")).getText());
        department.click();
        WebElement site = browser.findElements(By.cssSelector("input[name='compose:sites']")).stream()
                .filter(c -> SITE.equals(c.getDomAttribute("value"))).findFirst().orElseThrow();
        assertEquals(SITE, browser.findElement(By.cssSelector("label[for='" + site.getDomAttribute("id") + "']")).getText());
        assertEquals(List.of(channel), new Select(browser.findElement(By.id("compose:channels"))).getOptions().stream()
                .map(WebElement::getText).filter(o -> o.contains("C " + RUN)).toList(), "the channels as text");
        clean("the announcement's audience choices");
        browser.findElement(By.id("compose:publish")).click();
        waitFor(By.id("total-recipients"));
        as(AUTHOR);
        browser.get(Browser.baseUrl() + "news.xhtml");
        WebElement announcement = waitFor(By.xpath("//article[contains(@class,'announcement')][contains(., 'News " + RUN + "')]"));
        assertEquals(title, announcement.findElement(By.cssSelector(".announcement-title")).getText());
        assertEquals(ALL, announcement.findElement(By.cssSelector(".announcement-body")).getText());
        clean("the news page");

        // The audit log: the access given to the application, named with markup, as text.
        as("nadia.benali");
        browser.get(Browser.baseUrl() + "admin/audit.xhtml");
        waitFor(By.id("filter:person")).sendKeys(AUTHOR);
        browser.findElement(By.id("filter:apply")).click();
        String line = patiently().until(d -> d.findElements(By.cssSelector("#audit-table tbody tr")).stream().map(WebElement::getText)
                .filter(t -> t.contains("App " + RUN)).findFirst().orElse(null));
        assertTrue(line.contains("App " + RUN + " " + IMG), line);
        clean("the audit log");
    }

    /** Logs this person in afresh (cookies dropped) and waits for the home page. */
    private void as(String login) {
        browser.manage().deleteAllCookies();
        browser.get(Browser.baseUrl());
        logIn(login, "demo");
        waitFor(By.id("composer:text"));
    }

    /** The page shows no alert, holds nothing made of a payload, and no payload escaped twice. */
    private void clean(String where) {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), where + ": an alert");
        assertEquals(List.of(), ((JavascriptExecutor) browser).executeScript(INJECTED), where + ": made of a payload");
        String seen = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText");
        for (String twice : TWICE) {
            assertFalse(seen.contains(twice), where + ": escaped twice (" + twice + ")");
        }
    }

    /** The page's HTML as the server sends it, for this browser's session: payloads escaped, once. */
    private void raw(String page, boolean hasScriptPayload) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(Browser.baseUrl() + page))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), page);
        noMarkup(page, answer.body());
        if (hasScriptPayload) {
            assertTrue(answer.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page + " shows the payload, escaped");
        }
    }

    /** HTML in which the payloads are text: no element or handler made of them, nothing escaped twice. */
    private static void noMarkup(String where, String html) {
        for (String bad : List.of("<script>alert", "<img src=x", "<svg onload", "href=\"javascript:", "href='javascript:",
                "&amp;lt;", "&amp;gt;", "&amp;quot;", "&amp;#39;")) {
            assertFalse(html.contains(bad), where + " holds " + bad);
        }
    }

    private long publish(String text) {
        waitFor(By.id("composer:text")).sendKeys(text);
        browser.findElement(By.id("composer:publish")).click();
        return Long.parseLong(waitFor(By.xpath(postWith("Post " + RUN))).getDomAttribute("data-post-id"));
    }

    private WebElement post(long id) {
        return waitFor(By.cssSelector(article(id)));
    }

    private static String article(long id) {
        return "article.post[data-post-id='" + id + "']";
    }

    private static String postWith(String marker) {
        return "//article[contains(@class,'post')][.//p[contains(@class,'post-text')][contains(., '" + marker + "')]]";
    }

    private WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static Element entry(Document atom, long post) {
        NodeList entries = atom.getElementsByTagNameNS("*", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (child(e, "id").endsWith("post.xhtml?id=" + post)) {
                return e;
            }
        }
        throw new AssertionError("no entry for post " + post);
    }

    /** The text of an element's first child element of this name. */
    private static String child(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }

    /** A person of the directory who logs in with "demo", mailed at login@babillard.example, in English. */
    private static Entry person(String login, String cn) throws LdapException {
        Entry entry = new DefaultEntry(dn(login));
        return entry.add("objectClass", "inetOrgPerson").add("uid", login).add("cn", cn).add("sn", RUN)
                .add("mail", login + "@babillard.example").add("preferredLanguage", "en").add("userPassword", "demo");
    }

    private static String dn(String login) {
        return "uid=" + login + ",ou=people,dc=babillard,dc=example";
    }
}
