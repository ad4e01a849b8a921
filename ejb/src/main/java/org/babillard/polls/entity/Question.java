package org.babillard.polls.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A post asked as a question, and the reply its asker chose as the best answer (none yet: null). */
@Entity
@Table(name = "question")
public class Question {

    @Id
    @Column(name = "post_id")
    private Long postId;

    @Column(name = "best_answer_id")
    private Long bestAnswerId;

    protected Question() {
        // for JPA
    }

    public Question(long postId) {
        this.postId = postId;
    }

    public Long getPostId() {
        return postId;
    }

    public Long getBestAnswerId() {
        return bestAnswerId;
    }

    public void markBestAnswer(long replyId) {
        this.bestAnswerId = replyId;
    }
}
