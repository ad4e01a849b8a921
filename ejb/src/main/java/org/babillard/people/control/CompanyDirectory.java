package org.babillard.people.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.babillard.directory.settings.DirectorySettings;

import java.util.logging.Logger;

/** The company's directory as configured for this server: one client and its connection pool, for everyone. */
@ApplicationScoped
public class CompanyDirectory {

    private static final Logger LOG = Logger.getLogger(CompanyDirectory.class.getName());

    private DirectoryClient client;

    @PostConstruct
    void open() {
        DirectorySettings settings = DirectorySettings.load();
        LOG.info(() -> "Company directory: " + settings);
        client = new DirectoryClient(settings);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public DirectoryAccount authenticate(String login, String password) throws InvalidCredentials, DirectoryUnavailable {
        return client.authenticate(login, password);
    }

    /** The client itself, for the directory sync. */
    public DirectoryClient client() {
        return client;
    }
}
