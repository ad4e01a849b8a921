package org.babillard.posts.boundary;

/**
 * What a composer sends: the text, where it goes (a channel's id, or null for company-wide), the post it answers
 * (or null), and the composer's one-time key that makes a double click or a resubmission publish once.
 */
public record Draft(String text, Long channelId, Long replyToId, String clientKey) {

    public static Draft companyWide(String text) {
        return new Draft(text, null, null, null);
    }

    public static Draft inChannel(long channelId, String text) {
        return new Draft(text, channelId, null, null);
    }

    public static Draft reply(long replyToId, String text) {
        return new Draft(text, null, replyToId, null);
    }

    public Draft withKey(String key) {
        return new Draft(text, channelId, replyToId, key);
    }
}
