-- The secret token in the addresses of a person's Atom feeds (a person's, a channel's, a topic's posts): it stands
-- for its owner, whose reading rights the feeds have. Revoking deletes the row; a new token differs.
CREATE TABLE feed_token (
    employee_id     BIGINT                   NOT NULL,
    token           VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT feed_token_pk PRIMARY KEY (employee_id),
    CONSTRAINT feed_token_uk UNIQUE (token),
    CONSTRAINT feed_token_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);
