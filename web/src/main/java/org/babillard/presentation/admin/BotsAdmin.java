package org.babillard.presentation.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.channels.boundary.ChannelSummary;
import org.babillard.channels.boundary.Channels;
import org.babillard.integrations.boundary.BotView;
import org.babillard.integrations.boundary.Bots;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.integrations.BotBadges;
import org.babillard.presentation.integrations.IntegrationMessages;

import java.io.Serializable;
import java.util.List;

/**
 * The administrators' bots page (/admin/bots.xhtml): create bots, choose the channels they post into, give them
 * tokens (shown once), revoke tokens, switch bots off, delete them.
 */
@Named
@ViewScoped
public class BotsAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Bots bots;

    @Inject
    transient Channels channels;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient IntegrationMessages administration;

    @Inject
    transient BotBadges badges;

    private List<BotView> list = List.of();
    private List<ChannelSummary> openChannels = List.of();
    private String handle;
    private String name;
    private String description;
    private String allowBot;
    private String allowChannel;
    private String tokenBot;
    private String scopes;
    /** The token just created, shown once, and whose it is. */
    private String newToken;
    private String newTokenBot;

    @PostConstruct
    void load() {
        try {
            list = bots.list(me());
        } catch (Refused e) {
            list = List.of();
        }
        // The channels an administrator lets bots into: open ones (a private channel's bots are its owners' choice).
        openChannels = channels.list(me()).stream().filter(c -> !c.isPrivateChannel() && !c.isArchived()).toList();
    }

    public void create() {
        if (administration.act(() -> bots.create(me(), handle, name, description), "bots.created", handle)) {
            handle = null;
            name = null;
            description = null;
            badges.changed();
        }
        load();
    }

    public void allow() {
        if (allowBot != null && allowChannel != null && allowChannel.matches("\\d{1,18}")) {
            long channel = Long.parseLong(allowChannel);
            administration.act(() -> bots.allow(me(), allowBot, channel), "bots.allowed");
        }
        load();
    }

    public void disallow(String bot, long channelId) {
        administration.act(() -> bots.disallow(me(), bot, channelId), "bots.disallowed");
        load();
    }

    public void token() {
        String[] token = new String[1];
        String bot = tokenBot;
        if (bot != null && administration.act(() -> token[0] = bots.token(me(), bot, scopes).accessToken(), "bots.tokenCreated")) {
            newToken = token[0];
            newTokenBot = bot;
            scopes = null;
        }
        load();
    }

    public void revoke(String bot, long tokenId) {
        administration.act(() -> bots.revoke(me(), bot, tokenId), "bots.revoked");
        load();
    }

    public void enable(String bot, boolean enabled) {
        administration.act(() -> bots.enable(me(), bot, enabled), enabled ? "bots.enabled" : "bots.disabled");
        load();
    }

    public void delete(String bot) {
        if (administration.act(() -> bots.delete(me(), bot), "bots.deleted")) {
            badges.changed();
        }
        load();
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public List<BotView> getList() {
        return list;
    }

    public List<ChannelSummary> getOpenChannels() {
        return openChannels;
    }

    public String getHandle() {
        return handle;
    }

    public void setHandle(String handle) {
        this.handle = handle;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getAllowBot() {
        return allowBot;
    }

    public void setAllowBot(String allowBot) {
        this.allowBot = allowBot;
    }

    public String getAllowChannel() {
        return allowChannel;
    }

    public void setAllowChannel(String allowChannel) {
        this.allowChannel = allowChannel;
    }

    public String getTokenBot() {
        return tokenBot;
    }

    public void setTokenBot(String tokenBot) {
        this.tokenBot = tokenBot;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getNewToken() {
        return newToken;
    }

    public String getNewTokenBot() {
        return newTokenBot;
    }
}
