-- The audit log (docs/security.md): what happened to accounts, roles, moderation, announcements and personal data,
-- by whom, from where. Append-only: Babillard only ever inserts rows (no update, no delete in its code), and the
-- database account can be limited to INSERT and SELECT on this table (docs/security.md says how).
CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 1;

-- actor: the username who did it (null: Babillard itself, e.g. the directory sync). action: AuditAction's name.
-- target: what it was done to (a username, "post 42", "announcement 7"). detail: a short, plain description.
CREATE TABLE audit_event (
    id              BIGINT                   NOT NULL,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(100),
    action          VARCHAR(40)              NOT NULL,
    target          VARCHAR(300),
    detail          VARCHAR(1000),
    address         VARCHAR(64),
    CONSTRAINT audit_event_pk PRIMARY KEY (id)
);

CREATE INDEX audit_event_action_idx ON audit_event (action, id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, id);
