-- Babillard's first schema: the employees the directory knows and the posts they write.
-- Portable SQL: the same script runs on H2 2.x (embedded default) and PostgreSQL 15 (production, CI).

CREATE SEQUENCE employee_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE employee (
    id              BIGINT                   NOT NULL,
    username        VARCHAR(255)             NOT NULL,
    directory_dn    VARCHAR(1024)            NOT NULL,
    display_name    VARCHAR(255)             NOT NULL,
    mail            VARCHAR(320),
    title           VARCHAR(255),
    department      VARCHAR(255),
    site            VARCHAR(255),
    language        VARCHAR(8),
    first_login     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT employee_pk PRIMARY KEY (id),
    CONSTRAINT employee_username_uk UNIQUE (username)
);

CREATE SEQUENCE post_seq START WITH 1 INCREMENT BY 1;

-- text holds at most 5,000 code points (the highest limit the configuration allows), 10,000 UTF-16 units.
CREATE TABLE post (
    id              BIGINT                   NOT NULL,
    author_id       BIGINT                   NOT NULL,
    text            VARCHAR(10000)           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT post_pk PRIMARY KEY (id),
    CONSTRAINT post_author_fk FOREIGN KEY (author_id) REFERENCES employee (id)
);

-- The timeline pages by id (the primary key index); a person's own posts by (author_id, id).
CREATE INDEX post_author_idx ON post (author_id, id);
