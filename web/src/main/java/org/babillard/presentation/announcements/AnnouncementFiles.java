package org.babillard.presentation.announcements;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.announcements.boundary.Acknowledgement;
import org.babillard.announcements.boundary.Announcements;
import org.babillard.announcements.control.CsvCells;
import org.babillard.platform.boundary.Refused;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Files of an announcement, for a logged-in reader (web.xml asks for a login first):
 * /announcements/{id}/event.ics, the event as a calendar entry for those who may read it;
 * /announcements/{id}/acknowledgements.csv, who opened and acknowledged it when, for HR and administrators only.
 * Anything else, or anything the reader may not have, answers 404.
 */
@WebServlet("/announcements/*")
public class AnnouncementFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Announcements announcements;

    @Inject
    transient CsvCells csv;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.split("/");
        if (request.getUserPrincipal() == null || parts.length != 3 || !parts[1].matches("[0-9]{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String reader = request.getUserPrincipal().getName();
        long id = Long.parseLong(parts[1]);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        try {
            switch (parts[2]) {
                case "event.ics" -> {
                    // The reader's own language; the browser's when they never chose one (no Faces context here).
                    String ics = announcements.calendar(reader, id, request.getLocale().getLanguage());
                    response.setContentType("text/calendar; charset=UTF-8");
                    response.setHeader("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"");
                    response.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
                }
                case "acknowledgements.csv" -> {
                    List<Acknowledgement> rows = announcements.acknowledgements(reader, id);
                    response.setContentType("text/csv; charset=UTF-8");
                    response.setHeader("Content-Disposition", "attachment; filename=\"announcement-" + id + "-acknowledgements.csv\"");
                    Writer out = response.getWriter();
                    // A byte order mark, so that spreadsheets read the accents as UTF-8.
                    out.write('\uFEFF');
                    out.write(csv.row(List.of("username", "name", "department", "site", "opened_at", "acknowledged_at")));
                    for (Acknowledgement a : rows) {
                        out.write(csv.row(java.util.Arrays.asList(a.username(), a.displayName(), a.department(), a.site(),
                                a.openedAt() == null ? "" : a.openedAt().toString(),
                                a.acknowledgedAt() == null ? "" : a.acknowledgedAt().toString())));
                    }
                    out.flush();
                }
                default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (Refused e) {
            response.sendError(e.reason() == Refused.Reason.NOT_ALLOWED ? HttpServletResponse.SC_FORBIDDEN
                    : HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
