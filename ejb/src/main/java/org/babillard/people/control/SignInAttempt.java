package org.babillard.people.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the directory said about the login attempt of this request, so that the login page can tell a wrong
 * password from a directory that cannot be reached (the authentication API reports both as a failure).
 */
@RequestScoped
public class SignInAttempt {

    public enum Outcome { NONE, SIGNED_IN, INVALID_CREDENTIALS, DIRECTORY_UNAVAILABLE }

    private Outcome outcome = Outcome.NONE;
    private String username;

    public Outcome outcome() {
        return outcome;
    }

    /** Who signed in, as the directory spells the name; null unless the outcome is SIGNED_IN. */
    public String username() {
        return username;
    }

    public void record(Outcome outcome) {
        this.outcome = outcome;
        this.username = null;
    }

    public void signedIn(String username) {
        this.outcome = Outcome.SIGNED_IN;
        this.username = username;
    }
}
