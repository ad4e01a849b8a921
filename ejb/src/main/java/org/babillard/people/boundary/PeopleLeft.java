package org.babillard.people.boundary;

import java.util.Set;

/** Fired after a sync committed: these people are no longer in the directory, and their sessions must end. */
public record PeopleLeft(Set<String> usernames) {
}
