-- The directory sync: more of each person's profile, whether they still work here, and a record of each sync.
-- People the sync finds before they ever log in have no login times yet.

ALTER TABLE employee ALTER COLUMN first_login DROP NOT NULL;
ALTER TABLE employee ALTER COLUMN last_login DROP NOT NULL;
ALTER TABLE employee ADD COLUMN phone VARCHAR(64);
ALTER TABLE employee ADD COLUMN manager_dn VARCHAR(1024);
ALTER TABLE employee ADD COLUMN directory_language VARCHAR(8);
ALTER TABLE employee ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE employee ADD COLUMN left_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE employee ADD COLUMN synced_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX employee_active_idx ON employee (active, username);

CREATE SEQUENCE directory_sync_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE directory_sync (
    id              BIGINT                   NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    succeeded       BOOLEAN                  NOT NULL,
    people_seen     INTEGER                  NOT NULL,
    joined          INTEGER                  NOT NULL,
    updated         INTEGER                  NOT NULL,
    came_back       INTEGER                  NOT NULL,
    left_company    INTEGER                  NOT NULL,
    failure         VARCHAR(2000),
    CONSTRAINT directory_sync_pk PRIMARY KEY (id)
);

CREATE INDEX directory_sync_outcome_idx ON directory_sync (succeeded, id);
