package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.babillard.attachments.boundary.Attachments;
import org.babillard.platform.boundary.Refused;
import org.babillard.polls.boundary.Polls;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.babillard.posts.entity.PostVersion;
import org.babillard.posts.entity.Reaction;
import org.babillard.timeline.boundary.Conversation;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Posts through the API: publish (with the visibility, a reply, a poll, an {@code Idempotency-Key}), read, read
 * the conversation, edit, read the history, delete, favourite (a 👍 reaction), bookmark, reblog (share with one's
 * followers), pin (in a channel). The same rules as the web pages: what the caller may not read is 404.
 */
@Path("v1/statuses")
@Produces("application/json; charset=utf-8")
public class StatusesResource {
    @POST
    @Consumes(MediaType.WILDCARD)
    public String create(@Context UriInfo uri, @HeaderParam("Content-Type") String type,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, String body) {
        String me = session.employee("write:statuses");
        Params p = Params.of(uri.getQueryParameters(), type, body);
        String text = p.get("status") == null ? "" : p.get("status");
        List<String> media = p.list("media_ids");
        if (p.get("scheduled_at") != null && !p.get("scheduled_at").isBlank()) {
            throw ApiError.unprocessable("scheduled posts are not available");
        }
        Long replyTo = p.number("in_reply_to_id");
        Long channel = p.number("channel_id");
        Post.Audience audience = audience(p.get("visibility"), text);
        Draft draft = new Draft(text, channel, replyTo, key(me, idempotencyKey), replyTo != null || channel != null ? null : audience);
        try {
            Post post;
            List<String> options = p.list("poll[options]");
            if (!options.isEmpty() && !media.isEmpty()) {
                throw ApiError.unprocessable("A post with a poll carries no media");
            }
            if (!media.isEmpty()) {
                post = attachments.publishWithUploads(me, draft, media);
            } else if (!options.isEmpty()) {
                Long expiresIn = p.number("poll[expires_in]");
                // Kept within a second past the longest a poll may run, so that no number overflows the clock: the
                // poll's own rule then refuses it with its message (422).
                long seconds = expiresIn == null ? 86400 : Math.max(-1, Math.min(expiresIn, Polls.LONGEST.toSeconds() + 1));
                Instant deadline = Clock.systemUTC().instant().plusSeconds(seconds);
                post = polls.publish(me, draft, options, deadline, false);
            } else {
                post = posts.publish(me, draft);
            }
            return render.status(me, timeline.entry(me, post.getId())).toString();
        } catch (PostRejected e) {
            throw rejected(e);
        } catch (Refused e) {
            throw refused(e);
        }
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") long id) {
        String me = session.employee("read:statuses");
        return render.status(me, entry(me, id)).toString();
    }

