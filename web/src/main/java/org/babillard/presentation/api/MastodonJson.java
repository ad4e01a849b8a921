package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.babillard.api.boundary.AccountView;
import org.babillard.attachments.boundary.AttachmentInfo;
import org.babillard.notifications.boundary.NotificationView;
import org.babillard.polls.boundary.PollResults;
import org.babillard.posts.control.Markup;
import org.babillard.posts.entity.Reaction;
import org.babillard.timeline.boundary.TimelineEntry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Babillard's people and posts in the JSON shapes of Mastodon's API documentation (Account, Status,
 * MediaAttachment, Poll, Notification), built field by field so that every field a client expects is there, null
 * where Babillard has nothing to say. Texts go out escaped in {@code content}, as Mastodon does.
 */
final class MastodonJson {

    /** The reaction a Mastodon "favourite" stands for. */
    static final Reaction.Emoji FAVOURITE = Reaction.Emoji.LIKE;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String base;
    private final Map<String, AccountView> accounts;
    private final Map<Long, PollResults> polls;

    /**
     * @param base     the server's absolute address, ending with "/"
     * @param accounts the accounts the objects name, by username
     * @param polls    the polls of the posts, by post id
     */
    MastodonJson(String base, Map<String, AccountView> accounts, Map<Long, PollResults> polls) {
        this.base = base;
        this.accounts = accounts;
        this.polls = polls;
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    static String date(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(ZoneOffset.UTC));
    }

