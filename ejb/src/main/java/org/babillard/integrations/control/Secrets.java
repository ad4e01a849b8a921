package org.babillard.integrations.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The random secrets of webhooks: 256 bits, URL-safe Base64 (43 characters). */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Secrets() {
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether this can be a secret at all (anything else is not looked up). */
    public static boolean wellFormed(String secret) {
        return FORM.matcher(secret).matches();
    }
}
