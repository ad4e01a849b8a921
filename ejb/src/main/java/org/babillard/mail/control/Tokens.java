package org.babillard.mail.control;

import java.security.SecureRandom;

/** Secrets for addresses: 160 random bits, in lower-case letters and digits so that no mail server changes them. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Tokens() {
    }

    public static String fresh() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        StringBuilder s = new StringBuilder(32);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                s.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return s.toString();
    }

}
