package org.babillard.presentation.posts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.attachments.boundary.AttachmentInfo;
import org.babillard.posts.control.Markup;
import org.babillard.presentation.Messages;
import org.babillard.presentation.integrations.BotBadges;
import org.babillard.presentation.people.Avatars;
import org.babillard.presentation.people.PersonNames;
import org.babillard.presentation.time.Clocks;
import org.babillard.timeline.boundary.TimelineEntry;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The parts of a post that only show it (WEB-INF/includes/post.xhtml draws them through {@link PostPart}): who wrote
 * it and when, where and with what marks, its text, attachments and the post it shares. Written here in Java, once
 * per post, instead of by some sixty components and twice as many expressions each (docs/benchmarks.md); the
 * parts a reader acts on stay components. Everything that comes from a person (names, statuses, texts, file names,
 * alt texts, channel names) goes through the writer's escaping.
 */
@Named
@RequestScoped
public class PostMarkup {

    @Inject
    Avatars avatars;

    @Inject
    PersonNames names;

    @Inject
    Clocks clocks;

    @Inject
    BotBadges bots;

    @Inject
    Links links;

    @Inject
    Messages messages;

    /** The start of the post's header: avatar, author, handle, status, badges of the author, time. */
    void head(FacesContext context, UIComponent at, PostView post) throws IOException {
        ResponseWriter out = context.getResponseWriter();
        String who = post.getAuthorUsername();
        String name = names.of(post.getAuthorDisplayName());
        String photo = avatars.photo(who, PostMarkup::authors);
        if (photo == null) {
            out.startElement("span", at);
            out.writeAttribute("class", "avatar " + avatars.hue(who) + " avatar-small", null);
            out.writeAttribute("aria-hidden", "true", null);
            out.writeText(avatars.initials(name), null);
            out.endElement("span");
        } else {
            out.startElement("img", at);
            out.writeAttribute("class", "avatar avatar-small", null);
            out.writeURIAttribute("src", context.getExternalContext().getRequestContextPath() + "/photos/" + who + "?v=" + photo, null);
            out.writeAttribute("alt", "", null);
            out.endElement("img");
        }
        link(out, at, links.person(who), "author", name);
        span(out, at, "handle", "@" + who);
        String status = post.getAuthorStatus();
        if (status != null && !status.isEmpty()) {
            out.startElement("span", at);
            out.writeAttribute("class", "person-status", null);
            out.writeAttribute("title", status, null);
            out.writeText(status, null);
            out.endElement("span");
        }
        authorBadges(out, at, who, post.isAuthorActive());
        dot(out, at);
        out.startElement("a", at);
        out.writeURIAttribute("href", links.post(post.getId()), null);
        out.writeAttribute("class", "post-time", null);
        out.writeAttribute("title", clocks.full(post.getCreatedAt()), null);
        time(out, at, post.getCreatedAt());
        out.endElement("a");
    }

    /** The authors of the list being rendered, for their photos to be read at once. */
    private static Iterable<String> authors() {
        List<String> authors = new java.util.ArrayList<>();
        for (Object sibling : Siblings.ofCurrent()) {
            if (sibling instanceof PostView view) {
                authors.add(view.getAuthorUsername());
            }
        }
        return authors;
    }

    /** The end of the header, after the "edited" mark: the channel, pinned, hidden, and the audience of a note. */
    void marks(FacesContext context, UIComponent at, PostView post) throws IOException {
        ResponseWriter out = context.getResponseWriter();
        channel(out, at, post.getChannel());
        if (post.isPinned()) {
            span(out, at, "badge badge-pinned", "📌 " + messages.text("postActions.pinnedBadge"));
        }
        if (post.isHidden()) {
            span(out, at, "badge badge-hidden", messages.text("postActions.hiddenBadge"));
        }
        if (post.isNotebook()) {
            titled(out, at, "badge badge-notebook", messages.text("notebook.badgeTitle"), "🔒 " + messages.text("notebook.badge"));
        }
        if (post.isForMentioned()) {
            titled(out, at, "badge badge-mentioned", messages.text("notebook.mentionedTitle"), "@ " + messages.text("notebook.mentionedBadge"));
        }
    }

    /** The post's text, its attachments, and the post it shares as a quote. */
    void body(FacesContext context, UIComponent at, PostView post) throws IOException {
        ResponseWriter out = context.getResponseWriter();
        text(out, at, post.getPieces());
        attachments(context, out, at, post.getAttachments());
        PostView.SharedView shared = post.getShared();
        if (shared == null) {
            return;
        }
        out.startElement("blockquote", at);
        out.writeAttribute("class", "shared-post", null);
        out.writeAttribute("aria-label", messages.text("share.quoteLabel"), null);
        out.startElement("div", at);
        out.writeAttribute("class", "post-meta", null);
        out.startElement("span", at);
        out.writeAttribute("class", "shared-mark", null);
        out.writeAttribute("aria-hidden", "true", null);
        out.writeText("🔁", null);
        out.endElement("span");
        link(out, at, links.person(shared.getAuthorUsername()), "author", names.of(shared.getAuthorDisplayName()));
        span(out, at, "handle", "@" + shared.getAuthorUsername());
        authorBadges(out, at, shared.getAuthorUsername(), shared.isAuthorActive());
        dot(out, at);
        out.startElement("a", at);
        out.writeURIAttribute("href", links.post(shared.getId()), null);
        out.writeAttribute("class", "post-time shared-link", null);
        out.writeAttribute("title", messages.text("share.openOriginal"), null);
        time(out, at, shared.getCreatedAt());
        out.endElement("a");
        channel(out, at, shared.getChannel());
        out.endElement("div");
        text(out, at, shared.getPieces());
        attachments(context, out, at, shared.getAttachments());
        if (post.getChannel() != null && shared.getChannel() != null && shared.getChannel().privateChannel()) {
            out.startElement("p", at);
            out.writeAttribute("class", "shared-note", null);
            out.writeText(messages.text("share.narrowed"), null);
            out.endElement("p");
        }
        out.endElement("blockquote");
    }

