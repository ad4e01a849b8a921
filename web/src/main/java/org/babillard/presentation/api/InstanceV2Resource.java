package org.babillard.presentation.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** /api/v2/instance: the same server, in version 2's shape. */
@Path("v2/instance")
@Produces("application/json; charset=utf-8")
public class InstanceV2Resource {

    @Inject
    InstanceResource instance;

    @GET
    public String get() {
        return instance.v2();
    }
}
