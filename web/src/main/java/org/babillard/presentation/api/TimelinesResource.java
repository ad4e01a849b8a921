package org.babillard.presentation.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.babillard.api.boundary.Markers;
import org.babillard.api.entity.Marker;
import org.babillard.channels.boundary.ChannelDetails;
import org.babillard.channels.boundary.ChannelSummary;
import org.babillard.channels.boundary.Channels;
import org.babillard.notifications.boundary.NotificationView;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.Markup;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading: the home, public (the company), hashtag and list (a channel) timelines, newest first; max_id pages back, since_id and min_id keep what is newer. */
@Path("v1/timelines")
@Produces("application/json; charset=utf-8")
public class TimelinesResource {

    @Inject
    ApiSession session;

    @Inject
    Render render;

    @Inject
    Timeline timeline;

    @Inject
    Channels channels;

    @Inject
    Notifications notifications;

    @Inject
    Markers markers;

    @GET
    @Path("home")
    public Response home(@QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                         @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                         @Context UriInfo uri) {
        String me = session.employee("read:statuses");
        return render.page(me, timeline.home(me, maxId, limit(limit)), newer(sinceId, minId), uri).build();
    }

    @GET
    @Path("public")
    public Response publicTimeline(@QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                                   @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                                   @Context UriInfo uri) {
        // Inside a company nothing is public to the world: the company stream is for employees.
        String me = session.employee("read:statuses");
        return render.page(me, timeline.company(me, maxId, limit(limit)), newer(sinceId, minId), uri).build();
    }

    @GET
    @Path("tag/{tag}")
    public Response tag(@PathParam("tag") String tag, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                        @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                        @Context UriInfo uri) {
        String me = session.employee("read:statuses");
        return render.page(me, timeline.topic(me, tag, maxId, limit(limit)), newer(sinceId, minId), uri).build();
    }

    @GET
    @Path("list/{id}")
    public Response list(@PathParam("id") long id, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                         @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                         @Context UriInfo uri) {
        String me = session.employee("read:lists");
        member(me, id);
        try {
            return render.page(me, timeline.channel(me, id, maxId, limit(limit)), newer(sinceId, minId), uri).build();
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }


    private List<jakarta.json.JsonObject> render(String me, List<NotificationView> page) {
        Set<String> names = new LinkedHashSet<>();
        Map<Long, TimelineEntry> posts = new HashMap<>();
        for (NotificationView n : page) {
            names.add(n.actorUsername());
            if (n.postId() != null && !posts.containsKey(n.postId())) {
                try {
                    TimelineEntry e = timeline.entry(me, n.postId());
                    posts.put(n.postId(), e);
                    names.add(e.authorUsername());
                    names.addAll(Markup.mentions(e.text()));
                } catch (Refused gone) {
                    // The post was deleted or can no longer be read: the notification goes without it.
                }
            }
        }
        List<TimelineEntry> entries = new ArrayList<>(posts.values());
        List<jakarta.json.JsonObject> statuses = render.statuses(me, entries);
        Map<Long, jakarta.json.JsonObject> byId = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byId.put(entries.get(i).id(), statuses.get(i));
        }
        MastodonJson json = render.json(names, Map.of());
        return page.stream().map(n -> json.notification(n, n.postId() == null ? null : byId.get(n.postId()))).toList();
    }

    private static jakarta.json.JsonObject marker(Marker m) {
        return Json.createObjectBuilder().add("last_read_id", String.valueOf(m.getLastReadId()))
                .add("version", m.getVersion()).add("updated_at", MastodonJson.time(m.getUpdatedAt())).build();
    }

    private ChannelSummary member(String me, long id) {
        return channels.list(me).stream().filter(c -> c.id() == id && c.isMember()).findFirst()
                .orElseThrow(ApiError::notFound);
    }

    private static jakarta.json.JsonObject list(ChannelSummary c) {
        return Json.createObjectBuilder().add("id", String.valueOf(c.id())).add("title", c.name())
                .add("replies_policy", "list").add("exclusive", false).build();
    }

    private static int limit(int limit) {
        return Math.max(1, Math.min(limit, 40));
    }

    private static Long newer(Long sinceId, Long minId) {
        return sinceId != null ? sinceId : minId;
    }
}