    JsonObject account(AccountView a) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder()
                .add("id", a.username())
                .add("username", a.username())
                .add("acct", a.username())
                .add("display_name", nz(a.displayName()))
                .add("locked", false)
                .add("bot", a.bot())
                .add("discoverable", true)
                .add("group", false)
                .add("created_at", time(a.createdAt().truncatedTo(ChronoUnit.DAYS)))
                .add("note", note(a))
                .add("url", base + "person.xhtml?u=" + Html.url(a.username()))
                .add("uri", base + "person.xhtml?u=" + Html.url(a.username()))
                .add("avatar", avatar(a))
                .add("avatar_static", avatar(a))
                .add("header", base + "favicon.svg")
                .add("header_static", base + "favicon.svg")
                .add("followers_count", a.followers())
                .add("following_count", a.following())
                .add("statuses_count", a.statuses())
                .add("emojis", Jsonp.createArrayBuilder());
        nullable(b, "last_status_at", date(a.lastStatusAt()));
        JsonArrayBuilder fields = Jsonp.createArrayBuilder();
        field(fields, "Title", a.title());
        field(fields, "Department", a.department());
        field(fields, "Site", a.site());
        field(fields, "Status", a.status());
        b.add("fields", fields);
        if (!a.active()) {
            // Mastodon's way of saying an account is gone: clients show it as such.
            b.add("suspended", true).add("limited", true);
        }
        return b.build();
    }

    private String avatar(AccountView a) {
        return a.photoHash() == null ? base + "favicon.svg" : base + "photos/" + Html.url(a.username()) + "?v=" + a.photoHash();
    }

    private static String note(AccountView a) {
        StringBuilder note = new StringBuilder();
        if (a.title() != null) {
            note.append(a.title());
        }
        if (a.department() != null) {
            note.append(note.length() > 0 ? " · " : "").append(a.department());
        }
        return note.length() == 0 ? "" : "<p>" + Html.escape(note.toString()) + "</p>";
    }

    private static void field(JsonArrayBuilder fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(Jsonp.createObjectBuilder().add("name", name).add("value", Html.escape(value)).addNull("verified_at"));
        }
    }

    JsonObject status(TimelineEntry e) {
        AccountView author = accounts.get(e.authorUsername());
        JsonObjectBuilder b = Jsonp.createObjectBuilder()
                .add("id", String.valueOf(e.id()))
                .add("created_at", time(e.createdAt()))
                .add("sensitive", false)
                .add("spoiler_text", "")
                .add("visibility", visibility(e))
                .add("uri", base + "post.xhtml?id=" + e.id())
                .add("url", base + "post.xhtml?id=" + e.id())
                .add("replies_count", e.threadId() == null ? e.replies() : 0)
                .add("reblogs_count", 0)
                .add("favourites_count", favourites(e))
                .add("favourited", favourited(e))
                .add("reblogged", false)
                .add("muted", false)
                .add("bookmarked", e.bookmarked())
                .add("pinned", e.pinned())
                .add("content", content(e))
                .add("text", e.text())
                .add("account", author == null ? Jsonp.createObjectBuilder().build() : account(author))
                .add("media_attachments", media(e.attachments()))
                .add("mentions", mentions(e.text()))
                .add("tags", tags(e.text()))
                .add("emojis", Jsonp.createArrayBuilder())
                .addNull("card")
                .addNull("application")
                .add("language", "fr");
        nullable(b, "in_reply_to_id", e.replyToId() == null ? null : String.valueOf(e.replyToId()));
        nullable(b, "in_reply_to_account_id", e.replyToUsername());
        nullable(b, "edited_at", time(e.editedAt()));
        PollResults poll = polls.get(e.id());
        if (poll != null) {
            b.add("poll", poll(poll));
        } else {
            b.addNull("poll");
        }
        if (e.shared() != null && e.text().isEmpty()) {
            b.add("reblog", shared(e.shared()));
        } else {
            b.addNull("reblog");
        }
        if (e.channel() != null) {
            // Not Mastodon's: where the post was written, for clients that care (lists are channels).
            b.add("babillard_channel", Jsonp.createObjectBuilder().add("id", String.valueOf(e.channel().id()))
                    .add("name", e.channel().name()).add("private", e.channel().privateChannel()));
        }
        return b.build();
    }

    private String content(TimelineEntry e) {
        String html = Html.content(e.text(), base);
        if (e.shared() != null && !e.text().isEmpty()) {
            String url = base + "post.xhtml?id=" + e.shared().id();
            html += "<p class=\"quote-inline\">RE: <a href=\"" + Html.escape(url) + "\">" + Html.escape(url) + "</a></p>";
        }
        return html;
    }

    private JsonObject shared(TimelineEntry.Shared s) {
        AccountView author = accounts.get(s.authorUsername());
        JsonObjectBuilder b = Jsonp.createObjectBuilder()
                .add("id", String.valueOf(s.id()))
                .add("created_at", time(s.createdAt()))
                .addNull("in_reply_to_id").addNull("in_reply_to_account_id")
                .add("sensitive", false).add("spoiler_text", "")
                .add("visibility", s.channel() != null && s.channel().privateChannel() ? "private" : "public")
                .add("uri", base + "post.xhtml?id=" + s.id()).add("url", base + "post.xhtml?id=" + s.id())
                .add("replies_count", 0).add("reblogs_count", 0).add("favourites_count", 0)
                .add("favourited", false).add("reblogged", false).add("muted", false).add("bookmarked", false)
                .add("pinned", false)
                .add("content", Html.content(s.text(), base)).add("text", s.text())
                .add("account", author == null ? Jsonp.createObjectBuilder().build() : account(author))
                .add("media_attachments", media(s.attachments()))
                .add("mentions", mentions(s.text())).add("tags", tags(s.text()))
                .add("emojis", Jsonp.createArrayBuilder())
                .addNull("card").addNull("poll").addNull("reblog").addNull("application").add("language", "fr");
        return b.build();
    }

    static String visibility(TimelineEntry e) {
        if ("MENTIONED".equals(e.audience()) || "NOTEBOOK".equals(e.audience())) {
            return "direct";
        }
        return e.channel() != null && e.channel().privateChannel() ? "private" : "public";
    }

    private static long favourites(TimelineEntry e) {
        return e.reactions().stream().filter(r -> r.emoji().equals(FAVOURITE.name())).mapToLong(TimelineEntry.ReactionCount::count).sum();
    }

    private static boolean favourited(TimelineEntry e) {
        return e.reactions().stream().anyMatch(r -> r.emoji().equals(FAVOURITE.name()) && r.mine());
    }

    JsonArrayBuilder media(java.util.List<AttachmentInfo> attachments) {
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (AttachmentInfo a : attachments) {
            list.add(media(a));
        }
        return list;
    }

    JsonObject media(AttachmentInfo a) {
        // The API's own address of the file: a bearer token opens it (the web pages' address wants a session).
        String url = base + "api/v1/media/" + a.id() + "/file";
        JsonObjectBuilder b = Jsonp.createObjectBuilder()
                .add("id", a.id())
                .add("type", a.image() ? "image" : "unknown")
                .add("url", url)
                .add("preview_url", a.image() ? base + "api/v1/media/" + a.id() + "/thumbnail" : url)
                .addNull("remote_url")
                .addNull("blurhash");
        nullable(b, "description", a.altText());
        JsonObjectBuilder meta = Jsonp.createObjectBuilder();
        if (a.width() != null && a.height() != null) {
            meta.add("original", Jsonp.createObjectBuilder().add("width", a.width()).add("height", a.height())
                    .add("size", a.width() + "x" + a.height()).add("aspect", (double) a.width() / a.height()));
        }
        return b.add("meta", meta).build();
    }

    private JsonArrayBuilder mentions(String text) {
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (String login : Markup.mentions(text)) {
            AccountView a = accounts.get(login);
            if (a != null) {
                list.add(Jsonp.createObjectBuilder().add("id", a.username()).add("username", a.username())
                        .add("acct", a.username()).add("url", base + "person.xhtml?u=" + Html.url(a.username())));
            }
        }
        return list;
    }

    private JsonArrayBuilder tags(String text) {
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (String tag : Markup.hashtags(text)) {
            list.add(Jsonp.createObjectBuilder().add("name", tag).add("url", base + "topic.xhtml?t=" + Html.url(tag)));
        }
        return list;
    }

    JsonObject poll(PollResults p) {
        JsonArrayBuilder options = Jsonp.createArrayBuilder();
        JsonArrayBuilder own = Jsonp.createArrayBuilder();
        for (PollResults.Choice c : p.getChoices()) {
            JsonObjectBuilder option = Jsonp.createObjectBuilder().add("title", c.getText());
            if (p.isShown()) {
                option.add("votes_count", c.getVotes());
            } else {
                // Mastodon hides counts the same way: null until the results may be shown.
                option.addNull("votes_count");
            }
            options.add(option);
            if (c.isMine()) {
                own.add(c.getIndex());
            }
        }
        JsonObjectBuilder b = Jsonp.createObjectBuilder()
                .add("id", String.valueOf(p.getPostId()))
                .add("expires_at", time(p.getDeadline()))
                .add("expired", p.isClosed())
                .add("multiple", false)
                .add("voted", p.isVoted())
                .add("own_votes", own)
                .add("options", options)
                .add("emojis", Jsonp.createArrayBuilder());
        if (p.isShown()) {
            b.add("votes_count", p.getTotal()).add("voters_count", p.getTotal());
        } else {
            b.add("votes_count", 0).addNull("voters_count");
        }
        return b.build();
    }

    /** A Babillard notification as Mastodon's kinds: mention, status (reply), favourite, follow, reblog, follow_request. */
    JsonObject notification(NotificationView n, JsonObject status) {
        AccountView actor = accounts.get(n.actorUsername());
        JsonObjectBuilder b = Jsonp.createObjectBuilder()
                .add("id", String.valueOf(n.id()))
                .add("type", notificationType(n.kind()))
                .add("created_at", time(n.createdAt()))
                .add("account", actor == null ? Jsonp.createObjectBuilder().build() : account(actor));
        if (status != null) {
            b.add("status", status);
        }
        return b.build();
    }

    static String notificationType(String kind) {
        return switch (kind) {
            case "MENTION", "REPLY" -> "mention";
            case "REACTION" -> "favourite";
            case "FOLLOW" -> "follow";
            case "SHARE" -> "reblog";
            case "JOIN_REQUEST" -> "follow_request";
            default -> "babillard." + kind.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
