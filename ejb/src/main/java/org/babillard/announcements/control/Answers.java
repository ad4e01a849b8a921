package org.babillard.announcements.control;

import jakarta.enterprise.context.Dependent;
import org.babillard.announcements.boundary.RsvpSummary;
import org.babillard.announcements.entity.Rsvp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sums up the answers to one event (an announcement's or a post's) as its reader sees them. */
@Dependent
public class Answers {

    /** @param answers the event's answers, in the order attendees are listed */
    public RsvpSummary summary(List<Rsvp> answers, long readerId) {
        Map<Rsvp.Answer, Long> counts = new HashMap<>();
        List<RsvpSummary.Attendee> attendees = new ArrayList<>();
        Rsvp.Answer mine = null;
        for (Rsvp r : answers) {
            counts.merge(r.getAnswer(), 1L, Long::sum);
            if (r.getAnswer() != Rsvp.Answer.NOT_GOING) {
                attendees.add(new RsvpSummary.Attendee(r.getEmployee().getUsername(), r.getEmployee().getDisplayName(), r.getAnswer()));
            }
            if (r.getEmployee().getId() == readerId) {
                mine = r.getAnswer();
            }
        }
        attendees.sort(Comparator.comparing(RsvpSummary.Attendee::isMaybe));
        return new RsvpSummary(counts.getOrDefault(Rsvp.Answer.GOING, 0L), counts.getOrDefault(Rsvp.Answer.MAYBE, 0L),
                counts.getOrDefault(Rsvp.Answer.NOT_GOING, 0L), attendees, mine);
    }
}
