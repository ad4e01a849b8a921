package org.babillard.people.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.babillard.directory.settings.DirectorySettings;

import java.util.logging.Logger;

/**
 * The company's directory as configured for this server: one client and its connection pool, for everyone.
 *
 * <p>The settings are read again at each use (a login, a sync): when an administrator changes them (a
 * {@code babillard.ldap.*} system property, for instance through WildFly's management console or CLI, or the file
 * named by {@value DirectorySettings#FILE_PROPERTY}), the next login or sync opens a client with the new settings
 * and the old one's connections are closed, without a restart. Settings that cannot be used (an unreadable file, a
 * malformed address) are refused with a warning, and the client in use goes on serving.
 */
@ApplicationScoped
public class CompanyDirectory {

    private static final Logger LOG = Logger.getLogger(CompanyDirectory.class.getName());

    private DirectoryClient client;
    /** Settings refused last time, so that the same mistake is logged once, not at every login. */
    private DirectorySettings refused;

    @PostConstruct
    void open() {
        DirectorySettings settings = DirectorySettings.load();
        LOG.info(() -> "Company directory: " + settings);
        client = new DirectoryClient(settings);
    }

    @PreDestroy
    synchronized void close() {
        client.close();
    }

    public DirectoryAccount authenticate(String login, String password) throws InvalidCredentials, DirectoryUnavailable {
        return client().authenticate(login, password);
    }

    /**
     * The client for the settings in force now. Only the comparison of the settings is synchronized; talking to
     * the directory is not, so a slow directory never makes one login wait for another.
     */
    public synchronized DirectoryClient client() {
        DirectorySettings now;
        try {
            now = DirectorySettings.load();
        } catch (RuntimeException e) {
            LOG.warning(() -> "The directory settings cannot be read again (" + e.getMessage() + "): the current ones stay in force");
            return client;
        }
        if (now.equals(client.settings()) || now.equals(refused)) {
            return client;
        }
        DirectoryClient replacement;
        try {
            replacement = new DirectoryClient(now);
        } catch (RuntimeException e) {
            refused = now;
            LOG.warning(() -> "The changed directory settings " + now + " cannot be used (" + e.getMessage()
                    + "): the current ones stay in force");
            return client;
        }
        DirectoryClient old = client;
        client = replacement;
        refused = null;
        LOG.info(() -> "Company directory: the settings changed, now " + now);
        // Connections lent out finish what they are doing and are closed when they come back.
        old.close();
        return client;
    }
}
