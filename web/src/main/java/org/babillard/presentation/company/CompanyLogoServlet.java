package org.babillard.presentation.company;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.platform.boundary.Settings;
import org.babillard.platform.entity.CompanyLogo;

import java.io.IOException;
import java.util.Optional;

/**
 * The company's logo, for every page including the login page (open to all, like the favicon). Its address carries
 * its version (?v=...), so that an address with the current version is kept by browsers for a year; a new logo gets
 * a new address.
 */
@WebServlet(CompanyLogoServlet.PATH)
public class CompanyLogoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String PATH = "/company-logo";

    @Inject
    transient Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CompanyLogo> logo = settings.logo();
        if (logo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String version = logo.get().getSha256().substring(0, 16);
        String etag = "\"" + version + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", version.equals(request.getParameter("v"))
                ? "public, max-age=31536000, immutable" : "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] bytes = logo.get().getContent();
        response.setContentType(logo.get().getContentType());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
