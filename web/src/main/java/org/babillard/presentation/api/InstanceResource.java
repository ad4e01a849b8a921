package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import org.babillard.platform.boundary.Settings;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.babillard.api.boundary.Accounts;
import org.babillard.attachments.control.AttachmentStore;
import org.babillard.polls.boundary.Polls;
import org.babillard.posts.boundary.Posts;

/** What a client asks first: which server this is, its version, limits and rules (/api/v1/instance, /api/v2/instance). */
@jakarta.enterprise.context.RequestScoped
@Path("v1/instance")
@Produces("application/json; charset=utf-8")
public class InstanceResource {

    /** The Mastodon version whose API Babillard answers like; clients read the number before "(compatible". */
    static final String VERSION = "4.2.0 (compatible; Babillard 1.0)";

    @Inject
    Render render;

    @Inject
    Settings settings;

    @Inject
    Accounts accounts;

    @Inject
    Posts posts;

    @Inject
    AttachmentStore attachments;

    @GET
    public String v1() {
        String base = render.base();
        long[] counts = accounts.instanceCounts();
        return Jsonp.createObjectBuilder()
                .add("uri", host(base))
                .add("title", settings.companyName().orElse("Babillard"))
                .add("short_description", "Babillard: what your colleagues are working on.")
                .add("description", "The company's own micro-blogging: log in with your directory account.")
                .add("email", "")
                .add("version", VERSION)
                .add("urls", Jsonp.createObjectBuilder().add("streaming_api", base.replaceFirst("^http", "ws").replaceAll("/$", "")))
                .add("stats", Jsonp.createObjectBuilder().add("user_count", counts[0]).add("status_count", counts[1]).add("domain_count", 0))
                .add("thumbnail", base + "favicon.svg")
                .add("languages", Jsonp.createArrayBuilder().add("fr").add("en"))
                .add("registrations", false)
                .add("approval_required", false)
                .add("invites_enabled", false)
                .add("configuration", configuration(base, false))
                .addNull("contact_account")
                .add("rules", Jsonp.createArrayBuilder())
                .build().toString();
    }

    String v2() {
        String base = render.base();
        long[] counts = accounts.instanceCounts();
        return Jsonp.createObjectBuilder()
                .add("domain", host(base))
                .add("title", settings.companyName().orElse("Babillard"))
                .add("version", VERSION)
                .add("source_url", base)
                .add("description", "The company's own micro-blogging: log in with your directory account.")
                .add("usage", Jsonp.createObjectBuilder().add("users", Jsonp.createObjectBuilder().add("active_month", counts[0])))
                .add("thumbnail", Jsonp.createObjectBuilder().add("url", base + "favicon.svg"))
                .add("languages", Jsonp.createArrayBuilder().add("fr").add("en"))
                .add("configuration", configuration(base, true))
                .add("registrations", Jsonp.createObjectBuilder().add("enabled", false).add("approval_required", false).addNull("message"))
                .add("contact", Jsonp.createObjectBuilder().add("email", "").addNull("account"))
                .add("rules", Jsonp.createArrayBuilder())
                .build().toString();
    }

    @GET
    @Path("peers")
    public String peers() {
        return "[]";
    }

    private JsonObjectBuilder configuration(String base, boolean v2) {
        JsonObjectBuilder c = Jsonp.createObjectBuilder()
                .add("statuses", Jsonp.createObjectBuilder().add("max_characters", posts.maxLength())
                        .add("max_media_attachments", settings.attachmentsPerPost()).add("characters_reserved_per_url", 0))
                .add("media_attachments", Jsonp.createObjectBuilder()
                        .add("supported_mime_types", Jsonp.createArrayBuilder().add("image/jpeg").add("image/png")
                                .add("image/gif").add("image/webp").add("application/pdf").add("text/plain"))
                        .add("image_size_limit", attachments.maxBytes()).add("image_matrix_limit", 16777216)
                        .add("video_size_limit", attachments.maxBytes()).add("video_frame_rate_limit", 60)
                        .add("video_matrix_limit", 2304000))
                .add("polls", Jsonp.createObjectBuilder().add("max_options", Polls.MAX_CHOICES)
                        .add("max_characters_per_option", Polls.CHOICE_LIMIT).add("min_expiration", 300)
                        .add("max_expiration", Polls.LONGEST.toSeconds()));
        if (v2) {
            c.add("urls", Jsonp.createObjectBuilder().add("streaming", base.replaceFirst("^http", "ws").replaceAll("/$", "")))
                    .add("accounts", Jsonp.createObjectBuilder().add("max_featured_tags", 0))
                    .add("translation", Jsonp.createObjectBuilder().add("enabled", false));
        }
        return c;
    }

    private static String host(String base) {
        return java.net.URI.create(base).getAuthority();
    }
}
