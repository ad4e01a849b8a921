package org.babillard.platform.control;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink's connection retries without its pauses. By default EclipseLink waits 5 s between its attempts to get a
 * connection again, so that with the database out of reach every database access of a request took about 10 s
 * and a page with several of them more than a minute, before the reader was told anything (docs/reliability.md,
 * "The database"). The server's pool already checks each connection as it lends it (validate-on-match), so a retry
 * that waits gains nothing: the attempts are kept, the pauses go.
 */
public class DatabaseRetries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
