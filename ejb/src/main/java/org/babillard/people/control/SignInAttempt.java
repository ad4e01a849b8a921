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

    public Outcome outcome() {
        return outcome;
    }

    public void record(Outcome outcome) {
        this.outcome = outcome;
    }
}
