package org.babillard.presentation.integrations;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.integrations.boundary.ChannelIntegrationsView;
import org.babillard.integrations.boundary.Webhooks;
import org.babillard.platform.boundary.Refused;

import java.io.Serializable;

/**
 * A channel's integrations (/channel-integrations.xhtml?c=slug), part of its settings: incoming webhooks (a secret
 * address posting as a bot) and outgoing webhooks (each new post sent, signed, to an address) with their delivery
 * log. For the channel's owners and moderators, and administrators outside private channels; to anyone else the
 * page says the channel is not there or not theirs to manage.
 */
@Named
@ViewScoped
public class ChannelIntegrationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Webhooks webhooks;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient IntegrationMessages messages;

    private String c;
    private ChannelIntegrationsView view;
    private String refusal;
    private String bot;
    private String url;
    private boolean replies = true;

    /** Runs when the page opens. */
    public void open() {
        load();
    }

    private void load() {
        try {
            view = webhooks.settings(me(), c);
            refusal = null;
        } catch (Refused e) {
            view = null;
            refusal = messages.refusal(e);
        }
    }

    public void createIncoming() {
        if (view != null) {
            messages.act(() -> webhooks.createIncoming(me(), view.channel().id(), bot), "webhooks.incomingCreated");
        }
        load();
    }

    public void regenerateIncoming(long id) {
        messages.act(() -> webhooks.regenerateIncoming(me(), id), "webhooks.regenerated");
        load();
    }

    public void deleteIncoming(long id) {
        messages.act(() -> webhooks.deleteIncoming(me(), id), "webhooks.deleted");
        load();
    }

    public void createOutgoing() {
        if (view != null && messages.act(() -> webhooks.createOutgoing(me(), view.channel().id(), url, replies),
                "webhooks.outgoingCreated")) {
            url = null;
        }
        load();
    }

    /** Switches the webhook on or off, and replies with it or not; its address stays (delete and add to change it). */
    public void setOutgoing(long id, boolean on, boolean withReplies) {
        String target = view == null ? null : view.outgoing().stream().filter(h -> h.id() == id).map(h -> h.url())
                .findFirst().orElse(null);
        if (target != null) {
            messages.act(() -> webhooks.updateOutgoing(me(), id, target, on, withReplies), "webhooks.saved");
        }
        load();
    }

    public void regenerateOutgoing(long id) {
        messages.act(() -> webhooks.regenerateOutgoing(me(), id), "webhooks.regenerated");
        load();
    }

    public void deleteOutgoing(long id) {
        messages.act(() -> webhooks.deleteOutgoing(me(), id), "webhooks.deleted");
        load();
    }

    /** The address a program posts to, on the address this page was reached at. */
    public String hookUrl(String secret) {
        String base = request.getRequestURL().toString();
        return base.substring(0, base.length() - request.getRequestURI().length()) + request.getContextPath() + "/hooks/" + secret;
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public String getC() {
        return c;
    }

    public void setC(String c) {
        this.c = c;
    }

    public ChannelIntegrationsView getView() {
        return view;
    }

    /** The bots a new incoming webhook may post as. */
    public java.util.List<org.babillard.integrations.boundary.BotView> getBots() {
        return view == null ? java.util.List.of() : view.bots();
    }

    public String getRefusal() {
        return refusal;
    }

    public String getBot() {
        return bot;
    }

    public void setBot(String bot) {
        this.bot = bot;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public boolean isReplies() {
        return replies;
    }

    public void setReplies(boolean replies) {
        this.replies = replies;
    }
}
