package org.babillard.presentation.security;

import org.babillard.presentation.Jsonp;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import org.primefaces.csp.CspException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Map;

/**
 * What every answer of Babillard carries, and what every request is checked for, before anything else runs
 * (mapped first in web.xml):
 * <ul>
 * <li>headers: {@code nosniff}, no framing ({@code X-Frame-Options} and the policy's {@code frame-ancestors}),
 * {@code Referrer-Policy: same-origin} (internal addresses never reach other sites), a {@code Permissions-Policy}
 * that turns off what Babillard never uses, HSTS over TLS, and a strict Content-Security-Policy by default
 * ({@code default-src 'none'}) that the pages replace with their own, nonce-bearing one (PrimeFaces' CSP
 * support, {@link ContentSecurityPolicy});</li>
 * <li>pages are not kept in caches ({@code no-store}): a shared computer's back button shows nothing of a
 * logged-out person; files and resources set their own caching;</li>
 * <li>a session lives at most {@code babillard.session.max-hours} (12 by default) however active it is, then the
 * next request starts logged out;</li>
 * <li>a form that expects files but is sent as a plain form (a forged or scripted request) is read as a form
 * without files instead of failing inside the servlet container;</li>
 * <li>a form sent from a page whose state is gone or was never Babillard's (expired, forged) gets 400 and the
 * page saying to open the page again, not a server error;</li>
 * <li>a plain (not multipart) form larger than {@link #MAX_FORM_BYTES}, or larger than the server takes at all, gets
 * 413 and a short text in the reader's language before anything reads it (no Babillard form comes near: files are
 * sent as multipart).</li>
 * <li>bad input ({@link BadInput}): a path, a query string or a page's form that is no valid UTF-8, has too many fields
 * or holds a NUL gets 400, a form larger than the server takes 413, with the error page (pages) or
 * {@code {"error": "..."}} (anything else), in the caller's language, before any of Babillard's code reads it.</li>
 * </ul>
 */
public class WebHardening extends HttpFilter {

