package org.babillard.presentation.login;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.babillard.people.control.OpenSessions;

/** Tells {@link OpenSessions} when a session ends (logout, time-out, invalidation). */
@WebListener
public class SessionEnd implements HttpSessionListener {

    @Inject
    OpenSessions sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.ended(event.getSession());
    }
}
