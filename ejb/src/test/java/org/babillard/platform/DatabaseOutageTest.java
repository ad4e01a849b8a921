package org.babillard.platform;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import org.babillard.platform.boundary.DatabaseOutage;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures say "the database cannot be reached", as they reach the pages and the API wrapped by the layers. */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAreOutagesHoweverDeeplyWrapped() {
        // H2 in exclusive mode, PostgreSQL refusing connections (the pool's ResourceException), a session terminated.
        assertTrue(DatabaseOutage.isCause(new EJBException(new PersistenceException(
                new SQLNonTransientConnectionException("Database is in exclusive mode", "90135", 90135)))));
        assertTrue(DatabaseOutage.isCause(new EJBException(new PersistenceException(new SQLException(
                new ResourceException("IJ031084: Unable to create connection"))))));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseOutage.isCause(new SQLException("An I/O error occurred while sending to the backend", "08006")));
        SQLException chained = new SQLException("batch failed", "XX000");
        chained.setNextException(new SQLException("This connection has been closed.", "08003"));
        assertTrue(DatabaseOutage.isCause(chained));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.isCause(new EJBException(new PersistenceException(
                new SQLIntegrityConstraintViolationException("duplicate key", "23505")))));
        assertFalse(DatabaseOutage.isCause(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutage.isCause(null));
        RuntimeException loop = new RuntimeException("loop");
        RuntimeException other = new RuntimeException("other", loop);
        loop.initCause(other);
        assertFalse(DatabaseOutage.isCause(loop));
    }
}
