-- Bots and webhooks. A bot is an employee row marked with bot_since: every timeline, rendering, search and the API
-- work for its posts unchanged, while the directory sync, the people directory and logins leave it aside
-- (docs/integrations.md). Bot tokens are ordinary API tokens (api_token) of an application made for the bot.
ALTER TABLE employee ADD COLUMN bot_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE employee ADD COLUMN bot_description VARCHAR(500);
ALTER TABLE employee ADD COLUMN bot_app_id BIGINT;

-- An incoming webhook: a secret address that posts into its channel as its bot.
CREATE SEQUENCE incoming_webhook_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE incoming_webhook (
    id              BIGINT                   NOT NULL,
    channel_id      BIGINT                   NOT NULL,
    bot_id          BIGINT                   NOT NULL,
    secret          VARCHAR(64)              NOT NULL,
    created_by      BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT incoming_webhook_pk PRIMARY KEY (id),
    CONSTRAINT incoming_webhook_secret_uk UNIQUE (secret),
    CONSTRAINT incoming_webhook_channel_fk FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT incoming_webhook_bot_fk FOREIGN KEY (bot_id) REFERENCES employee (id),
    CONSTRAINT incoming_webhook_creator_fk FOREIGN KEY (created_by) REFERENCES employee (id)
);

CREATE INDEX incoming_webhook_channel_idx ON incoming_webhook (channel_id);

-- An outgoing webhook: each new post of its channel is sent, signed, to its address.
CREATE SEQUENCE outgoing_webhook_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE outgoing_webhook (
    id              BIGINT                   NOT NULL,
    channel_id      BIGINT                   NOT NULL,
    url             VARCHAR(1000)            NOT NULL,
    secret          VARCHAR(64)              NOT NULL,
    enabled         BOOLEAN                  NOT NULL,
    replies         BOOLEAN                  NOT NULL,
    created_by      BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outgoing_webhook_pk PRIMARY KEY (id),
    CONSTRAINT outgoing_webhook_channel_fk FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT outgoing_webhook_creator_fk FOREIGN KEY (created_by) REFERENCES employee (id)
);

CREATE INDEX outgoing_webhook_channel_idx ON outgoing_webhook (channel_id);

-- What waits to be sent to an outgoing webhook (the body is fixed when the post is published), and each attempt.
CREATE SEQUENCE webhook_delivery_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE webhook_delivery (
    id              BIGINT                   NOT NULL,
    webhook_id      BIGINT                   NOT NULL,
    post_id         BIGINT                   NOT NULL,
    delivery_key    VARCHAR(36)              NOT NULL,
    body            VARCHAR(20000)           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER                  NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    given_up_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_pk PRIMARY KEY (id),
    CONSTRAINT webhook_delivery_webhook_fk FOREIGN KEY (webhook_id) REFERENCES outgoing_webhook (id) ON DELETE CASCADE
);

CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (due_at);
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id);

CREATE SEQUENCE webhook_attempt_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE webhook_attempt (
    id              BIGINT                   NOT NULL,
    webhook_id      BIGINT                   NOT NULL,
    delivery_id     BIGINT                   NOT NULL,
    post_id         BIGINT                   NOT NULL,
    attempt         INTEGER                  NOT NULL,
    attempted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code     INTEGER,
    error           VARCHAR(500),
    duration_ms     BIGINT                   NOT NULL,
    CONSTRAINT webhook_attempt_pk PRIMARY KEY (id),
    CONSTRAINT webhook_attempt_webhook_fk FOREIGN KEY (webhook_id) REFERENCES outgoing_webhook (id) ON DELETE CASCADE
);

CREATE INDEX webhook_attempt_webhook_idx ON webhook_attempt (webhook_id, id);
