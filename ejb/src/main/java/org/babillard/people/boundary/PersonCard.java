package org.babillard.people.boundary;

import org.babillard.people.entity.Employee;

/** A person as lists show them. Bean getters for the views (Expression Language 5 does not read records). */
public record PersonCard(String username, String displayName, String title, String department, String site, boolean active,
                         String photoHash, String status) {

    static PersonCard of(Employee e) {
        return new PersonCard(e.getUsername(), e.getDisplayName(), e.getTitle(), e.getDepartment(), e.getSite(), e.isActive(),
                e.getPhotoHash(), e.statusAt(java.time.Clock.systemUTC().instant()));
    }

    /** The person's current status (see Statuses), or null when none shows. */
    public String getStatus() {
        return status;
    }

    /** The photo's version (null: no photo), which makes its address change when the photo does. */
    public String getPhotoHash() {
        return photoHash;
    }

    /** The first letter of the name, for the round badge that stands in for a photo. */
    public String getInitial() {
        return displayName == null || displayName.isEmpty() ? "?"
                : new String(Character.toChars(displayName.codePointAt(0))).toUpperCase(java.util.Locale.ROOT);
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getTitle() {
        return title;
    }

    public String getDepartment() {
        return department;
    }

    public String getSite() {
        return site;
    }

    public boolean isActive() {
        return active;
    }
}
