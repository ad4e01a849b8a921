package org.babillard.presentation.announcements;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.announcements.boundary.PostEvents;
import org.babillard.platform.boundary.Refused;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A post that is an event, as a calendar entry (/post-events/{id}.ics), for those who may read the post; else 404. */
@WebServlet("/post-events/*")
public class PostEventFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PostEvents postEvents;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (request.getUserPrincipal() == null || !path.matches("/[0-9]{1,18}\\.ics")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(path.substring(1, path.length() - 4));
        try {
            String ics = postEvents.calendar(request.getUserPrincipal().getName(), id);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "private, no-store");
            response.setContentType("text/calendar; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"event-post-" + id + ".ics\"");
            response.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
        } catch (Refused e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
