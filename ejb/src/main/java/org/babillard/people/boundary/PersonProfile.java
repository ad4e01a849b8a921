package org.babillard.people.boundary;

import java.util.List;

/**
 * A person's profile page: who they are, how to reach them, their managers from the nearest up to the top of the
 * company, and the people who report to them.
 */
public record PersonProfile(PersonCard person, String mail, String phone, List<PersonCard> managers, List<PersonCard> reports) {

    public PersonCard getPerson() {
        return person;
    }

    public String getMail() {
        return mail;
    }

    public String getPhone() {
        return phone;
    }

    /** Nearest first. */
    public List<PersonCard> getManagers() {
        return managers;
    }

    /** From the top of the company down to the nearest manager, as an org chart reads. */
    public List<PersonCard> getManagersFromTop() {
        List<PersonCard> fromTop = new java.util.ArrayList<>(managers);
        java.util.Collections.reverse(fromTop);
        return fromTop;
    }

    /** The phone number as a tel: link (digits and a leading +), or null. */
    public String getPhoneLink() {
        return phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
    }

    public List<PersonCard> getReports() {
        return reports;
    }
}
