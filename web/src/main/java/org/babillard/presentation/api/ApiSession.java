package org.babillard.presentation.api;

import jakarta.enterprise.context.RequestScoped;
import org.babillard.api.boundary.Caller;

/** The caller of the current API request, set by {@link BearerAuthentication}. */
@RequestScoped
public class ApiSession {

    private Caller caller;

    void authenticated(Caller caller) {
        this.caller = caller;
    }

    /** The caller, or 401 if the request carried no valid token. */
    public Caller caller() {
        if (caller == null) {
            throw ApiError.unauthorized();
        }
        return caller;
    }

    /** The employee calling, with the scope needed; 401 without a token, 403 without the scope or for an app token. */
    public String employee(String scope) {
        Caller c = caller();
        if (!c.isEmployee()) {
            throw new ApiError(422, "This method requires an authenticated user");
        }
        if (!c.allows(scope)) {
            throw ApiError.forbidden();
        }
        return c.username();
    }

    /** The employee calling, if any (public endpoints answer anonymous callers too). */
    public String employeeOrNull() {
        return caller == null ? null : caller.username();
    }
}
