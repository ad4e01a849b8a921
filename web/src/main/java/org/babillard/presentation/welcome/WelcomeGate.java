package org.babillard.presentation.welcome;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.people.boundary.People;

import java.io.IOException;
import java.io.Serializable;

/**
 * Sends a person who never finished or skipped the welcome to it, the first time they open the home page in a
 * session. Only the home page asks: a login that replays a deep link (a post, a channel, the OAuth consent) goes
 * where it was going, and the welcome waits for the home page. Once per session, so that someone who leaves the
 * welcome by another link is not sent back to it; until they finish or skip it, the next session offers it again.
 */
@Named
@SessionScoped
public class WelcomeGate implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient People people;

    private boolean offered;

    /** The home page's view action. */
    public void offer() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ec = faces.getExternalContext();
        if (offered || faces.isPostback() || ec.getUserPrincipal() == null) {
            return;
        }
        offered = true;
        if (people.welcomePending(ec.getUserPrincipal().getName())) {
            ec.redirect(ec.getRequestContextPath() + "/welcome.xhtml");
        }
    }

    /** The welcome was seen in this session (opened directly, e.g. from the help page). */
    void seen() {
        offered = true;
    }
}
