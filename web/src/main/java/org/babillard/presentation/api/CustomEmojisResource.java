package org.babillard.presentation.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** /api/v1/custom_emojis: Babillard has none of its own; clients ask anyway. */
@Path("v1/custom_emojis")
@Produces("application/json; charset=utf-8")
public class CustomEmojisResource {

    @GET
    public String list() {
        return "[]";
    }
}
