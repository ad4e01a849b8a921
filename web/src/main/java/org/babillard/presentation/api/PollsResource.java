package org.babillard.presentation.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.babillard.platform.boundary.Refused;
import org.babillard.polls.boundary.Polls;

import java.util.List;

/** A post's poll: read it, vote (one choice, once). */
@Path("v1/polls")
@Produces("application/json; charset=utf-8")
public class PollsResource {

    @Inject
    ApiSession session;

    @Inject
    Render render;

    @Inject
    Polls polls;

    @GET
    @Path("{id}")
    public String poll(@PathParam("id") long id) {
        String me = session.employee("read:statuses");
        try {
            return render.json(List.of(), java.util.Map.of()).poll(polls.results(me, id)).toString();
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }

    @POST
    @Path("{id}/votes")
    @Consumes(MediaType.WILDCARD)
    public String vote(@PathParam("id") long id, @Context UriInfo uri, @HeaderParam("Content-Type") String type, String body) {
        String me = session.employee("write:statuses");
        Params p = Params.of(uri.getQueryParameters(), type, body);
        List<String> choices = p.list("choices");
        if (choices.size() != 1) {
            throw ApiError.unprocessable("Babillard's polls take one choice");
        }
        try {
            return render.json(List.of(), java.util.Map.of()).poll(polls.vote(me, id, Integer.parseInt(choices.get(0)))).toString();
        } catch (NumberFormatException e) {
            throw ApiError.unprocessable("choices must be numbers");
        } catch (Refused e) {
            throw StatusesResource.refused(e);
        }
    }
}
