package org.babillard.people.control;

/** The name or the password is wrong (or blank): the same answer either way, so names cannot be probed. */
public class InvalidCredentials extends Exception {

    public InvalidCredentials(String reason) {
        super(reason);
    }
}
