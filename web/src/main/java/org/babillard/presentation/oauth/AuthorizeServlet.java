package org.babillard.presentation.oauth;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * GET /oauth/authorize, where Mastodon clients send the employee: after the directory login (web.xml asks for it),
 * the consent page with the same parameters.
 */
@WebServlet("/oauth/authorize")
public class AuthorizeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        response.sendRedirect(request.getContextPath() + "/oauth.xhtml" + (query == null ? "" : "?" + query));
    }
}