    private void authorBadges(ResponseWriter out, UIComponent at, String who, boolean active) throws IOException {
        boolean bot = bots.isBot(who);
        if (bot) {
            titled(out, at, "badge badge-bot", messages.text("bots.badgeTitle"), messages.text("bots.badge"));
        } else if (!active) {
            span(out, at, "badge badge-former", messages.text("people.former"));
        }
    }

    private void channel(ResponseWriter out, UIComponent at, TimelineEntry.ChannelRef channel) throws IOException {
        if (channel == null) {
            return;
        }
        out.startElement("span", at);
        out.writeAttribute("class", "post-channel", null);
        out.writeText(messages.text("postActions.in") + " ", null);
        link(out, at, links.channel(channel.slug()), "channel-link", channel.name());
        if (channel.privateChannel()) {
            String label = messages.text("postActions.privateChannel");
            out.startElement("span", at);
            out.writeAttribute("class", "lock", null);
            out.writeAttribute("title", label, null);
            out.writeAttribute("aria-label", label, null);
            out.writeAttribute("role", "img", null);
            out.writeText("🔒", null);
            out.endElement("span");
        }
        out.endElement("span");
    }

    /** A text's pieces as a paragraph: links, mentions and hashtags made links, the rest as written. */
    private void text(ResponseWriter out, UIComponent at, List<Markup.Piece> pieces) throws IOException {
        out.startElement("p", at);
        out.writeAttribute("class", "post-text", null);
        for (Markup.Piece piece : pieces) {
            if (piece.isLink()) {
                out.startElement("a", at);
                out.writeURIAttribute("href", piece.getTarget(), null);
                out.writeAttribute("target", "_blank", null);
                out.writeAttribute("rel", "noopener noreferrer nofollow", null);
                out.writeText(piece.getText(), null);
                out.endElement("a");
            } else if (piece.isMention()) {
                link(out, at, links.person(piece.getTarget()), "mention", names.mention(piece));
            } else if (piece.isTag()) {
                link(out, at, links.topic(piece.getTarget()), "hashtag", piece.getText());
            } else {
                out.writeText(piece.getText(), null);
            }
        }
        out.endElement("p");
    }

    /** Image thumbnails linking to the full image, then files to download with their name and size. */
    private void attachments(FacesContext context, ResponseWriter out, UIComponent at, List<AttachmentInfo> attachments)
            throws IOException {
        if (attachments == null || attachments.isEmpty()) {
            return;
        }
        String base = context.getExternalContext().getRequestContextPath() + "/attachments/";
        out.startElement("div", at);
        out.writeAttribute("class", "post-attachments", null);
        for (AttachmentInfo a : attachments) {
            if (a.isImage()) {
                out.startElement("a", at);
                out.writeAttribute("class", "attachment-image", null);
                out.writeURIAttribute("href", base + a.getId(), null);
                out.writeAttribute("target", "_blank", null);
                out.writeAttribute("rel", "noopener", null);
                out.startElement("img", at);
                out.writeURIAttribute("src", base + a.getId() + "/thumbnail", null);
                String alt = a.getAltText();
                out.writeAttribute("alt", alt == null || alt.isEmpty() ? messages.text("attachments.noAlt") : alt, null);
                out.writeAttribute("loading", "lazy", null);
                out.endElement("img");
                out.endElement("a");
            }
        }
        for (AttachmentInfo a : attachments) {
            if (!a.isImage()) {
                out.startElement("a", at);
                out.writeAttribute("class", "attachment-file", null);
                out.writeURIAttribute("href", base + a.getId(), null);
                out.writeAttribute("download", "", null);
                out.startElement("span", at);
                out.writeAttribute("class", "attachment-icon", null);
                out.writeAttribute("aria-hidden", "true", null);
                out.writeText("📄", null);
                out.endElement("span");
                span(out, at, "attachment-name", a.getFileName());
                span(out, at, "attachment-size", a.isLarge() ? messages.text("attachments.sizeMb", a.getMegabytes())
                        : messages.text("attachments.sizeKb", a.getKilobytes()));
                out.endElement("a");
            }
        }
        out.endElement("div");
    }

    private void time(ResponseWriter out, UIComponent at, Instant when) throws IOException {
        out.startElement("time", at);
        out.writeAttribute("datetime", clocks.iso(when), null);
        out.writeText(clocks.since(when), null);
        out.endElement("time");
    }

    private static void dot(ResponseWriter out, UIComponent at) throws IOException {
        out.startElement("span", at);
        out.writeAttribute("class", "dot", null);
        out.writeAttribute("aria-hidden", "true", null);
        out.writeText("·", null);
        out.endElement("span");
    }

    private static void span(ResponseWriter out, UIComponent at, String styleClass, String text) throws IOException {
        out.startElement("span", at);
        out.writeAttribute("class", styleClass, null);
        out.writeText(text, null);
        out.endElement("span");
    }

    private static void titled(ResponseWriter out, UIComponent at, String styleClass, String title, String text) throws IOException {
        out.startElement("span", at);
        out.writeAttribute("class", styleClass, null);
        out.writeAttribute("title", title, null);
        out.writeText(text, null);
        out.endElement("span");
    }

    private static void link(ResponseWriter out, UIComponent at, String href, String styleClass, String text) throws IOException {
        out.startElement("a", at);
        out.writeURIAttribute("href", href, null);
        out.writeAttribute("class", styleClass, null);
        out.writeText(text, null);
        out.endElement("a");
    }
}
