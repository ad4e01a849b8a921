package org.babillard.presentation.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.babillard.timeline.boundary.Timeline;

/** The posts the caller bookmarked. */
@Path("v1/bookmarks")
@Produces("application/json; charset=utf-8")
public class BookmarksResource {

    @Inject
    ApiSession session;

    @Inject
    Render render;

    @Inject
    Timeline timeline;

    @GET
    public Response bookmarks(@QueryParam("max_id") Long maxId, @QueryParam("limit") @DefaultValue("20") int limit,
                              @Context UriInfo uri) {
        String me = session.employee("read:bookmarks");
        return render.page(me, timeline.bookmarks(me, maxId, Paging.limit(limit)), null, uri).build();
    }
}
