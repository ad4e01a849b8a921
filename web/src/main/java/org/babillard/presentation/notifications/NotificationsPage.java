package org.babillard.presentation.notifications;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.notifications.boundary.NotificationPage;
import org.babillard.notifications.boundary.NotificationView;
import org.babillard.notifications.boundary.Notifications;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The notifications page: newest first, unread ones marked, a page at a time; opening one marks it read. */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 20;

    @Inject
    transient Notifications notifications;

    @Inject
    transient HttpServletRequest request;

    private final List<NotificationView> items = new ArrayList<>();
    private Long nextBefore;

    @PostConstruct
    void load() {
        items.clear();
        append(notifications.page(me(), null, PAGE));
    }

    public void loadMore() {
        if (nextBefore != null) {
            append(notifications.page(me(), nextBefore, PAGE));
        }
    }

    /** Marks the notification read and goes where it points: the post, the person or the channel. */
    public void open(long id) {
        NotificationView n = items.stream().filter(i -> i.id() == id).findFirst().orElse(null);
        if (n == null) {
            return;
        }
        notifications.markRead(me(), id);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + target(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void markAllRead() {
        notifications.markAllRead(me());
        load();
    }

    /** Where a notification leads, relative to the application. */
    public String target(NotificationView n) {
        return switch (n.kind()) {
            case "FOLLOW" -> "/person.xhtml?u=" + encode(n.actorUsername());
            case "JOIN_REQUEST", "INVITATION", "JOINED" -> n.channelSlug() == null ? "/person.xhtml?u=" + encode(n.actorUsername())
                    : "/channel.xhtml?c=" + encode(n.channelSlug());
            default -> n.postId() == null ? "/person.xhtml?u=" + encode(n.actorUsername()) : "/post.xhtml?id=" + n.postId();
        };
    }

    public boolean isUnread() {
        return items.stream().anyMatch(n -> !n.read());
    }

    private void append(NotificationPage page) {
        items.addAll(page.items());
        nextBefore = page.nextBefore();
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public List<NotificationView> getItems() {
        return items;
    }

    public boolean isMore() {
        return nextBefore != null;
    }
}
