package org.babillard.posts.boundary;

import org.babillard.posts.entity.Post;

/**
 * What a composer sends: the text, where it goes (a channel's id, or null for company-wide), the post it answers
 * (or null), the composer's one-time key that makes a double click or a resubmission publish once, and who may
 * read it (null: the company, or the channel; a reply always takes its thread's audience).
 */
public record Draft(String text, Long channelId, Long replyToId, String clientKey, Post.Audience audience) {

    /** A draft for the company, a channel or a thread, as before audiences were chosen. */
    public Draft(String text, Long channelId, Long replyToId, String clientKey) {
        this(text, channelId, replyToId, clientKey, null);
    }

    public static Draft companyWide(String text) {
        return new Draft(text, null, null, null);
    }

    public static Draft inChannel(long channelId, String text) {
        return new Draft(text, channelId, null, null);
    }

    public static Draft reply(long replyToId, String text) {
        return new Draft(text, null, replyToId, null);
    }

    /** An entry in the author's private notebook. */
    public static Draft notebook(String text) {
        return new Draft(text, null, null, null, Post.Audience.NOTEBOOK);
    }

    /** A post only its author and the people it mentions may read. */
    public static Draft toMentioned(String text) {
        return new Draft(text, null, null, null, Post.Audience.MENTIONED);
    }

    /** This draft for another audience (null: the company). */
    public Draft forAudience(Post.Audience chosen) {
        return new Draft(text, channelId, replyToId, clientKey, chosen);
    }

    public Draft withKey(String key) {
        return new Draft(text, channelId, replyToId, key, audience);
    }
}
