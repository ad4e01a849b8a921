package org.babillard.presentation.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.babillard.attachments.boundary.AttachmentFile;
import org.babillard.attachments.boundary.AttachmentInfo;
import org.babillard.attachments.boundary.AttachmentRejected;
import org.babillard.attachments.boundary.Attachments;
import org.babillard.attachments.boundary.Upload;
import org.babillard.platform.boundary.Refused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Media through the API: {@code POST /api/v1/media} and {@code /api/v2/media} (multipart {@code file} and
 * {@code description}), {@code GET} and {@code PUT /api/v1/media/:id} for one's own uploads, and the files
 * themselves at {@code /api/v1/media/:id/file} and {@code /thumbnail} for bearer-token callers who may read the post
 * (404 otherwise). The same limits and refusals as the web composer's, through the attachments component.
 */
@Path("{version: v1|v2}/media")
@Produces("application/json; charset=utf-8")
public class MediaResource {

    @Inject
    ApiSession session;

    @Inject
    Render render;

    @Inject
    Attachments attachments;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String upload(List<EntityPart> parts) {
        String me = session.employee("write:media");
        EntityPart file = part(parts, "file");
        if (file == null) {
            throw ApiError.unprocessable("Validation failed: File can't be blank");
        }
        EntityPart description = part(parts, "description");
        try {
            String alt = description == null ? null : description.getContent(String.class);
            Upload upload = new Upload(file.getFileName().orElse("file"), alt, file::getContent);
            return media(attachments.upload(me, upload));
        } catch (AttachmentRejected e) {
            throw rejected(e);
        } catch (Refused e) {
            throw StatusesResource.refused(e);
        } catch (IOException e) {
            throw ApiError.unprocessable("Validation failed: the upload could not be read");
        }
    }

    @GET
    @Path("{id}")
    public String get(@PathParam("id") String id) {
        String me = session.employee("read:statuses");
        try {
            return media(attachments.upload(me, id));
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public String describe(@PathParam("id") String id, @Context UriInfo uri, @HeaderParam("Content-Type") String type, String body) {
        String me = session.employee("write:media");
        Params p = Params.of(uri.getQueryParameters(), type, body);
        try {
            return media(p.get("description") == null ? attachments.upload(me, id) : attachments.describe(me, id, p.get("description")));
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }

    /** The file, for a caller who may read its post (or who uploaded it and has not attached it yet). */
    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") String id) {
        String me = session.employee("read:statuses");
        try {
            return serve(attachments.open(me, id));
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces(MediaType.WILDCARD)
    public Response thumbnail(@PathParam("id") String id) {
        String me = session.employee("read:statuses");
        try {
            return serve(attachments.thumbnail(me, id));
        } catch (Refused e) {
            throw ApiError.notFound();
        }
    }

    /** As the web pages serve attachments: images inline, anything else a download, never rendered. */
    static Response serve(AttachmentFile file) {
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = file.fileName().replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String type = file.inline() ? file.contentType()
                : "application/pdf".equals(file.contentType()) ? file.contentType() : "application/octet-stream";
        StreamingOutput bytes = out -> Files.copy(file.path(), out);
        try {
            return Response.ok(bytes, type)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "private, max-age=3600")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header("Content-Disposition", (file.inline() ? "inline" : "attachment")
                            + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                    .header("Content-Length", Files.size(file.path()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String media(AttachmentInfo a) {
        return new MastodonJson(render.base(), Map.of(), Map.of()).media(a).toString();
    }

    private static EntityPart part(List<EntityPart> parts, String name) {
        return parts == null ? null : parts.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
    }

    static ApiError rejected(AttachmentRejected e) {
        return ApiError.unprocessable(switch (e.problem()) {
            case TOO_LARGE -> "Validation failed: File file size must be less than " + e.limit() + " bytes";
            case FORBIDDEN_TYPE -> "Validation failed: File has a type that is not accepted (programs and scripts)";
            case EMPTY -> "Validation failed: File is empty";
            case TOO_MANY -> "Validation failed: at most " + e.limit() + " files";
        });
    }
}
