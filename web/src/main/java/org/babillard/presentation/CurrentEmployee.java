package org.babillard.presentation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.Employee;
import org.babillard.topbar.boundary.TopBarState;

import java.security.Principal;
import java.util.Optional;

/** The logged-in person, for the page header. */
@Named
@RequestScoped
public class CurrentEmployee {

    @Inject
    HttpServletRequest request;

    @Inject
    People people;

    @Inject
    TopBarView topBar;

    private Employee employee;

    public boolean isLoggedIn() {
        return request.getUserPrincipal() != null;
    }

    public String getDisplayName() {
        Optional<TopBarState> drawn = topBar.state();
        if (drawn.isPresent()) {
            return drawn.get().displayName();
        }
        Employee e = employee();
        return e == null ? "" : e.getDisplayName();
    }

    public String getUsername() {
        Principal p = request.getUserPrincipal();
        return p == null ? "" : p.getName();
    }

    public boolean isHr() {
        return request.isUserInRole("hr");
    }

    public boolean isAdmin() {
        return request.isUserInRole("admin");
    }

    private Employee employee() {
        if (employee == null && isLoggedIn()) {
            employee = people.find(getUsername()).orElse(null);
        }
        return employee;
    }
}
