package org.babillard.presentation.attachments;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.attachments.boundary.AttachmentFile;
import org.babillard.attachments.boundary.Attachments;
import org.babillard.platform.boundary.Refused;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * A post's file at /attachments/{id}, or an image's thumbnail at /attachments/{id}/thumbnail, for those who may read
 * the post (web.xml asks for a login first). Anything else answers 404, whether the file does not exist or the reader
 * may not see it. Images show inline; every other file is a download, never rendered by the browser.
 */
@WebServlet("/attachments/*")
public class AttachmentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Attachments attachments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.split("/");
        // "/id" gives ["", id]; "/id/thumbnail" gives ["", id, "thumbnail"]
        boolean thumbnail = parts.length == 3 && "thumbnail".equals(parts[2]);
        if (request.getUserPrincipal() == null || !(parts.length == 2 || thumbnail)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String reader = request.getUserPrincipal().getName();
        AttachmentFile file;
        try {
            file = thumbnail ? attachments.thumbnail(reader, parts[1]) : attachments.open(reader, parts[1]);
        } catch (Refused e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        // The files never change; only this reader's browser may keep them.
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setContentType(file.inline() ? file.contentType() : download(file.contentType()));
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = file.fileName().replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        response.setHeader("Content-Disposition", (file.inline() ? "inline" : "attachment")
                + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
        response.setContentLengthLong(Files.size(file.path()));
        Files.copy(file.path(), response.getOutputStream());
    }

    /** PDF keeps its type; anything else is bytes to save. */
    private static String download(String contentType) {
        return "application/pdf".equals(contentType) ? contentType : "application/octet-stream";
    }
}
