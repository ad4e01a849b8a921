package org.babillard.people.entity;

/**
 * The profile fields the directory holds for a person; any of them but dn and displayName may be null.
 * {@code managerDn} is the distinguished name of their manager's entry; {@code language} a tag such as "fr".
 */
public record DirectoryProfile(String dn, String displayName, String mail, String title, String department, String site,
                               String phone, String managerDn, String language) {

    /** A profile with only the fields the login page needs: for tests and tools. */
    public DirectoryProfile(String dn, String displayName, String mail, String title, String department, String site) {
        this(dn, displayName, mail, title, department, site, null, null, null);
    }
}
