package org.babillard.presentation.people;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.people.boundary.Status;
import org.babillard.people.boundary.Statuses;
import org.babillard.people.control.StatusExpiry;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.Messages;
import org.babillard.presentation.TopBarView;
import org.babillard.topbar.boundary.TopBarState;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Setting and clearing one's own status, from the top bar or one's profile (WEB-INF/includes/status-form.xhtml).
 * After a change the page is loaded again, so that the new status shows next to the name everywhere on it.
 */
@Named
@RequestScoped
public class StatusForm {

    /** The expiry choice for "at a date and time", next to those of {@link StatusExpiry}. */
    static final String AT = "AT";
    static final String BACK = "statusBack";

    @Inject
    HttpServletRequest request;

    @Inject
    Statuses statuses;

    @Inject
    Messages messages;

    @Inject
    TopBarView topBar;

    private Optional<Status> current;
    private String text;
    private String expiry = StatusExpiry.NONE.name();
    private String at;

    /** The person's status as it shows now, or null. */
    public Status getCurrent() {
        if (current == null) {
            Optional<TopBarState> drawn = topBar.state();
            current = drawn.isPresent() ? Optional.ofNullable(drawn.get().status())
                    : request.getUserPrincipal() == null ? Optional.empty() : statuses.of(request.getUserPrincipal().getName());
        }
        return current.orElse(null);
    }

    public List<String> getExpiries() {
        List<String> choices = new java.util.ArrayList<>();
        for (StatusExpiry e : StatusExpiry.values()) {
            choices.add(e.name());
        }
        choices.add(AT);
        return choices;
    }

    /** Sets the status; {@code form} is the id of the form it came from, whose field shows what went wrong. */
    public void save(String form) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        String field = form + ":text";
        Instant until;
        Instant now = Clock.systemUTC().instant();
        if (AT.equals(expiry)) {
            if (at == null || at.isBlank()) {
                faces.addMessage(form + ":at", messages.error("status.atMissing"));
                return;
            }
            try {
                until = LocalDateTime.parse(at.strip()).atZone(zone()).toInstant();
            } catch (DateTimeParseException e) {
                faces.addMessage(form + ":at", messages.error("status.atInvalid"));
                return;
            }
        } else {
            StatusExpiry choice;
            try {
                choice = StatusExpiry.valueOf(expiry == null ? StatusExpiry.NONE.name() : expiry);
            } catch (IllegalArgumentException e) {
                choice = StatusExpiry.NONE;
            }
            until = choice.until(now, zone());
        }
        try {
            statuses.set(me(), text, until);
        } catch (Refused e) {
            String key = "refused." + e.detail();
            faces.addMessage("status.past".equals(e.detail()) ? form + ":at" : field,
                    messages.error(e.reason() == Refused.Reason.INVALID ? key : "status.notAllowed"));
            return;
        }
        faces.getExternalContext().redirect(back());
    }

    public void clear() throws IOException {
        try {
            statuses.clear(me());
        } catch (Refused e) {
            FacesContext.getCurrentInstance().addMessage(null, messages.error("status.notAllowed"));
            return;
        }
        FacesContext.getCurrentInstance().getExternalContext().redirect(back());
    }

    /**
     * The page to show again after a change: the address the form was shown on (sent back with it), kept to this
     * application's own pages.
     */
    public String back() {
        String sent = request.getParameter(BACK);
        String context = request.getContextPath();
        if (sent != null && sent.startsWith(context + "/") && !sent.startsWith(context + "//")
                && sent.chars().noneMatch(c -> c == '\\' || c < 0x20) && !sent.contains("://")) {
            return sent;
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    public String getBack() {
        return back();
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    /** The company's time zone, as the clocks show times (system property babillard.timezone, else the server's). */
    static ZoneId zone() {
        String zone = System.getProperty("babillard.timezone");
        return zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    public String getText() {
        if (text == null && getCurrent() != null) {
            text = getCurrent().text();
        }
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }
}
