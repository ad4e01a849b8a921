package org.babillard.integrations.boundary;

import java.io.Serializable;
import java.util.List;

/** A channel's integrations page: its incoming and outgoing webhooks, and the bots a webhook may post as. */
public record ChannelIntegrationsView(ChannelRef channel, List<IncomingView> incoming, List<OutgoingView> outgoing,
                                      List<BotView> bots) implements Serializable {

    public ChannelIntegrationsView {
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
        bots = List.copyOf(bots);
    }

    public ChannelRef getChannel() {
        return channel;
    }

    public List<IncomingView> getIncoming() {
        return incoming;
    }

    public List<OutgoingView> getOutgoing() {
        return outgoing;
    }

    public List<BotView> getBots() {
        return bots;
    }
}
