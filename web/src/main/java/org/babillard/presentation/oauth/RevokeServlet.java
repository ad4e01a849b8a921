package org.babillard.presentation.oauth;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.api.boundary.OAuth;
import org.babillard.api.boundary.OAuthRefused;

import java.io.IOException;

/** POST /oauth/revoke: an application gives up a token (RFC 7009). */
@WebServlet("/oauth/revoke")
public class RevokeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OAuth oauth;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OAuthRequest p = OAuthRequest.readOrRefuse(request, response);
        if (p == null) {
            return;
        }
        String[] basic = TokenServlet.basic(request.getHeader("Authorization"));
        try {
            oauth.revoke(basic != null ? basic[0] : p.get("client_id"), basic != null ? basic[1] : p.get("client_secret"),
                    p.get("token"));
            OAuthRequest.json(response, 200, org.babillard.presentation.Jsonp.createObjectBuilder().build());
        } catch (OAuthRefused e) {
            OAuthRequest.refuse(response, e);
        }
    }
}