    @GET
    @Path("{id}/context")
    public String context(@PathParam("id") long id) {
        String me = session.employee("read:statuses");
        try {
            Conversation c = timeline.conversation(me, id);
            List<TimelineEntry> ancestors = new ArrayList<>();
            List<TimelineEntry> descendants = new ArrayList<>();
            if (c.first().id() != id) {
                if (!c.firstDeleted()) {
                    ancestors.add(c.first());
                }
                boolean after = false;
                for (TimelineEntry r : c.replies()) {
                    if (r.id() == id) {
                        after = true;
                    } else if (after) {
                        descendants.add(r);
                    } else {
                        ancestors.add(r);
                    }
                }
            } else {
                descendants.addAll(c.replies());
            }
            JsonArrayBuilder a = Jsonp.createArrayBuilder();
            render.statuses(me, ancestors).forEach(a::add);
            JsonArrayBuilder d = Jsonp.createArrayBuilder();
            render.statuses(me, descendants).forEach(d::add);
            return Jsonp.createObjectBuilder().add("ancestors", a).add("descendants", d).build().toString();
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public String edit(@PathParam("id") long id, @Context UriInfo uri, @HeaderParam("Content-Type") String type, String body) {
        String me = session.employee("write:statuses");
        Params p = Params.of(uri.getQueryParameters(), type, body);
        TimelineEntry before = entry(me, id);
        try {
            posts.edit(me, id, before.version(), p.get("status"));
            return render.status(me, entry(me, id)).toString();
        } catch (PostRejected e) {
            throw rejected(e);
        } catch (Refused e) {
            throw refused(e);
        }
    }

    @GET
    @Path("{id}/history")
    public String history(@PathParam("id") long id) {
        String me = session.employee("read:statuses");
        TimelineEntry now = entry(me, id);
        try {
            List<PostVersion> earlier = posts.history(me, id);
            JsonArrayBuilder list = Jsonp.createArrayBuilder();
            var json = render.json(List.of(now.authorUsername()), java.util.Map.of());
            String base = render.base();
            // Oldest first, as Mastodon lists them, ending with the current text.
            for (int i = earlier.size() - 1; i >= 0; i--) {
                list.add(version(json, now, earlier.get(i).getText(), earlier.get(i).getWrittenAt(), base));
            }
            list.add(version(json, now, now.text(), now.editedAt() == null ? now.createdAt() : now.editedAt(), base));
            return list.build().toString();
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }

    @DELETE
    @Path("{id}")
    public String delete(@PathParam("id") long id) {
        String me = session.employee("write:statuses");
        TimelineEntry before = entry(me, id);
        String json = render.status(me, before).toString();
        try {
            posts.delete(me, id);
            return json;
        } catch (Refused e) {
            throw refused(e);
        }
    }

    @POST
    @Path("{id}/favourite")
    @Consumes(MediaType.WILDCARD)
    public String favourite(@PathParam("id") long id) {
        return react(id, true);
    }

    @POST
    @Path("{id}/unfavourite")
    @Consumes(MediaType.WILDCARD)
    public String unfavourite(@PathParam("id") long id) {
        return react(id, false);
    }

    @POST
    @Path("{id}/bookmark")
    @Consumes(MediaType.WILDCARD)
    public String bookmark(@PathParam("id") long id) {
        return bookmark(id, true);
    }

    @POST
    @Path("{id}/unbookmark")
    @Consumes(MediaType.WILDCARD)
    public String unbookmark(@PathParam("id") long id) {
        return bookmark(id, false);
    }

    @POST
    @Path("{id}/reblog")
    @Consumes(MediaType.WILDCARD)
    public String reblog(@PathParam("id") long id) {
        String me = session.employee("write:statuses");
        try {
            Post share = posts.share(me, id, "", null, null);
            return render.status(me, timeline.entry(me, share.getId())).toString();
        } catch (PostRejected e) {
            throw ApiError.unprocessable("cannot share");
        } catch (Refused e) {
            throw refused(e);
        }
    }

    @POST
    @Path("{id}/pin")
    @Consumes(MediaType.WILDCARD)
    public String pin(@PathParam("id") long id) {
        return pin(id, true);
    }

    @POST
    @Path("{id}/unpin")
    @Consumes(MediaType.WILDCARD)
    public String unpin(@PathParam("id") long id) {
        return pin(id, false);
    }

    @GET
    @Path("{id}/reblogged_by")
    public String rebloggedBy(@PathParam("id") long id) {
        String me = session.employee("read:statuses");
        entry(me, id);
        return "[]";
    }


    @Inject
    ApiSession session;

    @Inject
    Render render;

    @Inject
    Posts posts;

    @Inject
    Attachments attachments;

    @Inject
    Polls polls;

    @Inject
    Timeline timeline;

    private String react(long id, boolean on) {
        String me = session.employee("write:favourites");
        TimelineEntry now = entry(me, id);
        boolean given = now.reactions().stream().anyMatch(r -> r.emoji().equals(MastodonJson.FAVOURITE.name()) && r.mine());
        try {
            if (given != on) {
                posts.react(me, id, MastodonJson.FAVOURITE);
            }
        } catch (Refused e) {
            throw refused(e);
        }
        return render.status(me, entry(me, id)).toString();
    }

    private String bookmark(long id, boolean on) {
        String me = session.employee("write:bookmarks");
        TimelineEntry now = entry(me, id);
        try {
            if (now.bookmarked() != on) {
                posts.bookmark(me, id);
            }
        } catch (Refused e) {
            throw refused(e);
        }
        return render.status(me, entry(me, id)).toString();
    }

    private String pin(long id, boolean on) {
        String me = session.employee("write:accounts");
        entry(me, id);
        try {
            posts.pin(me, id, on);
        } catch (Refused e) {
            throw refused(e);
        }
        return render.status(me, entry(me, id)).toString();
    }

    private jakarta.json.JsonObject version(MastodonJson json, TimelineEntry e, String text, Instant at, String base) {
        var status = json.status(e);
        return Jsonp.createObjectBuilder()
                .add("content", Html.content(text, base))
                .add("spoiler_text", "")
                .add("sensitive", false)
                .add("created_at", MastodonJson.time(at))
                .add("account", status.getJsonObject("account"))
                .addNull("poll")
                .add("media_attachments", Jsonp.createArrayBuilder())
                .add("emojis", Jsonp.createArrayBuilder())
                .build();
    }

    private TimelineEntry entry(String me, long id) {
        try {
            return timeline.entry(me, id);
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }

    /**
     * Mastodon's visibilities: public and unlisted are the company; direct is the people mentioned, or, naming
     * nobody, the author alone (their notebook). Babillard has no followers-only posts: "private" is refused.
     */
    /** Mastodon's 422 for a text that breaks the rule (docs/security.md, "Bad input"), in the caller's language. */
    private static ApiError rejected(PostRejected e) {
        return switch (e.problem()) {
            case EMPTY -> ApiError.localized(422, "badInput.status.empty");
            case TOO_LONG -> ApiError.localized(422, "badInput.status.tooLong", String.valueOf(e.limit()));
            case CONTROL_CHARACTERS -> ApiError.localized(422, "badInput.status.control");
        };
    }

    static Post.Audience audience(String visibility, String text) {
        if (visibility == null || visibility.isBlank() || visibility.equals("public") || visibility.equals("unlisted")) {
            return null;
        }
        if (visibility.equals("direct")) {
            return org.babillard.posts.control.Markup.mentions(text).isEmpty() ? Post.Audience.NOTEBOOK : Post.Audience.MENTIONED;
        }
        if (visibility.equals("private")) {
            throw ApiError.unprocessable("Babillard has no followers-only posts: post public (the company), or direct (the people mentioned)");
        }
        throw ApiError.unprocessable("visibility must be public, unlisted or direct");
    }

    /** An Idempotency-Key as a client key of this author: itself if it fits, else its SHA-256. */
    private static String key(String author, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        String key = "api:" + idempotencyKey.strip();
        if (key.length() <= 64) {
            return key;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiError refused(Refused e) {
        return switch (e.reason()) {
            case NOT_FOUND -> ApiError.notFound();
            case NOT_ALLOWED -> new ApiError(403, Posts.BOT_CHANNELS_ONLY.equals(e.detail()) ? e.detail() : "This action is not allowed");
            case ARCHIVED -> ApiError.unprocessable("the channel is archived");
            case CHANGED_MEANWHILE -> new ApiError(409, "The post changed meanwhile; read it again");
            case ALREADY -> ApiError.unprocessable("already done");
            case INVALID -> ApiError.unprocessable(e.detail());
        };
    }
}
