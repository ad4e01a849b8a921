package org.babillard.api.control;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mastodon's OAuth scopes: {@code read}, {@code write}, {@code follow}, {@code push}, {@code profile}, and their
 * granular forms ({@code read:statuses}). A token with {@code read} may do everything {@code read:*} allows;
 * {@code follow} is the old name of the follow-related {@code read:}/{@code write:} scopes.
 */
public final class Scopes {

    public static final Set<String> TOP = Set.of("read", "write", "follow", "push", "profile");

    private static final Set<String> GRANULAR = Set.of(
            "read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters", "read:follows",
            "read:lists", "read:mutes", "read:notifications", "read:search", "read:statuses",
            "write:accounts", "write:blocks", "write:bookmarks", "write:conversations", "write:favourites",
            "write:filters", "write:follows", "write:lists", "write:media", "write:mutes", "write:notifications",
            "write:reports", "write:statuses");

    private Scopes() {
    }

    /** The scopes of a space- or plus-separated list, in order, without duplicates; empty means "read". */
    public static Set<String> parse(String scopes) {
        Set<String> parsed = new LinkedHashSet<>();
        if (scopes != null) {
            Arrays.stream(scopes.split("[\\s+,]+")).filter(s -> !s.isBlank()).forEach(parsed::add);
        }
        if (parsed.isEmpty()) {
            parsed.add("read");
        }
        return parsed;
    }

    public static boolean known(String scope) {
        return TOP.contains(scope) || GRANULAR.contains(scope);
    }

    public static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    /** Whether holding {@code granted} allows what {@code needed} (e.g. "read:statuses") names. */
    public static boolean allows(Set<String> granted, String needed) {
        if (granted.contains(needed)) {
            return true;
        }
        int colon = needed.indexOf(':');
        String top = colon < 0 ? needed : needed.substring(0, colon);
        if (granted.contains(top)) {
            return true;
        }
        // "follow" grants what concerns following, muting and blocking, as in Mastodon.
        return granted.contains("follow") && (needed.endsWith(":follows") || needed.endsWith(":blocks") || needed.endsWith(":mutes"));
    }

    /** Whether every scope asked for is within what the application registered. */
    public static boolean within(Set<String> asked, Set<String> registered) {
        return asked.stream().allMatch(s -> allows(registered, s));
    }

    public static String describe(Set<String> scopes) {
        return scopes.stream().collect(Collectors.joining(" "));
    }
}
