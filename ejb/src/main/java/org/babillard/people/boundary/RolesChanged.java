package org.babillard.people.boundary;

import java.util.Set;

/** Fired after a sync committed: these people's roles changed in the directory; their sessions must end. */
public record RolesChanged(Set<String> usernames) {
}
