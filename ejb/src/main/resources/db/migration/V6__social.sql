-- The social core: channels and their members, following people and topics, threads, mentions, hashtags,
-- reactions, bookmarks, edit history, reports and notifications.
-- Every timeline is one range scan on an index ending in the post id (see docs/timelines.md).

CREATE SEQUENCE channel_seq START WITH 1 INCREMENT BY 1;

-- access: OPEN (anyone reads and joins) or PRIVATE (members only). posting: MEMBERS, or OWNERS for an
-- announcement channel. A team channel names the directory group that owns its membership.
CREATE TABLE channel (
    id              BIGINT                   NOT NULL,
    slug            VARCHAR(80)              NOT NULL,
    name            VARCHAR(120)             NOT NULL,
    description     VARCHAR(1000),
    access          VARCHAR(16)              NOT NULL,
    posting         VARCHAR(16)              NOT NULL,
    directory_group VARCHAR(1024),
    archived_at     TIMESTAMP WITH TIME ZONE,
    created_by      BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT channel_pk PRIMARY KEY (id),
    CONSTRAINT channel_slug_uk UNIQUE (slug),
    CONSTRAINT channel_created_by_fk FOREIGN KEY (created_by) REFERENCES employee (id)
);

CREATE INDEX channel_group_idx ON channel (directory_group);

CREATE SEQUENCE channel_member_seq START WITH 1 INCREMENT BY 1;

-- role: MEMBER, MODERATOR or OWNER. last_read_post: the newest post of the channel this member has seen.
CREATE TABLE channel_member (
    id              BIGINT                   NOT NULL,
    channel_id      BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    role            VARCHAR(16)              NOT NULL,
    joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_read_post  BIGINT                   DEFAULT 0 NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT channel_member_pk PRIMARY KEY (id),
    CONSTRAINT channel_member_uk UNIQUE (channel_id, employee_id),
    CONSTRAINT channel_member_channel_fk FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT channel_member_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);

CREATE INDEX channel_member_employee_idx ON channel_member (employee_id, channel_id);

CREATE SEQUENCE channel_request_seq START WITH 1 INCREMENT BY 1;

-- kind: REQUEST (the employee asks to join a private channel) or INVITATION (an owner invites them).
CREATE TABLE channel_request (
    id              BIGINT                   NOT NULL,
    channel_id      BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    asked_by        BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT channel_request_pk PRIMARY KEY (id),
    CONSTRAINT channel_request_uk UNIQUE (channel_id, employee_id),
    CONSTRAINT channel_request_channel_fk FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT channel_request_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id),
    CONSTRAINT channel_request_asked_by_fk FOREIGN KEY (asked_by) REFERENCES employee (id)
);

CREATE INDEX channel_request_employee_idx ON channel_request (employee_id);

CREATE SEQUENCE follow_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE follow (
    id              BIGINT                   NOT NULL,
    follower_id     BIGINT                   NOT NULL,
    followed_id     BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT follow_pk PRIMARY KEY (id),
    CONSTRAINT follow_uk UNIQUE (follower_id, followed_id),
    CONSTRAINT follow_follower_fk FOREIGN KEY (follower_id) REFERENCES employee (id),
    CONSTRAINT follow_followed_fk FOREIGN KEY (followed_id) REFERENCES employee (id)
);

CREATE INDEX follow_followed_idx ON follow (followed_id, follower_id);

CREATE SEQUENCE topic_follow_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE topic_follow (
    id              BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    tag             VARCHAR(100)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT topic_follow_pk PRIMARY KEY (id),
    CONSTRAINT topic_follow_uk UNIQUE (employee_id, tag),
    CONSTRAINT topic_follow_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);

CREATE INDEX topic_follow_tag_idx ON topic_follow (tag, employee_id);

-- Posts: in a channel or company-wide (channel_id null); a reply names the post it answers and the thread's
-- first post. client_key makes a double click or a resubmitted form create one post.
ALTER TABLE post ADD COLUMN channel_id BIGINT;
ALTER TABLE post ADD COLUMN reply_to_id BIGINT;
ALTER TABLE post ADD COLUMN thread_id BIGINT;
ALTER TABLE post ADD COLUMN replies INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE post ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE post ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE post ADD COLUMN hidden_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE post ADD COLUMN hidden_by BIGINT;
ALTER TABLE post ADD COLUMN pinned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE post ADD COLUMN client_key VARCHAR(64);
ALTER TABLE post ADD CONSTRAINT post_channel_fk FOREIGN KEY (channel_id) REFERENCES channel (id);
ALTER TABLE post ADD CONSTRAINT post_reply_to_fk FOREIGN KEY (reply_to_id) REFERENCES post (id);
ALTER TABLE post ADD CONSTRAINT post_thread_fk FOREIGN KEY (thread_id) REFERENCES post (id);
ALTER TABLE post ADD CONSTRAINT post_hidden_by_fk FOREIGN KEY (hidden_by) REFERENCES employee (id);

