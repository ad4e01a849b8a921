package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.babillard.api.boundary.AccountView;
import org.babillard.api.boundary.Accounts;
import org.babillard.polls.boundary.PollResults;
import org.babillard.polls.boundary.Polls;
import org.babillard.posts.control.Markup;
import org.babillard.timeline.boundary.TimelineEntry;
import org.babillard.timeline.boundary.TimelinePage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns pages of posts and lists of people into Mastodon JSON, with the accounts and polls they name read at once. */
@RequestScoped
public class Render {

    @Inject
    Accounts accounts;

    @Inject
    Polls polls;

    @Inject
    HttpServletRequest request;

    /** The server's absolute address, ending with "/": babillard.base-url, or the address the client used. */
    String base() {
        return OAuthBase.of(request);
    }

    MastodonJson json(Collection<String> usernames, Map<Long, PollResults> pollsOf) {
        return new MastodonJson(base(), accounts.views(usernames), pollsOf);
    }

    JsonObject account(AccountView a) {
        return json(List.of(), Map.of()).account(a);
    }

    JsonObject account(String username) {
        AccountView a = accounts.account(username).orElseThrow(ApiError::notFound);
        return json(List.of(), Map.of()).account(a);
    }

    JsonArrayBuilder accounts(List<String> usernames) {
        MastodonJson json = json(usernames, Map.of());
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        accounts.views(usernames).values().forEach(a -> list.add(json.account(a)));
        return list;
    }

    JsonObject status(String reader, TimelineEntry entry) {
        return statuses(reader, List.of(entry)).get(0);
    }

    List<JsonObject> statuses(String reader, List<TimelineEntry> entries) {
        Set<String> names = new LinkedHashSet<>();
        List<Long> ids = new ArrayList<>();
        for (TimelineEntry e : entries) {
            ids.add(e.id());
            names.add(e.authorUsername());
            names.addAll(Markup.mentions(e.text()));
            if (e.shared() != null) {
                names.add(e.shared().authorUsername());
                names.addAll(Markup.mentions(e.shared().text()));
            }
        }
        Map<Long, PollResults> pollsOf = reader == null || ids.isEmpty() ? Map.of() : polls.among(reader, ids);
        MastodonJson json = json(names, pollsOf);
        return entries.stream().map(json::status).toList();
    }

    /**
     * A page of posts with Mastodon's pagination: {@code Link} to the next (older, max_id) and previous (newer,
     * min_id) pages. {@code sinceId} keeps only posts newer than it.
     */
    Response.ResponseBuilder page(String reader, TimelinePage page, Long sinceId, UriInfo uri) {
        List<TimelineEntry> entries = sinceId == null ? page.entries()
                : page.entries().stream().filter(e -> e.id() > sinceId).toList();
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        statuses(reader, entries).forEach(list::add);
        Response.ResponseBuilder response = Response.ok(list.build().toString(), "application/json");
        if (!entries.isEmpty()) {
            List<String> links = new ArrayList<>();
            if (page.nextBefore() != null && sinceId == null) {
                links.add("<" + uri.getRequestUriBuilder().replaceQueryParam("max_id", page.nextBefore())
                        .replaceQueryParam("min_id").replaceQueryParam("since_id").build() + ">; rel=\"next\"");
            }
            links.add("<" + uri.getRequestUriBuilder().replaceQueryParam("min_id", entries.get(0).id())
                    .replaceQueryParam("max_id").replaceQueryParam("since_id").build() + ">; rel=\"prev\"");
            response.header("Link", String.join(", ", links));
        }
        return response;
    }
}
