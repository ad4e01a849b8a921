package org.babillard.announcements.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.babillard.platform.entity.SecretToken;

import java.time.Instant;

/** The secret token of a person's calendar feed address. */
@Entity
@Table(name = "calendar_token")
public class CalendarToken extends SecretToken {

    protected CalendarToken() {
        // for JPA
    }

    public CalendarToken(long employeeId, String token, Instant now) {
        super(employeeId, token, now);
    }
}
