package org.babillard.presentation.personaldata;

import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.personaldata.boundary.PersonalData;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * /export: the logged-in employee's own data as a ZIP (web.xml asks for a login first). It takes no parameter:
 * nobody can ask for anyone else's.
 */
@WebServlet("/export")
public class ExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PersonalData personalData;

    @Inject
    transient AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String me = request.getUserPrincipal().getName();
        String name = "babillard-" + me.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
        response.setContentType("application/zip");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        audit.record(AuditAction.DATA_EXPORTED, me, me, null, request.getRemoteAddr());
        personalData.export(me, response.getOutputStream());
    }
}
