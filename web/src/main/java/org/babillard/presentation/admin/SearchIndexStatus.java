package org.babillard.presentation.admin;

import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.presentation.Messages;
import org.babillard.search.boundary.SearchAdministration;

/** The search index on the administration page: how many posts it holds, and the rebuild button. */
@Named
@RequestScoped
public class SearchIndexStatus {

    @Inject
    SearchAdministration administration;

    @Inject
    Messages messages;

    @Inject
    AuditLog audit;

    public int getIndexed() {
        return administration.indexed();
    }

    public boolean isRebuilding() {
        return administration.isRebuilding();
    }

    public void rebuild() {
        boolean started = administration.rebuild();
        if (started) {
            audit.record(AuditAction.ADMIN_ACTION, FacesContext.getCurrentInstance().getExternalContext().getRemoteUser(), null,
                    "search index rebuild started");
        }
        FacesContext.getCurrentInstance().addMessage(null,
                messages.info(started ? "admin.search.rebuildStarted" : "admin.search.rebuildRunning"));
    }
}
