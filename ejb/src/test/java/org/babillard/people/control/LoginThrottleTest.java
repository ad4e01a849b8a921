package org.babillard.people.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-26T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hand clock = new Hand();
    private final LoginThrottle throttle = new LoginThrottle(3, 8, 5, Duration.ofMinutes(15), clock);

    @Test
    void anAccountIsHeldAfterTooManyWrongPasswordsThenFreedByTime() {
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.allows("camille.durand", "10.0.0.1"));
            throttle.failed("camille.durand", "10.0.0.1");
        }
        assertFalse(throttle.allows("camille.durand", "10.0.0.1"));
        assertFalse(throttle.allows("  Camille.Durand ", "10.0.0.1"), "the same account in another case");
        assertTrue(throttle.allows("camille.durand", "10.0.0.2"), "the account's owner, elsewhere, is not held");
        assertTrue(throttle.allows("oliver.smith", "10.0.0.1"), "another account from the same address");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertTrue(throttle.allows("camille.durand", "10.0.0.1"));
    }

    @Test
    void guessingAtSomeoneElsesAccountCannotLockItsOwnerOutForGood() {
        // An employee guesses at HR's account from their own computer, again and again: held there (a held attempt
        // never reaches the directory, so it counts no more), not where HR logs in.
        for (int i = 0; i < 20; i++) {
            if (throttle.allows("helene.lefevre", "10.0.0.66")) {
                throttle.failed("helene.lefevre", "10.0.0.66");
            }
        }
        assertFalse(throttle.allows("helene.lefevre", "10.0.0.66"));
        assertTrue(throttle.allows("helene.lefevre", "10.0.0.5"), "HR, at their own desk, still logs in");
        // Many addresses at once (8 failures in all here) hold the account everywhere, for the window only.
        LoginThrottle fresh = new LoginThrottle(3, 8, 5, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 8; i++) {
            fresh.failed("helene.lefevre", "10.0.1." + i);
        }
        assertFalse(fresh.allows("helene.lefevre", "10.0.0.5"), "a distributed guess holds the account everywhere");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertTrue(fresh.allows("helene.lefevre", "10.0.0.5"), "and lets it go by itself");
    }

    @Test
    void aGuessFromEverywhereDoesNotHoldTheAccountAtItsOwnersAddress() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("helene.lefevre", "10.0.1." + i);
        }
        assertFalse(throttle.allows("helene.lefevre", "10.0.0.5"), "held everywhere");
        // Where HR logged in before (the identity store asks the audit log), the hold from everywhere does not apply.
        assertTrue(throttle.allowsFromOwnAddress("helene.lefevre", "10.0.0.5"));
        // ...but an address that guessed at the account itself is held there all the same.
        for (int i = 0; i < 3; i++) {
            throttle.failed("helene.lefevre", "10.0.0.5");
        }
        assertFalse(throttle.allowsFromOwnAddress("helene.lefevre", "10.0.0.5"));
        // ...and so is an address that guessed at many accounts.
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertFalse(throttle.allowsFromOwnAddress("camille.durand", "10.0.0.9"));
    }

    @Test
    void anAddressIsHeldAfterTooManyWrongPasswordsOverManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertFalse(throttle.allows("someone.else", "192.0.2.7"));
        assertTrue(throttle.allows("someone.else", "192.0.2.8"));
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        throttle.failed("camille.durand", "10.0.0.1");
        throttle.failed("camille.durand", "10.0.0.1");
        throttle.succeeded("camille.durand", "10.0.0.1");
        throttle.failed("camille.durand", "10.0.0.1");
        throttle.failed("camille.durand", "10.0.0.1");
        assertTrue(throttle.allows("camille.durand", "10.0.0.1"), "two failures since the success");
    }

    @Test
    void failuresSlideOutOfTheWindowOneByOne() {
        throttle.failed("a", "198.51.100.1");
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        throttle.failed("a", "198.51.100.1");
        throttle.failed("a", "198.51.100.1");
        assertFalse(throttle.allows("a", "198.51.100.1"));
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertTrue(throttle.allows("a", "198.51.100.1"), "the first failure is older than the window now");
    }
}
