package org.babillard.platform.control;

import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

import java.util.logging.Logger;

/**
 * EclipseLink's connection retries without its pauses. By default EclipseLink waits 5 s between its attempts to get a
 * connection again, so that with the database out of reach every database access of a request took about 10 s
 * and a page with several of them more than a minute, before the reader was told anything (docs/reliability.md,
 * "The database"). The server's pool already checks each connection as it lends it (validate-on-match), so a retry
 * that waits gains nothing: the attempts are kept, the pauses go.
 * <p>
 * And on H2, the platform that binds parameters ({@link BoundH2Platform}) in place of the one EclipseLink detects:
 * the database is known once the first connection is made, before the entities are set up for it, and EclipseLink
 * then moves its settings onto the new platform as it does onto the detected one.
 */
public class DatabaseRetries implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(DatabaseRetries.class.getName());

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setDelayBetweenConnectionAttempts(0);
        }
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postConnect(SessionEvent event) {
                if (event.getSession().getDatasourceLogin() instanceof DatabaseLogin login
                        && login.getPlatform().getClass() == H2Platform.class) {
                    login.usePlatform(new BoundH2Platform());
                    LOG.info("H2: queries with bound parameters (BoundH2Platform)");
                }
            }
        });
    }
}
