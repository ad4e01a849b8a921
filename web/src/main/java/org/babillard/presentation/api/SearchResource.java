package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.babillard.people.boundary.PersonCard;
import org.babillard.platform.boundary.Refused;
import org.babillard.search.boundary.Search;
import org.babillard.search.boundary.SearchHit;
import org.babillard.search.boundary.TopicHit;
import org.babillard.search.control.PostIndex;
import org.babillard.timeline.boundary.Timeline;
import org.babillard.timeline.boundary.TimelineEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * /api/v2/search: accounts, statuses and hashtags, through Babillard's search (the same query syntax, the same
 * privacy: a status is found only by those who may read it).
 */
@Path("v2/search")
@Produces("application/json; charset=utf-8")
public class SearchResource {

    @Inject
    ApiSession session;

    @Inject
    Render render;

    @Inject
    Search search;

    @Inject
    Timeline timeline;

    @GET
    public String search(@QueryParam("q") String q, @QueryParam("type") String type,
                         @QueryParam("limit") @DefaultValue("20") int limit) {
        String me = session.employee("read:search");
        int size = Math.max(1, Math.min(limit, 40));
        String query = q == null ? "" : q.strip();
        JsonArrayBuilder accounts = Jsonp.createArrayBuilder();
        JsonArrayBuilder statuses = Jsonp.createArrayBuilder();
        JsonArrayBuilder hashtags = Jsonp.createArrayBuilder();
        if (!query.isEmpty()) {
            if (type == null || type.equals("accounts")) {
                List<String> names = search.people(query.replaceFirst("^@", ""), size).stream().map(PersonCard::username).toList();
                accounts = render.accounts(names);
            }
            if (type == null || type.equals("statuses")) {
                List<TimelineEntry> entries = new ArrayList<>();
                for (SearchHit hit : search.posts(me, query, PostIndex.Order.RELEVANCE, null, size).hits()) {
                    try {
                        entries.add(timeline.entry(me, hit.getPostId()));
                    } catch (Refused gone) {
                        // Deleted or closed to the reader between the search and now.
                    }
                }
                render.statuses(me, entries).forEach(statuses::add);
            }
            if (type == null || type.equals("hashtags")) {
                String base = render.base();
                for (TopicHit t : search.topics(me, query.startsWith("#") ? query : "#" + query, size)) {
                    hashtags.add(Jsonp.createObjectBuilder().add("name", t.tag()).add("url", base + "topic.xhtml?t=" + Html.url(t.tag()))
                            .add("history", Jsonp.createArrayBuilder()).add("following", false));
                }
            }
        }
        return Jsonp.createObjectBuilder().add("accounts", accounts).add("statuses", statuses).add("hashtags", hashtags)
                .build().toString();
    }
}
