package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import org.babillard.api.boundary.AccountView;
import org.babillard.api.boundary.Accounts;
import org.babillard.following.boundary.Following;
import org.babillard.people.boundary.People;
import org.babillard.platform.boundary.Refused;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;
import org.babillard.timeline.boundary.TimelinePage;

import java.util.ArrayList;
import java.util.List;

/** People as Mastodon accounts: the caller's own, anyone's, their posts, who follows whom, following. */
@Path("v1/accounts")
@Produces("application/json; charset=utf-8")
public class AccountsResource {

    @Inject
    ApiSession session;

    @Inject
    Render render;

    @Inject
    Accounts accounts;

    @Inject
    Following following;

    @Inject
    Timeline timeline;

    @Inject
    People people;

    @GET
    @Path("verify_credentials")
    public String verifyCredentials() {
        String me = session.employee("read:accounts");
        AccountView a = accounts.account(me).orElseThrow(ApiError::unauthorized);
        JsonObject account = render.account(a);
        JsonObjectBuilder b = Jsonp.createObjectBuilder(account);
        b.add("source", Jsonp.createObjectBuilder().add("privacy", "public").add("sensitive", false)
                .add("language", people.find(me).map(e -> e.preferredLanguage()).orElse("fr"))
                .add("note", a.title() == null ? "" : a.title()).add("fields", Jsonp.createArrayBuilder())
                .add("follow_requests_count", 0));
        return b.build().toString();
    }

    @GET
    @Path("lookup")
    public String lookup(@QueryParam("acct") String acct) {
        session.employee("read:accounts");
        String username = acct == null ? "" : acct.replaceFirst("^@", "").replaceFirst("@.*$", "");
        return render.account(username).toString();
    }

    @GET
    @Path("search")
    public String search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("40") int limit) {
        session.employee("read:accounts");
        String query = q == null ? "" : q.replaceFirst("^@", "").replaceFirst("@.*$", "");
        return render.accounts(accounts.search(query, limit)).build().toString();
    }

    @GET
    @Path("relationships")
    public String relationships(@Context UriInfo uri) {
        String me = session.employee("read:follows");
        List<String> ids = new ArrayList<>(uri.getQueryParameters().getOrDefault("id[]", List.of()));
        ids.addAll(uri.getQueryParameters().getOrDefault("id", List.of()));
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (String id : ids) {
            if (accounts.account(id).isPresent()) {
                list.add(relationship(me, id));
            }
        }
        return list.build().toString();
    }

    @GET
    @Path("{id}")
    public String account(@PathParam("id") String id) {
        session.caller();
        return render.account(id).toString();
    }

    @GET
    @Path("{id}/statuses")
    public Response statuses(@PathParam("id") String id, @QueryParam("max_id") Long maxId, @QueryParam("since_id") Long sinceId,
                             @QueryParam("min_id") Long minId, @QueryParam("limit") @DefaultValue("20") int limit,
                             @QueryParam("exclude_replies") @DefaultValue("false") boolean excludeReplies,
                             @QueryParam("pinned") @DefaultValue("false") boolean pinned, @Context UriInfo uri) {
        String me = session.employee("read:statuses");
        accounts.account(id).orElseThrow(ApiError::notFound);
        if (pinned) {
            return Response.ok("[]", "application/json").build();
        }
        TimelinePage page = timeline.profile(me, id, maxId, Math.min(limit, 40));
        if (excludeReplies) {
            List<TimelineEntry> firsts = page.entries().stream().filter(e -> e.threadId() == null).toList();
            page = new TimelinePage(firsts, page.nextBefore());
        }
        return render.page(me, page, sinceId != null ? sinceId : minId, uri).build();
    }

    @GET
    @Path("{id}/followers")
    public Response followers(@PathParam("id") String id, @QueryParam("max_id") Long maxId,
                              @QueryParam("limit") @DefaultValue("40") int limit, @Context UriInfo uri) {
        return follows(id, true, maxId, limit, uri);
    }

    @GET
    @Path("{id}/following")
    public Response followingOf(@PathParam("id") String id, @QueryParam("max_id") Long maxId,
                                @QueryParam("limit") @DefaultValue("40") int limit, @Context UriInfo uri) {
        return follows(id, false, maxId, limit, uri);
    }

    @POST
    @Path("{id}/follow")
    @Consumes(MediaType.WILDCARD)
    public String follow(@PathParam("id") String id) {
        String me = session.employee("write:follows");
        accounts.account(id).orElseThrow(ApiError::notFound);
        try {
            following.follow(me, id);
        } catch (Refused e) {
            throw e.reason() == Refused.Reason.NOT_FOUND ? ApiError.notFound() : ApiError.unprocessable("cannot follow");
        }
        return relationship(me, id).toString();
    }

    @POST
    @Path("{id}/unfollow")
    @Consumes(MediaType.WILDCARD)
    public String unfollow(@PathParam("id") String id) {
        String me = session.employee("write:follows");
        accounts.account(id).orElseThrow(ApiError::notFound);
        following.unfollow(me, id);
        return relationship(me, id).toString();
    }

    private Response follows(String id, boolean followers, Long maxId, int limit, UriInfo uri) {
        session.employee("read:accounts");
        accounts.account(id).orElseThrow(ApiError::notFound);
        List<Object[]> rows = accounts.follows(id, followers, maxId, Math.min(limit, 80));
        List<String> names = rows.stream().map(r -> (String) r[1]).toList();
        Response.ResponseBuilder response = Response.ok(render.accounts(names).build().toString(), "application/json");
        if (!rows.isEmpty()) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("max_id", rows.get(rows.size() - 1)[0])
                    .build() + ">; rel=\"next\"");
        }
        return response.build();
    }

    private JsonObject relationship(String me, String other) {
        return Jsonp.createObjectBuilder()
                .add("id", other)
                .add("following", following.follows(me, other))
                .add("showing_reblogs", true)
                .add("notifying", false)
                .add("languages", Jsonp.createArrayBuilder())
                .add("followed_by", following.follows(other, me))
                .add("blocking", false).add("blocked_by", false).add("muting", false).add("muting_notifications", false)
                .add("requested", false).add("requested_by", false).add("domain_blocking", false).add("endorsed", false)
                .add("note", "")
                .build();
    }
}
