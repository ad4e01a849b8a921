package org.babillard.people.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A status as it shows now: its text and when it expires (null: until cleared). Bean getters for the views. */
public record Status(String text, Instant until) implements Serializable {

    public String getText() {
        return text;
    }

    public Instant getUntil() {
        return until;
    }
}
