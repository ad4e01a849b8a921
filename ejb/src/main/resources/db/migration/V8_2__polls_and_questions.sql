-- Polls and questions. A poll belongs to its post (same id): who may see or vote is who may read the post.
CREATE TABLE poll (
    post_id         BIGINT                   NOT NULL,
    deadline        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT poll_pk PRIMARY KEY (post_id),
    CONSTRAINT poll_post_fk FOREIGN KEY (post_id) REFERENCES post (id)
);

CREATE SEQUENCE poll_choice_seq START WITH 1 INCREMENT BY 1;

-- choice_index: 0 to 5, the order the author gave.
CREATE TABLE poll_choice (
    id              BIGINT                   NOT NULL,
    poll_id         BIGINT                   NOT NULL,
    choice_index    INTEGER                  NOT NULL,
    label           VARCHAR(400)             NOT NULL,
    CONSTRAINT poll_choice_pk PRIMARY KEY (id),
    CONSTRAINT poll_choice_uk UNIQUE (poll_id, choice_index),
    CONSTRAINT poll_choice_poll_fk FOREIGN KEY (poll_id) REFERENCES poll (post_id)
);

CREATE SEQUENCE poll_vote_seq START WITH 1 INCREMENT BY 1;

-- One vote per person per poll: the unique key holds even when two clicks arrive at once.
CREATE TABLE poll_vote (
    id              BIGINT                   NOT NULL,
    poll_id         BIGINT                   NOT NULL,
    employee_id     BIGINT                   NOT NULL,
    choice_id       BIGINT                   NOT NULL,
    voted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT poll_vote_pk PRIMARY KEY (id),
    CONSTRAINT poll_vote_uk UNIQUE (poll_id, employee_id),
    CONSTRAINT poll_vote_poll_fk FOREIGN KEY (poll_id) REFERENCES poll (post_id),
    CONSTRAINT poll_vote_employee_fk FOREIGN KEY (employee_id) REFERENCES employee (id),
    CONSTRAINT poll_vote_choice_fk FOREIGN KEY (choice_id) REFERENCES poll_choice (id)
);

CREATE INDEX poll_vote_employee_idx ON poll_vote (employee_id);
CREATE INDEX poll_vote_choice_idx ON poll_vote (choice_id);

-- A post asked as a question; best_answer_id: the reply its asker chose, if any.
CREATE TABLE question (
    post_id         BIGINT                   NOT NULL,
    best_answer_id  BIGINT,
    CONSTRAINT question_pk PRIMARY KEY (post_id),
    CONSTRAINT question_post_fk FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT question_best_answer_fk FOREIGN KEY (best_answer_id) REFERENCES post (id)
);
