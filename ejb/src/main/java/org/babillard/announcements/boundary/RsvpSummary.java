package org.babillard.announcements.boundary;

import org.babillard.announcements.entity.Rsvp;

import java.util.List;

/** The answers to an event: counts, who is going (and who may), and the reader's own answer (or null). */
public record RsvpSummary(long going, long maybe, long notGoing, List<Attendee> attendees, Rsvp.Answer mine) {

    /** Someone who answered going or maybe. */
    public record Attendee(String username, String displayName, Rsvp.Answer answer) {

        public String getUsername() {
            return username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public boolean isMaybe() {
            return answer == Rsvp.Answer.MAYBE;
        }
    }

    public long getGoing() {
        return going;
    }

    public long getMaybe() {
        return maybe;
    }

    public long getNotGoing() {
        return notGoing;
    }

    public List<Attendee> getAttendees() {
        return attendees;
    }

    public String getMine() {
        return mine == null ? null : mine.name();
    }
}
