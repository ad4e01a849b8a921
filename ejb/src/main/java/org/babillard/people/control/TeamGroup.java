package org.babillard.people.control;

import java.util.Set;

/**
 * A directory group that becomes a team channel, as the sync read it: its DN, name and description, and the DNs
 * (lower case) of the people in it, through groups inside groups too.
 */
public record TeamGroup(String dn, String name, String description, Set<String> memberDns) {

    public TeamGroup {
        memberDns = Set.copyOf(memberDns);
    }
}
