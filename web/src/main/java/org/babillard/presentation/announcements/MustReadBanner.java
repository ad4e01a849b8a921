package org.babillard.presentation.announcements;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.announcements.boundary.Announcements;
import org.babillard.announcements.entity.Announcement;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.TopBarView;
import org.babillard.presentation.language.Language;
import org.babillard.topbar.boundary.TopBarState;

import java.util.ArrayList;
import java.util.List;

/**
 * The must-read banner the page template shows on every page: one line per must-read announcement the reader has
 * not acknowledged yet, with "I have read this". A live signal re-renders it when a new one arrives.
 */
@Named
@RequestScoped
public class MustReadBanner {

    @Inject
    Announcements announcements;

    @Inject
    HttpServletRequest request;

    @Inject
    Language language;

    @Inject
    TopBarView topBar;

    /** Whether this request acknowledged one: the top bar's state may then be older than the acknowledgement. */
    private boolean acknowledged;

    private List<AnnouncementView> items;

    public List<AnnouncementView> getItems() {
        if (items == null) {
            items = new ArrayList<>();
            if (request.getUserPrincipal() != null) {
                List<Announcement> pending = acknowledged ? null : topBar.state().map(TopBarState::mustRead).orElse(null);
                if (pending == null) {
                    pending = announcements.pendingMustRead(request.getUserPrincipal().getName());
                }
                for (Announcement a : pending) {
                    items.add(new AnnouncementView(a, language.getTag(), true, false, false));
                }
            }
        }
        return items;
    }

    public void acknowledge(long id) {
        try {
            announcements.acknowledge(request.getUserPrincipal().getName(), id);
        } catch (Refused e) {
            // Gone meanwhile (expired, or the audience changed): the banner simply no longer shows it.
        }
        items = null;
        acknowledged = true;
    }
}
