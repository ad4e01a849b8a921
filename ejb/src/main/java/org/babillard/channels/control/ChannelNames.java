package org.babillard.channels.control;

import org.babillard.people.entity.SearchText;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.control.PostText;

import java.text.Normalizer;
import java.util.Locale;

/** The rules for a channel's name, address and description. */
public final class ChannelNames {

    public static final int NAME_LIMIT = 80;
    public static final int DESCRIPTION_LIMIT = 1000;
    static final int SLUG_LIMIT = 60;
    private static final String SUFFIX_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private ChannelNames() {
    }

    public static String name(String raw) throws Refused {
        String n = raw == null ? "" : PostText.normalize(raw).replaceAll("\\s+", " ");
        if (n.isEmpty() || slug(n).isEmpty()) {
            throw new Refused(Refused.Reason.INVALID, "channel.nameMissing");
        }
        if (PostText.check(n, Integer.MAX_VALUE).isPresent()) {
            // Control characters (a name is one line: tabs and line breaks became spaces above).
            throw new Refused(Refused.Reason.INVALID, "channel.nameControlCharacters");
        }
        if (n.codePointCount(0, n.length()) > NAME_LIMIT) {
            throw new Refused(Refused.Reason.INVALID, "channel.nameTooLong");
        }
        return n;
    }

    public static String name(String raw, String fallback) {
        try {
            return name(raw);
        } catch (Refused e) {
            return fallback;
        }
    }

    public static String description(String raw) throws Refused {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String d = PostText.normalize(raw);
        var problem = PostText.check(d, DESCRIPTION_LIMIT);
        if (problem.isPresent()) {
            throw new Refused(Refused.Reason.INVALID, problem.get().problem() == PostText.Problem.CONTROL_CHARACTERS
                    ? "channel.descriptionControlCharacters" : "channel.descriptionTooLong");
        }
        return d;
    }

    /** An address made distinct with a random ending, within the length of an address. */
    public static String withSuffix(String slug) {
        StringBuilder ending = new StringBuilder("-");
        for (int i = 0; i < 6; i++) {
            ending.append(SUFFIX_LETTERS.charAt(RANDOM.nextInt(SUFFIX_LETTERS.length())));
        }
        String base = slug.length() > SLUG_LIMIT - ending.length() ? slug.substring(0, SLUG_LIMIT - ending.length()) : slug;
        return base.replaceAll("-+$", "") + ending;
    }

    /** The channel's address: lower case ASCII letters, digits and dashes, from its name. */
    public static String slug(String name) {
        String folded = SearchText.of(Normalizer.normalize(name, Normalizer.Form.NFKD));
        String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > SLUG_LIMIT ? slug.substring(0, SLUG_LIMIT).replaceAll("-+$", "") : slug;
    }
}
