package org.babillard.presentation.oauth;

import org.babillard.presentation.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.api.control.Scopes;

import java.io.IOException;

/** GET /.well-known/oauth-authorization-server: where the OAuth endpoints are and what they support (RFC 8414). */
@WebServlet("/.well-known/oauth-authorization-server")
public class WellKnownServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = OAuthRequest.base(request);
        JsonArrayBuilder scopes = Jsonp.createArrayBuilder();
        Scopes.TOP.stream().sorted().forEach(scopes::add);
        OAuthRequest.json(response, 200, Jsonp.createObjectBuilder()
                .add("issuer", base)
                .add("service_documentation", base + "docs/api.md")
                .add("authorization_endpoint", base + "oauth/authorize")
                .add("token_endpoint", base + "oauth/token")
                .add("revocation_endpoint", base + "oauth/revoke")
                .add("app_registration_endpoint", base + "api/v1/apps")
                .add("scopes_supported", scopes)
                .add("response_types_supported", Jsonp.createArrayBuilder().add("code"))
                .add("response_modes_supported", Jsonp.createArrayBuilder().add("query"))
                .add("grant_types_supported", Jsonp.createArrayBuilder().add("authorization_code").add("client_credentials"))
                .add("token_endpoint_auth_methods_supported", Jsonp.createArrayBuilder().add("client_secret_basic").add("client_secret_post"))
                .add("code_challenge_methods_supported", Jsonp.createArrayBuilder().add("S256").add("plain"))
                .build());
    }
}
