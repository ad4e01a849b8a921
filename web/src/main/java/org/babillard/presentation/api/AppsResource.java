package org.babillard.presentation.api;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.babillard.api.boundary.Caller;
import org.babillard.api.boundary.OAuth;
import org.babillard.api.boundary.OAuthRefused;
import org.babillard.api.boundary.RegisteredApp;

/** Registering an application (POST /api/v1/apps) and checking an application's token. */
@Path("v1/apps")
@Produces("application/json; charset=utf-8")
public class AppsResource {

    @Inject
    OAuth oauth;

    @Inject
    ApiSession session;

    @POST
    @Consumes(MediaType.WILDCARD)
    public String register(@Context UriInfo uri, @HeaderParam("Content-Type") String type, String body) {
        Params p = Params.of(uri.getQueryParameters(), type, body);
        try {
            RegisteredApp app = oauth.register(p.get("client_name"), p.get("redirect_uris") == null
                    ? String.join(" ", p.list("redirect_uris")) : p.get("redirect_uris"), p.get("scopes"), p.get("website"));
            JsonObjectBuilder json = Jsonp.createObjectBuilder()
                    .add("id", String.valueOf(app.id()))
                    .add("name", app.name())
                    .add("redirect_uri", String.join("\n", app.redirectUris()))
                    .add("redirect_uris", Jsonp.createArrayBuilder(app.redirectUris()))
                    .add("scopes", Jsonp.createArrayBuilder(java.util.List.of(app.scopes().split(" "))))
                    .add("client_id", app.clientId())
                    .add("client_secret", app.clientSecret())
                    .add("vapid_key", "");
            if (app.website() == null) {
                json.addNull("website");
            } else {
                json.add("website", app.website());
            }
            return json.build().toString();
        } catch (OAuthRefused e) {
            throw ApiError.unprocessable(e.getMessage());
        }
    }

    @GET
    @Path("verify_credentials")
    public String verify() {
        Caller caller = session.caller();
        JsonObjectBuilder json = Jsonp.createObjectBuilder().add("name", caller.appName()).add("vapid_key", "");
        if (caller.appWebsite() == null) {
            json.addNull("website");
        } else {
            json.add("website", caller.appWebsite());
        }
        return json.build().toString();
    }
}
