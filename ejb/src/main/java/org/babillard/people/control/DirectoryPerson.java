package org.babillard.people.control;

import org.babillard.people.entity.DirectoryProfile;

/** A person as the directory lists them: the login name (lower case), the profile, and the photo's bytes or null. */
public record DirectoryPerson(String username, DirectoryProfile profile, byte[] photo) {
}
