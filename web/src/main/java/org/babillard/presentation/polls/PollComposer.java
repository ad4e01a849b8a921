package org.babillard.presentation.polls;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.platform.boundary.Refused;
import org.babillard.polls.boundary.Polls;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.entity.Post;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the home composer adds to a post: a poll (its choices and deadline) and the "question" mark. The composer
 * publishes through {@link #publish}, which sends the post, its poll or question and its files to the Composer boundary, in one transaction.
 */
@Named
@ViewScoped
public class PollComposer implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean poll;
    @Inject
    transient org.babillard.composer.boundary.Composer composer;

    private boolean question;
    private final List<String> choices = new ArrayList<>(List.of("", ""));
    private String deadline = "P1D";
    private String customDate;

    /**
     * Publishes the draft with its files, and with a poll and as a question if the author asked for them, in one
     * transaction.
     */
    public Post publish(String author, Draft draft, List<org.babillard.attachments.boundary.Upload> uploads)
            throws PostRejected, Refused, org.babillard.attachments.boundary.AttachmentRejected {
        return composer.publish(author, draft, poll ? choices : null, poll ? deadlineInstant() : null, question, uploads);
    }

    /** After publishing: a fresh composer. */
    public void reset() {
        poll = false;
        question = false;
        choices.clear();
        choices.add("");
        choices.add("");
        deadline = "P1D";
        customDate = null;
    }

    public void addChoice() {
        if (choices.size() < Polls.MAX_CHOICES) {
            choices.add("");
        }
    }

    public boolean isMoreChoices() {
        return choices.size() < Polls.MAX_CHOICES;
    }

    /** The deadline chosen: a duration from now, or the end of the custom day in the company's time zone. */
    Instant deadlineInstant() throws Refused {
        Instant now = Clock.systemUTC().instant();
        if (!"custom".equals(deadline)) {
            try {
                return now.plus(Duration.parse(deadline));
            } catch (DateTimeParseException | NullPointerException e) {
                return now.plus(Duration.ofDays(1));
            }
        }
        try {
            String zone = System.getProperty("babillard.timezone");
            ZoneId zoneId = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
            return LocalDate.parse(customDate == null ? "" : customDate.trim()).atTime(LocalTime.of(23, 59))
                    .atZone(zoneId).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused(Refused.Reason.INVALID, "poll.deadlineMissing");
        }
    }

    public boolean isPoll() {
        return poll;
    }

    public void setPoll(boolean poll) {
        this.poll = poll;
    }

    public boolean isQuestion() {
        return question;
    }

    public void setQuestion(boolean question) {
        this.question = question;
    }

    public List<String> getChoices() {
        return choices;
    }

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline;
    }

    public boolean isCustom() {
        return "custom".equals(deadline);
    }

    public String getCustomDate() {
        return customDate;
    }

    public void setCustomDate(String customDate) {
        this.customDate = customDate;
    }
}
