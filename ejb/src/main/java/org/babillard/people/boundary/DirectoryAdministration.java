package org.babillard.people.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.babillard.people.entity.DirectorySyncRun;

import java.util.Optional;

/** What administrators see and do about the directory sync. Only the admin role may call it. */
@Stateless
@DeclareRoles({"employee", "hr", "admin"})
@RolesAllowed("admin")
public class DirectoryAdministration {

    @Inject
    DirectorySync sync;

    /** Runs a sync now, rather than waiting for the timer. */
    public DirectorySyncRun syncNow() {
        return sync.synchronize();
    }

    public Optional<DirectorySyncRun> lastSuccess() {
        return sync.lastSuccess();
    }

    public Optional<DirectorySyncRun> lastFailure() {
        return sync.lastFailure();
    }
}
