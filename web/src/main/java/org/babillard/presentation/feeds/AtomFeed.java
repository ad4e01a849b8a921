package org.babillard.presentation.feeds;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.feeds.boundary.Feeds;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonProfile;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.Markup;
import org.babillard.presentation.api.Html;
import org.babillard.presentation.api.OAuthBase;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.babillard.timeline.boundary.TimelinePage;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Atom 1.0 feeds for feed readers, which cannot log in: {@code /feeds/<token>/people/<username>},
 * {@code /feeds/<token>/channels/<slug>} and {@code /feeds/<token>/topics/<tag>}. The secret token stands for its
 * owner (web.xml leaves this address open) and a feed holds the 50 latest posts its owner may read there, read
 * through the timeline as that owner; notebook entries never. An unknown, revoked or former employee's token, a
 * private channel the owner is not in, or an unknown person answers 404. No session is ever made.
 */
@WebServlet("/feeds/*")
public class AtomFeed extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final int ENTRIES = 50;
    private static final int TITLE_LENGTH = 80;

    @Inject
    transient Feeds feeds;

    @Inject
    transient Timeline timeline;

    @Inject
    transient People people;

    @Inject
    transient Channels channels;

    /** What a feed is about: its title, the page it mirrors, and its posts. */
    private record Subject(String title, String page, List<TimelineEntry> entries) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        String[] parts = (request.getPathInfo() == null ? "" : request.getPathInfo()).split("/", -1);
        Optional<String> owner = parts.length == 4 && parts[0].isEmpty() ? feeds.owner(parts[1]) : Optional.empty();
        if (owner.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String base = OAuthBase.of(request);
        String key = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
        Optional<Subject> subject = switch (parts[2]) {
            case "people" -> person(owner.get(), key, base);
            case "channels" -> channel(owner.get(), key, base);
            case "topics" -> topic(owner.get(), key, base);
            default -> Optional.empty();
        };
        if (subject.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = atom(subject.get(), base, base + "feeds/" + parts[1] + "/" + parts[2] + "/" + url(key));
        String etag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"";
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("ETag", etag);
        String known = request.getHeader("If-None-Match");
        if (known != null && List.of(known.split("\\s*,\\s*")).contains(etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("application/atom+xml;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Optional<Subject> person(String owner, String username, String base) {
        Optional<PersonProfile> profile = people.profile(username);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        TimelinePage page = timeline.profile(owner, username, null, ENTRIES);
        return Optional.of(new Subject(profile.get().person().displayName() + " · Babillard",
                base + "person.xhtml?u=" + url(username), page.entries()));
    }

    private Optional<Subject> channel(String owner, String slug, String base) {
        Optional<Channel> channel = channels.find(slug);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        try {
            // The timeline is the gate: a private channel the owner is not in is "not found".
            TimelinePage page = timeline.channel(owner, channel.get().getId(), null, ENTRIES);
            return Optional.of(new Subject(channel.get().getName() + " · Babillard",
                    base + "channel.xhtml?c=" + url(slug), page.entries()));
        } catch (Refused e) {
            return Optional.empty();
        }
    }

    private Optional<Subject> topic(String owner, String tag, String base) {
        String key = Markup.tag(tag);
        if (key == null) {
            return Optional.empty();
        }
        TimelinePage page = timeline.topic(owner, key, null, ENTRIES);
        return Optional.of(new Subject("#" + key + " · Babillard", base + "topic.xhtml?t=" + url(key), page.entries()));
    }

    private static byte[] atom(Subject subject, String base, String self) {
        List<TimelineEntry> entries = subject.entries().stream().filter(e -> !e.isNotebook()).toList();
        Instant updated = entries.stream().map(AtomFeed::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(xml, "id", self);
            element(xml, "title", subject.title());
            element(xml, "updated", time(updated));
            link(xml, "alternate", "text/html", subject.page());
            link(xml, "self", "application/atom+xml", self);
            xml.writeStartElement("author");
            element(xml, "name", "Babillard");
            xml.writeEndElement();
            xml.writeStartElement("generator");
            xml.writeCharacters("Babillard");
            xml.writeEndElement();
            for (TimelineEntry e : entries) {
                entry(xml, e, base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing an Atom feed", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter xml, TimelineEntry e, String base) throws XMLStreamException {
        String link = base + "post.xhtml?id=" + e.id();
        xml.writeStartElement("entry");
        element(xml, "id", link);
        element(xml, "title", title(e));
        element(xml, "updated", time(updated(e)));
        element(xml, "published", time(e.createdAt()));
        link(xml, "alternate", "text/html", link);
        xml.writeStartElement("author");
        element(xml, "name", e.authorDisplayName());
        element(xml, "uri", base + "person.xhtml?u=" + url(e.authorUsername()));
        xml.writeEndElement();
        xml.writeStartElement("content");
        xml.writeAttribute("type", "html");
        // The HTML escapes the post's text; the writer escapes the HTML once more for the XML.
        StringBuilder html = new StringBuilder(Html.content(e.text(), base));
        if (e.shared() != null) {
            html.append("<blockquote><p>").append(Html.escape(e.shared().authorDisplayName())).append(":</p>")
                    .append(Html.content(e.shared().text(), base)).append("</blockquote>");
        }
        xml.writeCharacters(xmlText(html.toString()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** The first line of the post, cut short; a share without a comment is titled with what it shares. */
    private static String title(TimelineEntry e) {
        String text = (e.text() == null || e.text().isBlank()) && e.shared() != null ? e.shared().text() : e.text();
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        if (line.codePointCount(0, line.length()) > TITLE_LENGTH) {
            line = line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH - 1)).stripTrailing() + "…";
        }
        return e.authorDisplayName() + ": " + line;
    }

    private static Instant updated(TimelineEntry e) {
        return e.editedAt() != null ? e.editedAt() : e.createdAt();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    /** Leaves out the control characters XML 1.0 cannot hold (a pasted text may carry them). */
    static String xmlText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
