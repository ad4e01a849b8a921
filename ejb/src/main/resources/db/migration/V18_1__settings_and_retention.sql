-- Settings an administrator changes on /admin/settings.xhtml, applied without a restart (docs/administration.md).
-- A row overrides the system property of the same meaning, which overrides the built-in default; no row: not set.
-- setting_key / setting_value: KEY and VALUE are reserved words in H2.
CREATE TABLE setting (
    setting_key     VARCHAR(100)             NOT NULL,
    setting_value   VARCHAR(1000)            NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(100),
    CONSTRAINT setting_pk PRIMARY KEY (setting_key)
);

-- A channel's own retention, in days (null: the company's default applies).
ALTER TABLE channel ADD COLUMN retention_days INTEGER;

-- The statistics' 30-day window and retention's "older than" both start from a date: this finds the window's
-- first post without reading the table (post ids grow with time, so the rest is an id range on the primary key).
CREATE INDEX post_created_idx ON post (created_at, id);

-- The company's logo (at most one row, id 1): PNG, JPEG or WebP, at most 512 KB, checked before it is stored.
-- In the database so that every node serves the same one. sha256: its version in the logo's address.
CREATE TABLE company_logo (
    id              INTEGER                  NOT NULL,
    content_type    VARCHAR(40)              NOT NULL,
    content         BYTEA                    NOT NULL,
    sha256          VARCHAR(64)              NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT company_logo_pk PRIMARY KEY (id)
);
