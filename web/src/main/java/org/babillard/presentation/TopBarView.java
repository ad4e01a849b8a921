package org.babillard.presentation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.presentation.faces.Drawing;
import org.babillard.topbar.boundary.TopBar;
import org.babillard.topbar.boundary.TopBarState;

import java.security.Principal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reader's top bar (name, photo, bell, channels' count, must-read banner), read in one call the first time the
 * page being drawn asks for any of it ({@link TopBar}). The beans that show each part ({@link CurrentEmployee}, the
 * bell, the channels' link, the banner, the avatars) take it from here, and look on their own as before when it is
 * empty: outside the render phase (an action's own look-ups see what it changed: see {@link Drawing}), for a
 * visitor, or when the look-up failed (the top bar is on the error pages too, where the database may be down).
 */
@RequestScoped
public class TopBarView {

    private static final Logger LOG = Logger.getLogger(TopBarView.class.getName());

    @Inject
    HttpServletRequest request;

    @Inject
    TopBar topBar;

    private Optional<TopBarState> state;

    public Optional<TopBarState> state() {
        if (state == null) {
            if (!Drawing.now()) {
                return Optional.empty();
            }
            state = Optional.empty();
            Principal reader = request.getUserPrincipal();
            if (reader != null) {
                try {
                    state = topBar.of(reader.getName());
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "No top bar in one call; each part looks on its own", e);
                }
            }
        }
        return state;
    }

    /** The state, when this user name is the reader's. */
    public Optional<TopBarState> stateFor(String username) {
        return isReader(username) ? state() : Optional.empty();
    }

    public boolean isReader(String username) {
        Principal reader = request.getUserPrincipal();
        return reader != null && reader.getName().equals(username);
    }
}
