package org.babillard.people.entity;

/** The profile fields the directory holds for a person; any of them but dn and displayName may be null. */
public record DirectoryProfile(String dn, String displayName, String mail, String title, String department, String site) {
}
