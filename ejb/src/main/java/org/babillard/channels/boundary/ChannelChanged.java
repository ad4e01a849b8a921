package org.babillard.channels.boundary;

import java.util.Set;

/** Channel membership changed for these people; their open pages refresh their channel lists after the commit. */
public record ChannelChanged(long channelId, Set<String> usernames) {
}
