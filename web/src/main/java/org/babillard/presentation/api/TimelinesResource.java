package org.babillard.presentation.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.babillard.platform.boundary.Refused;
import org.babillard.channels.boundary.Channels;
import org.babillard.timeline.boundary.Timeline;

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

    @GET
    @Path("home")
    public Response home(@QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                         @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                         @Context UriInfo uri) {
        String me = session.employee("read:statuses");
        return render.page(me, timeline.home(me, maxId, Paging.limit(limit)), Paging.newer(sinceId, minId), uri).build();
    }

    @GET
    @Path("public")
    public Response publicTimeline(@QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                                   @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                                   @Context UriInfo uri) {
        // Inside a company nothing is public to the world: the company stream is for employees.
        String me = session.employee("read:statuses");
        return render.page(me, timeline.company(me, maxId, Paging.limit(limit)), Paging.newer(sinceId, minId), uri).build();
    }

    @GET
    @Path("tag/{tag}")
    public Response tag(@PathParam("tag") String tag, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                        @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                        @Context UriInfo uri) {
        String me = session.employee("read:statuses");
        return render.page(me, timeline.topic(me, tag, maxId, Paging.limit(limit)), Paging.newer(sinceId, minId), uri).build();
    }

    @GET
    @Path("list/{id}")
    public Response list(@PathParam("id") long id, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                         @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                         @Context UriInfo uri) {
        String me = session.employee("read:lists");
        ListsResource.member(channels, me, id);
        try {
            return render.page(me, timeline.channel(me, id, maxId, Paging.limit(limit)), Paging.newer(sinceId, minId), uri).build();
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }
}
