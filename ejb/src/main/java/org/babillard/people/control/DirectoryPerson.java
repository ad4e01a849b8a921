package org.babillard.people.control;

import org.babillard.people.entity.DirectoryProfile;

/** A person as the directory lists them: the login name (lower case) and the profile. */
public record DirectoryPerson(String username, DirectoryProfile profile) {
}
