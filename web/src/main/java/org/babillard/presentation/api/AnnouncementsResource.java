package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.babillard.announcements.boundary.Announcements;
import org.babillard.announcements.boundary.NewsItem;
import org.babillard.announcements.entity.Announcement;
import org.babillard.people.boundary.People;
import org.babillard.platform.boundary.Refused;

/**
 * Mastodon's announcements are Babillard's: the ones out now that the caller is in the audience of, in their
 * language; "dismiss" is "I have read this" (a must-read's banner goes away, and the statistics count it).
 */
@Path("v1/announcements")
@Produces("application/json; charset=utf-8")
public class AnnouncementsResource {

    @Inject
    ApiSession session;

    @Inject
    Announcements announcements;

    @Inject
    People people;

    @GET
    public String list() {
        String me = session.employee("read");
        String language = people.find(me).map(e -> e.preferredLanguage()).orElse("fr");
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (NewsItem item : announcements.news(me, null)) {
            Announcement a = item.announcement();
            String title = a.title(language);
            String body = a.body(language);
            String content = "<p><strong>" + Html.escape(title == null ? "" : title) + "</strong></p>"
                    + "<p>" + Html.escape(body == null ? "" : body).replace("\n", "<br>") + "</p>";
            JsonObjectBuilder json = Jsonp.createObjectBuilder()
                    .add("id", String.valueOf(a.getId()))
                    .add("content", content)
                    .add("all_day", false)
                    .add("published_at", MastodonJson.time(a.getPublishedAt()))
                    .add("updated_at", MastodonJson.time(a.getPublishedAt()))
                    .add("read", !item.recipient() || item.acknowledgedAt() != null)
                    .add("mentions", Jsonp.createArrayBuilder()).add("statuses", Jsonp.createArrayBuilder())
                    .add("tags", Jsonp.createArrayBuilder()).add("emojis", Jsonp.createArrayBuilder())
                    .add("reactions", Jsonp.createArrayBuilder())
                    .add("babillard_must_read", a.isMustRead())
                    .add("babillard_category", a.getCategory().name());
            if (a.isEvent()) {
                json.add("starts_at", MastodonJson.time(a.getEventStart()));
                if (a.getEventEnd() == null) {
                    json.addNull("ends_at");
                } else {
                    json.add("ends_at", MastodonJson.time(a.getEventEnd()));
                }
            } else {
                json.addNull("starts_at").addNull("ends_at");
            }
            list.add(json);
        }
        return list.build().toString();
    }

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.WILDCARD)
    public String dismiss(@PathParam("id") long id) {
        String me = session.employee("write:accounts");
        try {
            announcements.acknowledge(me, id);
        } catch (Refused e) {
            throw ApiError.notFound();
        }
        return "{}";
    }
}