CREATE INDEX post_channel_idx ON post (channel_id, id);
CREATE INDEX post_thread_idx ON post (thread_id, id);
CREATE UNIQUE INDEX post_client_key_uk ON post (author_id, client_key);

CREATE SEQUENCE post_version_seq START WITH 1 INCREMENT BY 1;

-- The earlier texts of an edited post, each with the time it was written.
CREATE TABLE post_version (
    id              BIGINT                   NOT NULL,
    post_id         BIGINT                   NOT NULL,
    text            VARCHAR(10000)           NOT NULL,
    written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT post_version_pk PRIMARY KEY (id),
    CONSTRAINT post_version_post_fk FOREIGN KEY (post_id) REFERENCES post (id)
);

CREATE INDEX post_version_post_idx ON post_version (post_id, id);

CREATE SEQUENCE post_tag_seq START WITH 1 INCREMENT BY 1;

-- The hashtags of a post, lower case. A topic timeline is a range scan on (tag, post_id); trending topics count
-- the tags since a moment through (created_at).
CREATE TABLE post_tag (
    id              BIGINT                   NOT NULL,
    post_id         BIGINT                   NOT NULL,
    tag             VARCHAR(100)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT post_tag_pk PRIMARY KEY (id),
    CONSTRAINT post_tag_uk UNIQUE (post_id, tag),
    CONSTRAINT post_tag_post_fk FOREIGN KEY (post_id) REFERENCES post (id)
);

CREATE INDEX post_tag_tag_idx ON post_tag (tag, post_id);
CREATE INDEX post_tag_created_idx ON post_tag (created_at, tag);

CREATE SEQUENCE mention_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE mention (
    id              BIGINT                   NOT NULL,
    post_id         BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    CONSTRAINT mention_pk PRIMARY KEY (id),
    CONSTRAINT mention_uk UNIQUE (post_id, employee_id),
    CONSTRAINT mention_post_fk FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT mention_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);

CREATE INDEX mention_employee_idx ON mention (employee_id, post_id);

CREATE SEQUENCE reaction_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE reaction (
    id              BIGINT                   NOT NULL,
    post_id         BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    emoji           VARCHAR(16)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reaction_pk PRIMARY KEY (id),
    CONSTRAINT reaction_uk UNIQUE (post_id, employee_id, emoji),
    CONSTRAINT reaction_post_fk FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT reaction_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);

CREATE SEQUENCE bookmark_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE bookmark (
    id              BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    post_id         BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bookmark_pk PRIMARY KEY (id),
    CONSTRAINT bookmark_uk UNIQUE (employee_id, post_id),
    CONSTRAINT bookmark_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id),
    CONSTRAINT bookmark_post_fk FOREIGN KEY (post_id) REFERENCES post (id)
);

CREATE INDEX bookmark_post_idx ON bookmark (post_id);

CREATE SEQUENCE post_report_seq START WITH 1 INCREMENT BY 1;

-- outcome: null while open, then KEPT, HIDDEN or DELETED.
CREATE TABLE post_report (
    id              BIGINT                   NOT NULL,
    post_id         BIGINT                   NOT NULL,
    reporter_id     BIGINT                   NOT NULL,
    reason          VARCHAR(500)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at     TIMESTAMP WITH TIME ZONE,
    resolved_by     BIGINT,
    outcome         VARCHAR(16),
    CONSTRAINT post_report_pk PRIMARY KEY (id),
    CONSTRAINT post_report_post_fk FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT post_report_reporter_fk FOREIGN KEY (reporter_id) REFERENCES employee (id),
    CONSTRAINT post_report_resolved_by_fk FOREIGN KEY (resolved_by) REFERENCES employee (id)
);

CREATE INDEX post_report_open_idx ON post_report (resolved_at, id);
CREATE INDEX post_report_post_idx ON post_report (post_id);

CREATE SEQUENCE notification_seq START WITH 1 INCREMENT BY 1;

-- kind: MENTION, REPLY, REACTION, FOLLOW, JOIN_REQUEST, INVITATION, JOINED (a request was approved).
CREATE TABLE notification (
    id              BIGINT                   NOT NULL,
    recipient_id    BIGINT                   NOT NULL,
    kind            VARCHAR(24)              NOT NULL,
    actor_id        BIGINT                   NOT NULL,
    post_id         BIGINT,
    channel_id      BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_pk PRIMARY KEY (id),
    CONSTRAINT notification_recipient_fk FOREIGN KEY (recipient_id) REFERENCES employee (id),
    CONSTRAINT notification_actor_fk FOREIGN KEY (actor_id) REFERENCES employee (id),
    CONSTRAINT notification_post_fk FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT notification_channel_fk FOREIGN KEY (channel_id) REFERENCES channel (id)
);

CREATE INDEX notification_recipient_idx ON notification (recipient_id, id);
CREATE INDEX notification_unread_idx ON notification (recipient_id, read_at);