    static final String DEFAULT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** The largest plain form (application/x-www-form-urlencoded) read: 2 MB. */
    static final long MAX_FORM_BYTES = 2L * 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", DEFAULT_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (isPage(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        endIfTooOld(request);
        if (plainForm(request) && request.getContentLengthLong() > MAX_FORM_BYTES) {
            refuseTooLarge(request, response);
            return;
        }
        Refusal refusal = refusal(request);
        if (refusal != null) {
            refuse(request, response, refusal);
            return;
        }
        try {
            chain.doFilter(lenientParts(request), new OnePolicy(response));
        } catch (ServletException | RuntimeException e) {
            if (tooLarge(e) && !response.isCommitted()) {
                // Larger than the server reads (its max-post-size) and sent without a length: the same answer.
                refuseTooLarge(request, response);
                return;
            }
            if (!staleForm(e) || response.isCommitted()) {
                throw e;
            }
            // A form whose page state is gone (expired, the server restarted) or was never Babillard's (forged):
            // the sender's problem, answered 400 with the page that says to open the page again.
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    /**
     * Faces could not restore the view the form came from (an expired, unknown or forged view state), or the form
     * did not carry the nonce of the page it claims to come from (PrimeFaces checks it on every postback).
     */
    private static boolean staleForm(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException || t instanceof CspException
                    || t instanceof FacesException && t.getMessage() != null && t.getMessage().startsWith("Unable to restore view")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return e instanceof ServletException s && s.getRootCause() != null && s.getRootCause() != e && staleForm(s.getRootCause());
    }

    private static boolean plainForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The servlet container refused to read a request body larger than its limit (Undertow's RequestTooBigException). */
    private static boolean tooLarge(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t.getClass().getName().endsWith("RequestTooBigException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * 413 with one sentence in the reader's language, written here: the error page is a Faces page, which would try
     * to read the form again.
     */
    private static void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String text;
        try {
            text = ResourceBundle.getBundle("org.babillard.presentation.messages", request.getLocale()).getString("error.tooLarge");
        } catch (MissingResourceException e) {
            text = "Too large.";
        }
        response.resetBuffer();
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }

    /** Why a request is refused before anything reads it: its status and the key of the text that says why. */
    record Refusal(int status, String key, boolean formUnreadable) {
        Refusal(int status, String key) {
            this(status, key, false);
        }
    }

    /**
     * The query string of any request, and the form of a page's post (the API and the other programs' doors read
     * their bodies themselves: reading the form here would consume them).
     */
    static Refusal refusal(HttpServletRequest request) throws java.io.UnsupportedEncodingException {
        // The path too: an API path's id (an account's username) is looked up in the database as it is.
        String path = BadInput.decodePath(request.getRequestURI());
        if (path == null) {
            return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "badInput.encoding");
        }
        if (BadInput.unstorable(path)) {
            return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "badInput.control");
        }
        var query = BadInput.decodeForm(request.getQueryString());
        if (query.isEmpty()) {
            return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "badInput.encoding");
        }
        if (query.get().size() > BadInput.MOST_FIELDS) {
            return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "badInput.tooManyFields");
        }
        if (query.get().stream().anyMatch(f -> BadInput.unstorable(f.name()) || BadInput.unstorable(f.value()))) {
            return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "badInput.control");
        }
        if (!isPage(request) || !"POST".equals(request.getMethod())) {
            return null;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") && request.getContentLengthLong() > BadInput.maxPostBytes()) {
            // Answered before reading: a client that waits for "100 Continue" never sends the body at all.
            return new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "badInput.tooLarge", true);
        }
        try {
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding("UTF-8");
            }
            if (BadInput.unstorable(request.getParameterMap())) {
                return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "badInput.control");
            }
            if (BadInput.undecodable(request.getParameterMap())) {
                return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "badInput.encoding");
            }
        } catch (RuntimeException e) {
            // The server could not read the form: larger than it takes, too many fields, or no form at all.
            return formFailure(e);
        }
        return null;
    }

    private static Refusal formFailure(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage());
            if (name.equals("RequestTooBigException") || name.equals("FileTooLargeException") || message.contains("UT000020")) {
                return new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "badInput.tooLarge", true);
            }
            if (name.equals("ParameterLimitException") || message.contains("UT000047")) {
                return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "badInput.tooManyFields", true);
            }
        }
        return new Refusal(HttpServletResponse.SC_BAD_REQUEST, "badInput.form", true);
    }

    /**
     * A page's request gets the error page saying why (Faces renders it as a plain view: the refused form is never
     * read again); anything else gets Mastodon's {@code {"error": "..."}}.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException, ServletException {
        response.setStatus(refusal.status());
        Locale language = BadInput.locale(request.getHeader("Accept-Language"));
        if (isPage(request) && refusal.formUnreadable()) {
            // The server could not read the form: anything drawing a page (Faces, the beans it calls) would try again
            // and fail, so the answer is a plain page of its own, under the default policy (no script, no style).
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            String page = "<!DOCTYPE html><html lang=\"" + language.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>Babillard</title>"
                    + "</head><body><main><h1>" + html(BadInput.text(language, "error.title")) + "</h1><p id=\"error-reason\">"
                    + html(BadInput.text(language, refusal.key())) + "</p><p><a href=\"" + request.getContextPath() + "/\">"
                    + html(BadInput.text(language, "error.back")) + "</a></p></main></body></html>";
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (isPage(request)) {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, refusal.status());
            request.setAttribute(BAD_INPUT, refusal.key());
            request.getRequestDispatcher("/error.xhtml").forward(new RefusedRequest(request), new OnePolicy(response));
            return;
        }
        String text = BadInput.text(language, refusal.key());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(Jsonp.createObjectBuilder().add("error", text).build().toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The request attribute naming the text of {@code error.xhtml} that says what was wrong with the input. */
    static final String BAD_INPUT = "babillard.badInput";

    /** A refused request as the error page sees it: a plain view, with no parameter, form or body left to read. */
    private static final class RefusedRequest extends NoParts {
        RefusedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /** Faces pages (not their resources: scripts, styles and images are cached as the resource handler says). */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return (path.endsWith(".xhtml") || path.equals("/")) && !path.startsWith("/jakarta.faces.resource/");
    }

    private static void endIfTooOld(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            long age = System.currentTimeMillis() - session.getCreationTime();
            if (age > maximumAge().toMillis()) {
                session.invalidate();
            }
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile: nothing to do
        }
    }

    /** {@code babillard.session.max-hours}, read at each request so that an administrator's change applies at once. */
    static Duration maximumAge() {
        String configured = System.getProperty("babillard.session.max-hours", "12");
        try {
            double hours = Double.parseDouble(configured.trim());
            if (hours > 0) {
                return Duration.ofSeconds((long) (hours * 3600));
            }
        } catch (NumberFormatException ignored) {
            // the default below
        }
        return Duration.ofHours(12);
    }

    private static HttpServletRequest lenientParts(HttpServletRequest request) {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        return multipart ? request : new NoParts(request);
    }

    /** A request that is not multipart has no parts (the container would throw instead). */
    private static class NoParts extends HttpServletRequestWrapper {
        NoParts(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }

    /** The page's own policy (added by PrimeFaces) replaces the default one instead of being added to it. */
    private static final class OnePolicy extends HttpServletResponseWrapper {
        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Content-Security-Policy".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
