package org.babillard.people.control;

import org.babillard.people.entity.DirectoryProfile;

import java.util.List;
import java.util.Set;

/** A person the directory has just authenticated: who they are, their profile, their groups and roles. */
public record DirectoryAccount(String username, DirectoryProfile profile, List<String> groups, Set<String> roles) {
}
