package org.babillard.presentation.people;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.people.boundary.People;
import org.babillard.people.control.Photos;
import org.babillard.people.entity.Employee;

import java.io.IOException;
import java.util.Optional;

/**
 * A colleague's photo, at /photos/{username}, for logged-in people only (web.xml protects every address). The
 * address carries the photo's version (?v=hash), so browsers may keep it for a day.
 */
@WebServlet("/photos/*")
public class PhotoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient People people;

    @Inject
    transient Photos photos;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String username = path == null ? "" : path.substring(1);
        Optional<String> hash = people.find(username).map(Employee::getPhotoHash);
        Optional<Photos.Photo> photo = hash.isPresent() ? photos.read(username) : Optional.empty();
        if (photo.isEmpty() || photo.get().contentType() == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + hash.get() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "private, max-age=86400");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(photo.get().contentType());
        response.setContentLength(photo.get().bytes().length);
        response.getOutputStream().write(photo.get().bytes());
    }
}
