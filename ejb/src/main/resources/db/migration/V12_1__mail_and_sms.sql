-- E-mail and SMS (docs/mail.md): each employee's preferences, the secret addresses that post by mail, the outbox
-- that mails and text messages wait in until a timer sends them (never inside the transaction that caused them),
-- and what waits for the daily digest.

-- delivery: IMMEDIATE, DIGEST or NEVER. quiet_from/quiet_until: hours (0-23, in babillard.timezone) between
-- which immediate mails wait; both null for none. No row: the defaults (IMMEDIATE, no quiet hours, no SMS).
CREATE TABLE mail_preference (
    employee_id     BIGINT                   NOT NULL,
    delivery        VARCHAR(16)              NOT NULL,
    quiet_from      INTEGER,
    quiet_until     INTEGER,
    sms             BOOLEAN                  NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT mail_preference_pk PRIMARY KEY (employee_id),
    CONSTRAINT mail_preference_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);

-- A secret in the local part of an address (babillard+TOKEN@...): REPLY tokens answer one post as its recipient,
-- a POSTING token is a person's own address for company-wide posts (one live at a time, revocable).
CREATE TABLE mail_token (
    token           VARCHAR(64)              NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    post_id         BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT mail_token_pk PRIMARY KEY (token),
    CONSTRAINT mail_token_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id),
    CONSTRAINT mail_token_post_fk FOREIGN KEY (post_id) REFERENCES post (id)
);

CREATE INDEX mail_token_owner_idx ON mail_token (employee_id, kind, post_id);

CREATE SEQUENCE outbox_message_seq START WITH 1 INCREMENT BY 1;

-- channel: MAIL or SMS. address: the e-mail address or the phone number. due_at: not before (quiet hours,
-- retries). A message is sent (sent_at) or given up after the last attempt (given_up_at), or still due.
CREATE TABLE outbox_message (
    id              BIGINT                   NOT NULL,
    channel         VARCHAR(8)               NOT NULL,
    recipient_id    BIGINT                   NOT NULL,
    address         VARCHAR(320)             NOT NULL,
    subject         VARCHAR(1000),
    text_body       VARCHAR(200000)          NOT NULL,
    html_body       VARCHAR(400000),
    reply_to        VARCHAR(320),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER                  NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    given_up_at     TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    CONSTRAINT outbox_message_pk PRIMARY KEY (id),
    CONSTRAINT outbox_message_recipient_fk FOREIGN KEY (recipient_id) REFERENCES employee (id)
);

CREATE INDEX outbox_message_due_idx ON outbox_message (sent_at, given_up_at, due_at);

CREATE SEQUENCE digest_item_seq START WITH 1 INCREMENT BY 1;

-- Something for a person's next daily digest: a post (a mention, a reply) or a must-read announcement's text
-- as it was in the reader's language.
CREATE TABLE digest_item (
    id              BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    post_id         BIGINT,
    title           VARCHAR(1000),
    body            VARCHAR(20000),
    path            VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT digest_item_pk PRIMARY KEY (id),
    CONSTRAINT digest_item_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id),
    CONSTRAINT digest_item_post_fk FOREIGN KEY (post_id) REFERENCES post (id)
);

CREATE INDEX digest_item_employee_idx ON digest_item (employee_id, sent_at);
