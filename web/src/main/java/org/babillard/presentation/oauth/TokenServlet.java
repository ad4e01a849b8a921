package org.babillard.presentation.oauth;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.api.boundary.IssuedToken;
import org.babillard.api.boundary.OAuth;
import org.babillard.api.boundary.OAuthRefused;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * POST /oauth/token: an authorization code (with its PKCE verifier) or the application's own credentials for a
 * token, as RFC 6749 and Mastodon answer it. The client authenticates in the body or with HTTP Basic.
 */
@WebServlet("/oauth/token")
public class TokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OAuth oauth;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OAuthRequest p = OAuthRequest.readOrRefuse(request, response);
        if (p == null) {
            return;
        }
        String[] basic = basic(request.getHeader("Authorization"));
        String clientId = basic != null ? basic[0] : p.get("client_id");
        String secret = basic != null ? basic[1] : p.get("client_secret");
        try {
            String grant = p.get("grant_type");
            IssuedToken token;
            if ("authorization_code".equals(grant)) {
                token = oauth.exchange(clientId, secret, p.get("code"), p.get("redirect_uri"), p.get("code_verifier"));
            } else if ("client_credentials".equals(grant)) {
                token = oauth.clientCredentials(clientId, secret, p.get("scope"));
            } else {
                throw new OAuthRefused("unsupported_grant_type", "grant_type must be authorization_code or client_credentials");
            }
            OAuthRequest.json(response, 200, Jsonp.createObjectBuilder().add("access_token", token.accessToken())
                    .add("token_type", "Bearer").add("scope", token.scope()).add("created_at", token.createdAt()).build());
        } catch (OAuthRefused e) {
            OAuthRequest.refuse(response, e);
        }
    }

    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String[] client = {java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
            // A NUL would reach the database's look-up: such a client is no client.
            return org.babillard.presentation.security.BadInput.unstorable(client[0] + client[1]) ? null : client;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
