package org.babillard.people.control;

/** The directory could not be reached or did not answer in time: nobody's credentials were judged. */
public class DirectoryUnavailable extends Exception {

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
