package org.babillard.presentation.security;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
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
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

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
    private static final class NoParts extends HttpServletRequestWrapper {
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
