package org.babillard.presentation.theme;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;

import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;

/**
 * The reader's colour theme: "light" or "dark" as they chose it (kept in their profile, and in a cookie for the login
 * page), or "" to follow the device's setting ({@code prefers-color-scheme}) until they choose. The page template
 * puts it on the {@code <html>} element and loads the matching PrimeFaces theme (saga for light, arya for dark).
 */
@Named
@SessionScoped
public class Theme implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "babillard-theme";

    @Inject
    People people;

    /** "light", "dark", or null: not chosen (follow the device). */
    private String chosen;
    private boolean cookieRead;
    /** The person whose saved choice has been applied to this session. */
    private String appliedFor;

    /** "light", "dark", or "" when the device decides. */
    public String getMode() {
        applySavedChoice();
        if (chosen == null && !cookieRead) {
            cookieRead = true;
            chosen = fromCookie();
        }
        return chosen == null ? "" : chosen;
    }

    public boolean isLight() {
        return "light".equals(getMode());
    }

    public boolean isDark() {
        return "dark".equals(getMode());
    }

    /** Switches to "light" or "dark", remembers it, and shows the same page again. */
    public void choose(String mode) throws IOException {
        if (!People.THEMES.contains(mode)) {
            return;
        }
        chosen = mode;
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ec = faces.getExternalContext();
        if (ec.getUserPrincipal() != null) {
            people.chooseTheme(ec.getUserPrincipal().getName(), mode);
        }
        Cookie cookie = new Cookie(COOKIE, mode);
        cookie.setPath(ec.getRequestContextPath().isEmpty() ? "/" : ec.getRequestContextPath());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        ((HttpServletResponse) ec.getResponse()).addCookie(cookie);
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        ec.redirect(back(request.getParameter("back"), request.getContextPath(), request.getRequestURI()));
    }

    /**
     * Where to go after choosing: the page shown with its query (a form sends it, since a postback's address has
     * none), if it is a path inside Babillard; anything else (another site, "//host") goes to the posting page.
     */
    public static String back(String asked, String contextPath, String fallback) {
        if (asked == null || !asked.startsWith(contextPath + "/") || asked.startsWith("//") || asked.contains("\\")
                || asked.contains("\r") || asked.contains("\n")) {
            return fallback;
        }
        return asked;
    }

    /** Once logged in, the theme this person chose before, on any browser, wins. */
    private void applySavedChoice() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Principal user = faces == null ? null : faces.getExternalContext().getUserPrincipal();
        if (user != null && !user.getName().equals(appliedFor)) {
            appliedFor = user.getName();
            people.find(user.getName()).map(Employee::getTheme).ifPresent(mode -> chosen = mode);
        }
    }

    private String fromCookie() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return null;
        }
        Object cookie = faces.getExternalContext().getRequestCookieMap().get(COOKIE);
        if (cookie instanceof Cookie c && People.THEMES.contains(c.getValue())) {
            return c.getValue();
        }
        return null;
    }
}
