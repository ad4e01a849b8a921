package org.babillard.presentation.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.babillard.people.control.OpenSessions;
import org.babillard.people.control.SignInAttempt;
import org.babillard.presentation.Messages;

import java.io.IOException;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/** The login form: hands the name and password to Jakarta Security and says plainly what went wrong. */
@Named
@RequestScoped
public class Login {

    /** Where Soteria (WildFly's Jakarta Security) keeps the request that led to the login page. */
    private static final String SAVED_REQUEST = "org.glassfish.soteria.original.request";

    @Inject
    SecurityContext securityContext;

    @Inject
    SignInAttempt attempt;

    @Inject
    Messages messages;

    @Inject
    OpenSessions openSessions;

    private String username;
    private String password;

    /** A person who is logged in already has nothing to do on the login page. */
    public void redirectIfLoggedIn() throws IOException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        if (ec.getUserPrincipal() != null) {
            ec.redirect(ec.getRequestContextPath() + "/");
        }
    }

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ec = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        HttpServletResponse response = (HttpServletResponse) ec.getResponse();
        // A new session id for every login attempt, before the authentication lands in the session: an id
        // an attacker fixed beforehand is worth nothing afterwards. (After authenticate() it may be too late:
        // the mechanism may already have redirected to the page the person first asked for.)
        if (request.getSession(false) != null) {
            request.changeSessionId();
            forgetSavedForm(request.getSession(false));
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                withParams().credential(new UsernamePasswordCredential(username, password == null ? "" : password)));
        password = null;
        if (attempt.outcome() == SignInAttempt.Outcome.SIGNED_IN) {
            openSessions.loggedIn(attempt.username(), request.getSession());
        }
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> ec.redirect(ec.getRequestContextPath() + "/");
            default -> {
                String key = attempt.outcome() == SignInAttempt.Outcome.DIRECTORY_UNAVAILABLE
                        ? "login.directoryUnavailable" : "login.invalid";
                faces.addMessage(null, messages.error(key));
            }
        }
    }

    /**
     * After a login, Jakarta Security (Soteria) replays the request that led to the login page. For a page asked
     * for (GET) that is right: the person gets the page they wanted. For a form or a background action sent from a
     * page whose session had ended, replaying it would resubmit a stale form: such a saved request is dropped, and
     * the login goes to the home page.
     */
    private static void forgetSavedForm(HttpSession session) {
        Object saved = session.getAttribute(SAVED_REQUEST);
        if (saved == null) {
            return;
        }
        String method;
        try {
            method = String.valueOf(saved.getClass().getMethod("getMethod").invoke(saved));
        } catch (ReflectiveOperationException | RuntimeException unknownShape) {
            method = "";
        }
        if (!"GET".equalsIgnoreCase(method)) {
            session.removeAttribute(SAVED_REQUEST);
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
