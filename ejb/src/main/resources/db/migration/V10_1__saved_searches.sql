-- Search (issue 8): a person's saved searches, the "veille" that tells them of new posts matching a query.
-- The search index itself is not in the database: it lives under the data directory and is rebuilt from the posts.
CREATE SEQUENCE saved_search_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE saved_search (
    id          BIGINT                   NOT NULL,
    owner_id    BIGINT                   NOT NULL,
    query       VARCHAR(500)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT saved_search_pk PRIMARY KEY (id),
    CONSTRAINT saved_search_owner_fk FOREIGN KEY (owner_id) REFERENCES employee (id),
    CONSTRAINT saved_search_owner_query_uk UNIQUE (owner_id, query)
);

CREATE INDEX saved_search_owner_idx ON saved_search (owner_id, id);
