package org.babillard.mail.control;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of Babillard's mails and text messages in the reader's language (mail.properties, mail_fr.properties),
 * and their HTML and plain-text forms. Everything a person wrote is escaped in the HTML form.
 */
public final class MailText {

    private static final String BUNDLE = "org.babillard.mail.control.mail";

    /** A mail ready to queue. */
    public record Rendered(String subject, String text, String html) {
    }

    /** One post or announcement in a mail: who wrote it (or null), its title (or null), its text, its address. */
    public record Piece(String author, String title, String text, String url) {
    }

    /** A titled group of pieces in a digest. */
    public record Section(String titleKey, List<Piece> pieces) {
    }

    private final ResourceBundle bundle;
    private final Locale locale;
    private final String settingsUrl;

    /** @param settingsUrl the address of the reader's mail settings page, shown at the foot of every mail */
    public MailText(String language, String settingsUrl) {
        this.settingsUrl = settingsUrl;
        this.locale = "fr".equals(language) ? Locale.FRENCH : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, MailText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** "fr" for French readers, "en" for everyone else. */
    public static String language(String preferred) {
        return "fr".equals(preferred) ? "fr" : "en";
    }

    public String get(String key, Object... args) {
        // Every key goes through MessageFormat, so every apostrophe in the bundles is written ''.
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** A mail about one post or announcement, with a line saying how to answer when {@code replyHint}. */
    public Rendered single(String subject, String lead, Piece piece, boolean replyHint) {
        StringBuilder text = new StringBuilder();
        text.append(lead).append("\n\n");
        appendText(text, piece);
        if (replyHint) {
            text.append("\n").append(get("replyHint")).append("\n");
        }
        text.append("\n-- \n").append(get("footer")).append("\n").append(settingsUrl).append("\n");

        StringBuilder html = open(subject);
        html.append("<p>").append(escape(lead)).append("</p>\n");
        appendHtml(html, piece);
        if (replyHint) {
            html.append("<p style=\"color:#555\">").append(escape(get("replyHint"))).append("</p>\n");
        }
        close(html);
        return new Rendered(subject, text.toString(), html.toString());
    }

    /** The daily digest: the sections that have something, in order. */
    public Rendered digest(List<Section> sections) {
        String subject = get("digest.subject");
        StringBuilder text = new StringBuilder(get("digest.intro")).append("\n");
        StringBuilder html = open(subject);
        html.append("<p>").append(escape(get("digest.intro"))).append("</p>\n");
        for (Section section : sections) {
            if (section.pieces().isEmpty()) {
                continue;
            }
            String title = get(section.titleKey());
            text.append("\n== ").append(title).append(" ==\n\n");
            html.append("<h2 style=\"font-size:1.1em;margin-top:1.5em\">").append(escape(title)).append("</h2>\n");
            for (Piece piece : section.pieces()) {
                appendText(text, piece);
                text.append("\n");
                appendHtml(html, piece);
            }
        }
        text.append("-- \n").append(get("footer")).append("\n").append(settingsUrl).append("\n");
        close(html);
        return new Rendered(subject, text.toString(), html.toString());
    }

    private void appendText(StringBuilder text, Piece piece) {
        if (piece.title() != null) {
            text.append(piece.title()).append("\n\n");
        }
        if (piece.author() != null) {
            text.append(piece.author()).append(":\n");
        }
        text.append(piece.text()).append("\n\n");
        text.append(get("open")).append(": ").append(piece.url()).append("\n");
    }

    private void appendHtml(StringBuilder html, Piece piece) {
        html.append("<div style=\"border-left:3px solid #3b6ea5;padding:0.3em 0.8em;margin:0.8em 0\">\n");
        if (piece.title() != null) {
            html.append("<h3 style=\"margin:0 0 0.4em\">").append(escape(piece.title())).append("</h3>\n");
        }
        if (piece.author() != null) {
            html.append("<p style=\"margin:0;font-weight:bold\">").append(escape(piece.author())).append("</p>\n");
        }
        html.append("<p style=\"margin:0.3em 0\">").append(multiline(piece.text())).append("</p>\n");
        html.append("<p style=\"margin:0.3em 0\"><a href=\"").append(escape(piece.url())).append("\">")
                .append(escape(get("open"))).append("</a></p>\n</div>\n");
    }

    private StringBuilder open(String subject) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(subject))
                .append("</title></head>\n<body style=\"font-family:sans-serif;line-height:1.4\">\n");
    }

    private void close(StringBuilder html) {
        html.append("<p style=\"color:#777;font-size:0.85em\">").append(escape(get("footer")))
                .append(" <a href=\"").append(escape(settingsUrl)).append("\">").append(escape(get("settings")))
                .append("</a></p>\n</body></html>\n");
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String multiline(String s) {
        return escape(s).replace("\r\n", "\n").replace("\n", "<br>\n");
    }
}
