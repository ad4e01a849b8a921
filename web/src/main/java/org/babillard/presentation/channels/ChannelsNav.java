package org.babillard.presentation.channels;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.channels.boundary.Channels;
import org.babillard.presentation.TopBarView;
import org.babillard.presentation.faces.Drawing;
import org.babillard.topbar.boundary.TopBarState;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The "Channels" link of the top bar and its count of unread posts. */
@Named
@RequestScoped
public class ChannelsNav {

    private static final Logger LOG = Logger.getLogger(ChannelsNav.class.getName());

    @Inject
    HttpServletRequest request;

    @Inject
    Channels channels;

    @Inject
    TopBarView topBar;

    /** The channels' link of the top bar (page.xhtml), which a live signal redraws alone. */
    static final String LINK = "channels";

    private Long unread;

    /** The count, taken when the top bar is drawn (0 before: see {@link Drawing}). */
    public long getUnread() {
        if (unread == null) {
            if (!Drawing.now(LINK)) {
                return 0;
            }
            unread = topBar.state().map(TopBarState::unreadInChannels).orElse(0L);
            if (topBar.state().isEmpty() && request.getUserPrincipal() != null) {
                try {
                    unread = channels.unreadTotal(request.getUserPrincipal().getName());
                } catch (RuntimeException e) {
                    // The top bar is on every page, the error page too: a count that fails must not take it down.
                    LOG.log(Level.FINE, "No unread count for the top bar", e);
                }
            }
        }
        return unread;
    }
}
