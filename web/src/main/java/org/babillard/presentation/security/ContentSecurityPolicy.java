package org.babillard.presentation.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The pages' Content-Security-Policy, which PrimeFaces completes with the nonce of each answer (web.xml,
 * {@code primefaces.CSP_POLICY}): scripts only from Babillard itself or marked with that nonce (no inline handler,
 * no {@code eval}), styles from Babillard (inline style attributes allowed: PrimeFaces' components set them),
 * images from Babillard or drawn by the page, connections (AJAX, the live push socket) to Babillard only, no
 * plug-ins, no framing, forms sent to Babillard only. The policy must end with {@code script-src}: PrimeFaces
 * appends the nonce to the last directive.
 *
 * <p>One exception: the page where an employee authorizes an application (OAuth) answers with a redirection to
 * that application's address, which browsers check against {@code form-action}; there it allows any target.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    private static final String COMMON = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; ";

    public String getPages() {
        FacesContext faces = FacesContext.getCurrentInstance();
        boolean consent = faces != null && faces.getViewRoot() != null
                && "/oauth.xhtml".equals(faces.getViewRoot().getViewId());
        return COMMON + (consent ? "" : "form-action 'self'; ") + "script-src 'self'";
    }
}
