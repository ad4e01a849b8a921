-- The Mastodon-compatible API's clients: registered applications, the authorization codes of the OAuth 2 flow
-- (with their PKCE challenge), the access tokens given to an employee through an application, and the markers
-- (last read position per timeline) clients keep. Secrets, codes and tokens are stored as SHA-256 hashes only.
CREATE SEQUENCE api_app_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE api_app (
    id              BIGINT                   NOT NULL,
    client_id       VARCHAR(64)              NOT NULL,
    secret_hash     VARCHAR(64)              NOT NULL,
    name            VARCHAR(200)             NOT NULL,
    website         VARCHAR(500),
    redirect_uris   VARCHAR(2000)            NOT NULL,
    scopes          VARCHAR(500)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_app_pk PRIMARY KEY (id),
    CONSTRAINT api_app_client_uk UNIQUE (client_id)
);

CREATE SEQUENCE api_code_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE api_code (
    id              BIGINT                   NOT NULL,
    code_hash       VARCHAR(64)              NOT NULL,
    app_id          BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    redirect_uri    VARCHAR(500)             NOT NULL,
    scopes          VARCHAR(500)             NOT NULL,
    challenge       VARCHAR(128),
    challenge_method VARCHAR(8),
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_code_pk PRIMARY KEY (id),
    CONSTRAINT api_code_hash_uk UNIQUE (code_hash),
    CONSTRAINT api_code_app_fk FOREIGN KEY (app_id) REFERENCES api_app (id),
    CONSTRAINT api_code_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);

CREATE SEQUENCE api_token_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE api_token (
    id              BIGINT                   NOT NULL,
    token_hash      VARCHAR(64)              NOT NULL,
    app_id          BIGINT                   NOT NULL,
    employee_id     BIGINT,
    scopes          VARCHAR(500)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_pk PRIMARY KEY (id),
    CONSTRAINT api_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT api_token_app_fk FOREIGN KEY (app_id) REFERENCES api_app (id),
    CONSTRAINT api_token_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);

CREATE INDEX api_token_employee_idx ON api_token (employee_id);

CREATE SEQUENCE api_marker_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE api_marker (
    id              BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    timeline        VARCHAR(16)              NOT NULL,
    last_read_id    BIGINT                   NOT NULL,
    version         BIGINT                   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_marker_pk PRIMARY KEY (id),
    CONSTRAINT api_marker_uk UNIQUE (employee_id, timeline),
    CONSTRAINT api_marker_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id)
);
