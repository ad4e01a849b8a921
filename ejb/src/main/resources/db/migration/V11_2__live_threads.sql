-- Live coverage: a thread switched to "live" by its author, HR or an administrator (a conference, an all-hands,
-- a launch). While it is live, every reader viewing the conversation sees new replies arrive without reloading.
CREATE TABLE live_thread (
    post_id         BIGINT                   NOT NULL,
    since           TIMESTAMP WITH TIME ZONE NOT NULL,
    switched_by     BIGINT                   NOT NULL,
    CONSTRAINT live_thread_pk PRIMARY KEY (post_id),
    CONSTRAINT live_thread_post_fk FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT live_thread_switched_by_fk FOREIGN KEY (switched_by) REFERENCES employee (id)
);
