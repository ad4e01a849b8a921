package org.babillard.presentation.admin;

import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.people.boundary.DirectoryAdministration;
import org.babillard.people.entity.DirectorySyncRun;
import org.babillard.presentation.Messages;

import java.io.Serializable;

/** The administrators' page about the directory: the last sync that worked, the last that failed, "sync now". */
@Named
@ViewScoped
public class DirectoryStatus implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DirectoryAdministration administration;

    @Inject
    transient Messages messages;

    @Inject
    transient AuditLog audit;

    private DirectorySyncRun lastSuccess;
    private DirectorySyncRun lastFailure;

    @PostConstruct
    void load() {
        lastSuccess = administration.lastSuccess().orElse(null);
        lastFailure = administration.lastFailure().orElse(null);
    }

    public void syncNow() {
        audit.record(AuditAction.ADMIN_ACTION, FacesContext.getCurrentInstance().getExternalContext().getRemoteUser(), null,
                "directory sync started by hand");
        DirectorySyncRun run = administration.syncNow();
        FacesContext faces = FacesContext.getCurrentInstance();
        if (run.isSucceeded()) {
            faces.addMessage(null, messages.info("admin.directory.synced", run.getPeopleSeen(), run.getJoined(),
                    run.getUpdated(), run.getLeft(), run.getCameBack()));
            faces.addMessage(null, messages.info("admin.directory.teamsSynced", run.getTeamsSeen(), run.getChannelsCreated(),
                    run.getChannelsUpdated(), run.getChannelsArchived()));
            faces.addMessage(null, messages.info("admin.directory.membersSynced", run.getMembersAdded(), run.getMembersRemoved(),
                    run.getWelcomed()));
        } else {
            faces.addMessage(null, messages.error("admin.directory.syncFailed"));
        }
        load();
    }

    public DirectorySyncRun getLastSuccess() {
        return lastSuccess;
    }

    public DirectorySyncRun getLastFailure() {
        return lastFailure;
    }

    /** The last failure is news only if no success came after it. */
    public boolean isFailingNow() {
        return lastFailure != null && (lastSuccess == null || lastFailure.getId() > lastSuccess.getId());
    }
}
