package org.babillard.presentation.login;

import jakarta.inject.Inject;
import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** Ends the session and returns to the login page. */
@Named
@RequestScoped
public class Logout {

    @Inject
    AuditLog audit;

    public void logout() throws ServletException, IOException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        if (request.getRemoteUser() != null) {
            audit.record(AuditAction.LOGOUT, request.getRemoteUser(), null, null, request.getRemoteAddr());
        }
        request.logout();
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + "/login.xhtml?bye=true");
    }
}
