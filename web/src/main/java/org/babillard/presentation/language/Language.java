package org.babillard.presentation.language;

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
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reader's language: the one they chose (kept in their profile, and in a cookie for the login page), or
 * else the first of French and English their browser asks for, or else English.
 */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "babillard-lang";

    @Inject
    People people;

    private String chosen;

    /** The request's language once found (a key of the request's Faces attributes). */
    private static final String REQUEST_LOCALE = Language.class.getName() + ".locale";
    /** The person whose saved choice has been applied to this session. */
    private String appliedFor;

    /**
     * The reader's language, found once per request (a timeline page asks for it a few hundred times, each time
     * looking at the session's user and parsing the tag again: docs/benchmarks.md).
     */
    public Locale getLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Map<Object, Object> request = faces == null ? null : faces.getAttributes();
        if (request != null && request.get(REQUEST_LOCALE) instanceof Locale known) {
            return known;
        }
        applySavedChoice();
        if (chosen == null) {
            chosen = fromCookie().orElse(null);
        }
        Locale locale = chosen != null ? locale(chosen) : browserLocale();
        if (request != null) {
            request.put(REQUEST_LOCALE, locale);
        }
        return locale;
    }

    private static Locale locale(String tag) {
        return switch (tag) {
            case "fr" -> Locale.FRENCH;
            case "en" -> Locale.ENGLISH;
            default -> Locale.forLanguageTag(tag);
        };
    }

    public String getTag() {
        return getLocale().getLanguage();
    }

    /** Switches to "fr" or "en", remembers it, and shows the same page again in that language. */
    public void choose(String tag) throws IOException {
        if (!People.LANGUAGES.contains(tag)) {
            return;
        }
        chosen = tag;
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getAttributes().remove(REQUEST_LOCALE);
        ExternalContext ec = faces.getExternalContext();
        if (ec.getUserPrincipal() != null) {
            people.chooseLanguage(ec.getUserPrincipal().getName(), tag);
        }
        Cookie cookie = new Cookie(COOKIE, tag);
        cookie.setPath(ec.getRequestContextPath().isEmpty() ? "/" : ec.getRequestContextPath());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        ((HttpServletResponse) ec.getResponse()).addCookie(cookie);
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        // The page shown, with its query (a person, a post, a search), as the theme's switch does.
        ec.redirect(org.babillard.presentation.theme.Theme.back(request.getParameter("back"), request.getContextPath(),
                request.getRequestURI()));
    }

    /** Once logged in, the language this person chose before, on any browser, wins. */
    private void applySavedChoice() {
        FacesContext faces = FacesContext.getCurrentInstance();
        Principal user = faces == null ? null : faces.getExternalContext().getUserPrincipal();
        if (user != null && !user.getName().equals(appliedFor)) {
            appliedFor = user.getName();
            people.find(user.getName()).map(Employee::getLanguage).ifPresent(tag -> chosen = tag);
        }
    }

    private Optional<String> fromCookie() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return Optional.empty();
        }
        Map<String, Object> cookies = faces.getExternalContext().getRequestCookieMap();
        Object cookie = cookies.get(COOKIE);
        if (cookie instanceof Cookie c && People.LANGUAGES.contains(c.getValue())) {
            return Optional.of(c.getValue());
        }
        return Optional.empty();
    }

    private static Locale browserLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            for (Locale asked : Collections.list(((HttpServletRequest) faces.getExternalContext().getRequest()).getLocales())) {
                if (People.LANGUAGES.contains(asked.getLanguage())) {
                    return locale(asked.getLanguage());
                }
            }
        }
        return Locale.ENGLISH;
    }
}
