package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** The caller's notifications, as Mastodon's kinds. */
@Path("v1/notifications")
@Produces("application/json; charset=utf-8")
public class NotificationsResource {

    @Inject
    ApiSession session;

    @Inject
    Render render;

    @Inject
    Timeline timeline;

    @Inject
    Notifications notifications;

    @GET
    public Response notifications(@QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                                  @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                                  @Context UriInfo uri) {
        String me = session.employee("read:notifications");
        List<NotificationView> page = notifications.list(me, maxId, Math.max(1, Math.min(limit, Notifications.LARGEST_PAGE)));
        Long newer = Paging.newer(sinceId, minId);
        if (newer != null) {
            page = page.stream().filter(n -> n.id() > newer).toList();
        }
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        render(me, page).forEach(list::add);
        Response.ResponseBuilder response = Response.ok(list.build().toString(), "application/json");
        if (!page.isEmpty()) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("max_id", page.get(page.size() - 1).id())
                    .replaceQueryParam("min_id").replaceQueryParam("since_id").build() + ">; rel=\"next\", <"
                    + uri.getRequestUriBuilder().replaceQueryParam("min_id", page.get(0).id())
                    .replaceQueryParam("max_id").replaceQueryParam("since_id").build() + ">; rel=\"prev\"");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    public String notification(@PathParam("id") long id) {
        String me = session.employee("read:notifications");
        NotificationView n = notifications.list(me, id + 1, 1).stream().filter(v -> v.id() == id).findFirst()
                .orElseThrow(ApiError::notFound);
        return render(me, List.of(n)).get(0).toString();
    }

    @POST
    @Path("clear")
    @Consumes(MediaType.WILDCARD)
    public String clear() {
        String me = session.employee("write:notifications");
        notifications.markAllRead(me);
        return "{}";
    }

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.WILDCARD)
    public String dismiss(@PathParam("id") long id) {
        String me = session.employee("write:notifications");
        notifications.markRead(me, id);
        return "{}";
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
}
