package org.babillard.presentation.people;

import org.babillard.presentation.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonCard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The colleagues a composer suggests after "@": GET /api/mentions?q=ca answers
 * [{"username":"camille.durand","name":"Camille Durand"}, ...], at most {@value #MOST} people still working here.
 * It only ever lists people (never posts), and only to a logged-in employee: web.xml protects the address, and the
 * servlet checks again in case a later rule opens /api/* to token clients.
 */
@WebServlet("/api/mentions")
public class MentionSuggestions extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MOST = 8;
    static final int LONGEST_QUERY = 64;

    @Inject
    transient People people;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null || !request.isUserInRole("employee")) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String q = request.getParameter("q");
        q = q == null ? "" : q.strip();
        if (q.startsWith("@")) {
            q = q.substring(1);
        }
        JsonArrayBuilder found = Jsonp.createArrayBuilder();
        if (!q.isEmpty() && q.length() <= LONGEST_QUERY) {
            for (PersonCard person : people.search(q, MOST)) {
                if (person.active()) {
                    found.add(Jsonp.createObjectBuilder().add("username", person.username())
                            .add("name", person.displayName() == null ? person.username() : person.displayName()));
                }
            }
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(found.build().toString());
    }
}
