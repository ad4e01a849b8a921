package org.babillard.presentation.notifications;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.notifications.boundary.Notifications;
import org.babillard.presentation.Messages;
import org.babillard.presentation.TopBarView;
import org.babillard.presentation.faces.Drawing;
import org.babillard.topbar.boundary.TopBarState;

/** The bell in the top bar: how many notifications the reader has not read yet (live.js keeps it current). */
@Named
@RequestScoped
public class Bell {

    @Inject
    HttpServletRequest request;

    @Inject
    Notifications notifications;

    @Inject
    TopBarView topBar;

    @Inject
    Messages messages;

    private Long unread;

    /** "No unread notifications", "1 unread notification", "3 unread notifications". */
    public String getLabel() {
        long n = getUnread();
        return n == 0 ? messages.text("live.bell.none") : n == 1 ? messages.text("live.bell.one")
                : messages.text("live.bell.many").replace("{0}", String.valueOf(n));
    }

    /** The count, taken when the top bar is drawn (0 before: see {@link Drawing}). */
    public long getUnread() {
        if (unread == null) {
            if (!Drawing.now("bell")) {
                return 0;
            }
            unread = topBar.state().map(TopBarState::unreadNotifications).orElseGet(() ->
                    request.getUserPrincipal() == null ? 0 : notifications.unread(request.getUserPrincipal().getName()));
        }
        return unread;
    }
}
