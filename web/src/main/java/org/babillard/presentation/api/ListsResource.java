package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import org.babillard.channels.boundary.ChannelSummary;
import org.babillard.channels.boundary.Channels;
import org.babillard.platform.boundary.Refused;

import java.util.List;

/**
 * Lists are channels: the caller's lists are the channels they are a member of; creating a list creates a private
 * channel they own (adding accounts invites them: in Babillard, people join a private channel themselves).
 */
@Path("v1/lists")
@Produces("application/json; charset=utf-8")
public class ListsResource {

    @Inject
    ApiSession session;

    @Inject
    Render render;

    @Inject
    Channels channels;

    @GET
    public String lists() {
        String me = session.employee("read:lists");
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        channels.list(me).stream().filter(ChannelSummary::isMember).forEach(c -> list.add(list(c)));
        return list.build().toString();
    }

    @GET
    @Path("{id}")
    public String list(@PathParam("id") long id) {
        String me = session.employee("read:lists");
        return list(member(channels, me, id)).toString();
    }

    @GET
    @Path("{id}/accounts")
    public String listAccounts(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("40") int limit) {
        String me = session.employee("read:lists");
        member(channels, me, id);
        try {
            List<String> names = channels.members(me, id).stream().filter(m -> m.role() != null)
                    .map(m -> m.username()).limit(Math.max(1, Math.min(limit, 80))).toList();
            return render.accounts(names).build().toString();
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }

    static ChannelSummary member(Channels channels, String me, long id) {
        return channels.list(me).stream().filter(c -> c.id() == id && c.isMember()).findFirst()
                .orElseThrow(ApiError::notFound);
    }

    static jakarta.json.JsonObject list(ChannelSummary c) {
        return Jsonp.createObjectBuilder().add("id", String.valueOf(c.id())).add("title", c.name())
                .add("replies_policy", "list").add("exclusive", false).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public String create(@Context UriInfo uri, @HeaderParam("Content-Type") String type, String body) {
        String me = session.employee("write:lists");
        Params p = Params.of(uri.getQueryParameters(), type, body);
        try {
            var channel = channels.create(me, p.get("title"), "", org.babillard.channels.entity.Channel.Access.PRIVATE,
                    org.babillard.channels.entity.Channel.Posting.MEMBERS);
            return Jsonp.createObjectBuilder().add("id", String.valueOf(channel.getId())).add("title", channel.getName())
                    .add("replies_policy", "list").add("exclusive", false).build().toString();
        } catch (Refused e) {
            throw ApiError.unprocessable("a list needs a title that no channel has yet");
        }
    }

    @POST
    @Path("{id}/accounts")
    @Consumes(MediaType.WILDCARD)
    public String add(@PathParam("id") long id, @Context UriInfo uri, @HeaderParam("Content-Type") String type, String body) {
        String me = session.employee("write:lists");
        member(channels, me, id);
        Params p = Params.of(uri.getQueryParameters(), type, body);
        for (String account : p.list("account_ids")) {
            try {
                channels.invite(me, id, account);
            } catch (Refused e) {
                throw StatusesResource.refused(e);
            }
        }
        return "{}";
    }
}
