-- Announcements by HR and administrators (issue 6). An announcement is written once, in French, English or both,
-- and read through its audience (announcement_audience), resolved against the directory data of each reader at
-- reading time: nothing is copied per reader for reading. At publication the recipients are materialised once
-- (announcement_recipient) for the opened / acknowledged statistics and the must-read banner and reminders.
CREATE SEQUENCE announcement_seq START WITH 1 INCREMENT BY 1;

-- category: HR, COMPANY_NEWS, EVENT, PRODUCT_LAUNCH, IT_SAFETY. publish_at: when it goes out (now, or later: the
-- schedule timer publishes it); published_at: when it went out, null while scheduled. Event columns are all null
-- for an announcement that is not an event.
CREATE TABLE announcement (
    id              BIGINT                   NOT NULL,
    author_id       BIGINT                   NOT NULL,
    category        VARCHAR(20)              NOT NULL,
    title_fr        VARCHAR(200),
    body_fr         VARCHAR(10000),
    title_en        VARCHAR(200),
    body_en         VARCHAR(10000),
    must_read       BOOLEAN                  NOT NULL,
    publish_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE,
    expires_at      TIMESTAMP WITH TIME ZONE,
    pinned_at       TIMESTAMP WITH TIME ZONE,
    event_start     TIMESTAMP WITH TIME ZONE,
    event_end       TIMESTAMP WITH TIME ZONE,
    event_place     VARCHAR(300),
    event_link      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT announcement_pk PRIMARY KEY (id),
    CONSTRAINT announcement_author_fk FOREIGN KEY (author_id) REFERENCES employee (id)
);

CREATE INDEX announcement_published_idx ON announcement (published_at);
CREATE INDEX announcement_due_idx ON announcement (publish_at);

CREATE SEQUENCE announcement_audience_seq START WITH 1 INCREMENT BY 1;

-- kind: EVERYONE; DEPARTMENT or SITE (name: the directory's value); CHANNEL (channel_id: its members);
-- MANAGER (name: the manager's directory DN in lower case, label: their name; their reports, direct and indirect).
CREATE TABLE announcement_audience (
    id              BIGINT                   NOT NULL,
    announcement_id BIGINT                   NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    name            VARCHAR(1024),
    channel_id      BIGINT,
    label           VARCHAR(300),
    CONSTRAINT announcement_audience_pk PRIMARY KEY (id),
    CONSTRAINT announcement_audience_announcement_fk FOREIGN KEY (announcement_id) REFERENCES announcement (id),
    CONSTRAINT announcement_audience_channel_fk FOREIGN KEY (channel_id) REFERENCES channel (id)
);

CREATE INDEX announcement_audience_announcement_idx ON announcement_audience (announcement_id);
CREATE INDEX announcement_audience_name_idx ON announcement_audience (kind, name);

-- Who the announcement went to, as the directory stood at publication (department and site kept for the
-- statistics), with when each opened it, acknowledged it (must read) and was reminded (once).
CREATE TABLE announcement_recipient (
    announcement_id BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    department      VARCHAR(255),
    site            VARCHAR(255),
    opened_at       TIMESTAMP WITH TIME ZONE,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    reminded_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT announcement_recipient_pk PRIMARY KEY (announcement_id, employee_id),
    CONSTRAINT announcement_recipient_announcement_fk FOREIGN KEY (announcement_id) REFERENCES announcement (id),
    CONSTRAINT announcement_recipient_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);

-- The banner's question: "what must this reader still acknowledge?"
CREATE INDEX announcement_recipient_employee_idx ON announcement_recipient (employee_id, acknowledged_at);

CREATE SEQUENCE event_rsvp_seq START WITH 1 INCREMENT BY 1;

-- An answer to an event, an announcement's or a post's (exactly one of the two ids is set): GOING, MAYBE,
-- NOT_GOING; one per person and event, changeable.
CREATE TABLE event_rsvp (
    id              BIGINT                   NOT NULL,
    announcement_id BIGINT,
    post_id         BIGINT,
    employee_id     BIGINT                   NOT NULL,
    answer          VARCHAR(16)              NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT event_rsvp_pk PRIMARY KEY (id),
    CONSTRAINT event_rsvp_announcement_uk UNIQUE (announcement_id, employee_id),
    CONSTRAINT event_rsvp_post_uk UNIQUE (post_id, employee_id),
    CONSTRAINT event_rsvp_announcement_fk FOREIGN KEY (announcement_id) REFERENCES announcement (id),
    CONSTRAINT event_rsvp_post_fk FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT event_rsvp_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);

-- A post that is an event (its thread's first post): when, and where or at which address.
CREATE TABLE post_event (
    post_id         BIGINT                   NOT NULL,
    event_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    event_end       TIMESTAMP WITH TIME ZONE NOT NULL,
    event_place     VARCHAR(300),
    event_link      VARCHAR(1000),
    CONSTRAINT post_event_pk PRIMARY KEY (post_id),
    CONSTRAINT post_event_post_fk FOREIGN KEY (post_id) REFERENCES post (id)
);

-- A personal calendar feed: the secret token in the feed's address stands for its owner; revoking deletes it.
CREATE TABLE calendar_token (
    employee_id     BIGINT                   NOT NULL,
    token           VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calendar_token_pk PRIMARY KEY (employee_id),
    CONSTRAINT calendar_token_uk UNIQUE (token),
    CONSTRAINT calendar_token_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);
