-- Attachments: images and files added to a post. The bytes live under <babillard.data.dir>/attachments, named by
-- stored_name (a random id, also the address's id); file_name is what the author's computer called it.
CREATE SEQUENCE attachment_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE attachment (
    id              BIGINT                   NOT NULL,
    post_id         BIGINT                   NOT NULL,
    sort_order      INTEGER                  NOT NULL,
    stored_name     VARCHAR(64)              NOT NULL,
    file_name       VARCHAR(255)             NOT NULL,
    content_type    VARCHAR(100)             NOT NULL,
    size_bytes      BIGINT                   NOT NULL,
    alt_text        VARCHAR(1000),
    width           INTEGER,
    height          INTEGER,
    thumbnail_name  VARCHAR(80),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT attachment_pk PRIMARY KEY (id),
    CONSTRAINT attachment_post_fk FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT attachment_stored_uk UNIQUE (stored_name)
);

-- A page of posts loads its attachments with one query on post_id.
CREATE INDEX attachment_post_idx ON attachment (post_id, sort_order);
