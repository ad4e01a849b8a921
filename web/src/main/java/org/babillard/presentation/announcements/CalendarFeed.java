package org.babillard.presentation.announcements;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.announcements.boundary.Announcements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A person's calendar feed at /calendar/{token}.ics, for calendar programs that cannot log in: the secret token
 * stands for its owner (web.xml leaves this address open), and the feed holds only the events its owner may read.
 * An unknown or revoked token answers 404, and no session is ever made.
 */
@WebServlet("/calendar/*")
public class CalendarFeed extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Announcements announcements;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String token = path.startsWith("/") && path.endsWith(".ics") ? path.substring(1, path.length() - 4) : null;
        Optional<String> feed = announcements.calendarFeed(token);
        if (feed.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentType("text/calendar; charset=UTF-8");
        response.getOutputStream().write(feed.get().getBytes(StandardCharsets.UTF_8));
    }
}
