package org.babillard.feeds.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.babillard.platform.entity.SecretToken;

import java.time.Instant;

/** The secret token in the addresses of a person's Atom feeds. */
@Entity
@Table(name = "feed_token")
public class FeedToken extends SecretToken {

    protected FeedToken() {
        // for JPA
    }

    public FeedToken(long employeeId, String token, Instant now) {
        super(employeeId, token, now);
    }
}
