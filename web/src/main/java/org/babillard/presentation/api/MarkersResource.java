package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.babillard.api.boundary.Markers;
import org.babillard.api.entity.Marker;

import java.util.ArrayList;
import java.util.List;

/** Where the caller's clients stopped reading. */
@Path("v1/markers")
@Produces("application/json; charset=utf-8")
public class MarkersResource {

    @Inject
    ApiSession session;

    @Inject
    Markers markers;

    @GET
    public String markers(@Context UriInfo uri) {
        String me = session.employee("read:statuses");
        List<String> wanted = new ArrayList<>(uri.getQueryParameters().getOrDefault("timeline[]", List.of()));
        wanted.addAll(uri.getQueryParameters().getOrDefault("timeline", List.of()));
        var json = Jsonp.createObjectBuilder();
        for (Marker m : markers.of(me, wanted)) {
            json.add(m.getTimeline(), marker(m));
        }
        return json.build().toString();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public String saveMarkers(@Context UriInfo uri, @HeaderParam("Content-Type") String type, String body) {
        String me = session.employee("write:statuses");
        Params p = Params.of(uri.getQueryParameters(), type, body);
        var json = Jsonp.createObjectBuilder();
        for (String timelineName : Markers.TIMELINES) {
            Long last = p.number(timelineName + "[last_read_id]");
            if (last != null) {
                json.add(timelineName, marker(markers.move(me, timelineName, last)));
            }
        }
        return json.build().toString();
    }

    private static jakarta.json.JsonObject marker(Marker m) {
        return Jsonp.createObjectBuilder().add("last_read_id", String.valueOf(m.getLastReadId()))
                .add("version", m.getVersion()).add("updated_at", MastodonJson.time(m.getUpdatedAt())).build();
    }
}
