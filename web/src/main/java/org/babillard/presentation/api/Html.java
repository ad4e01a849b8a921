package org.babillard.presentation.api;

import org.babillard.posts.control.Markup;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A post's text as the HTML Mastodon clients expect in {@code content}: paragraphs, line breaks, links, mentions
 * and hashtags in Mastodon's own markup, and every character of the text escaped.
 */
public final class Html {

    private Html() {
    }

    public static String content(String text, String base) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p>");
        for (Markup.Piece piece : Markup.pieces(text)) {
            if (piece.isLink()) {
                html.append("<a href=\"").append(escape(piece.target()))
                        .append("\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">")
                        .append(escape(piece.text())).append("</a>");
            } else if (piece.isMention()) {
                html.append("<span class=\"h-card\"><a href=\"").append(escape(base + "person.xhtml?u=" + url(piece.target())))
                        .append("\" class=\"u-url mention\">@<span>").append(escape(piece.target())).append("</span></a></span>");
            } else if (piece.isTag()) {
                html.append("<a href=\"").append(escape(base + "topic.xhtml?t=" + url(piece.target())))
                        .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>").append(escape(piece.text().substring(1)))
                        .append("</span></a>");
            } else {
                html.append(paragraphs(escape(piece.text())));
            }
        }
        return html.append("</p>").toString();
    }

    /** Blank lines end a paragraph; other line breaks stay. */
    private static String paragraphs(String escaped) {
        return escaped.replace("\r\n", "\n").replaceAll("\n{2,}", "</p><p>").replace("\n", "<br>");
    }

    public static String escape(String s) {
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

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
