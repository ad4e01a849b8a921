package org.babillard.people.entity;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The neutral names a former employee's profile takes when their personal data is erased: "Former employee #42"
 * (the pages say it in the reader's language) and the login "former-employee-42", both from the profile's id,
 * which says nothing about the person. Programs that have no reader's language (the API, feeds) show the English
 * name as it is stored.
 */
public final class FormerEmployee {

    static final String USERNAME_PREFIX = "former-employee-";
    static final String NAME_PREFIX = "Former employee #";
    private static final Pattern USERNAME = Pattern.compile("former-employee-([1-9][0-9]{0,18})");
    private static final Pattern NAME = Pattern.compile("Former employee #([1-9][0-9]{0,18})");

    private FormerEmployee() {
    }

    public static String username(long id) {
        return USERNAME_PREFIX + id;
    }

    public static String displayName(long id) {
        return NAME_PREFIX + id;
    }

    /** A directory name that no directory entry has (no "=" in it), so no manager or report link finds it. */
    static String directoryName(long id) {
        return "erased:" + id;
    }

    /** The number of an erased profile's login ("former-employee-42" gives 42), or empty for any other login. */
    public static OptionalLong numberOfUsername(String username) {
        return number(USERNAME, username);
    }

    /** The number of an erased profile's stored name ("Former employee #42" gives 42), or empty for any other name. */
    public static OptionalLong numberOfName(String displayName) {
        return number(NAME, displayName);
    }

    private static OptionalLong number(Pattern pattern, String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        Matcher m = pattern.matcher(value);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
