package org.babillard.posts.boundary;

import jakarta.ejb.ApplicationException;
import org.babillard.posts.control.PostText;

/** A post that was not published because its text breaks a rule; nothing was stored. */
@ApplicationException(rollback = true)
public class PostRejected extends Exception {

    private final PostText.Problem problem;
    private final int length;
    private final int limit;

    public PostRejected(PostText.Problem problem, int length, int limit) {
        super(problem + " (" + length + " of " + limit + " code points)");
        this.problem = problem;
        this.length = length;
        this.limit = limit;
    }

    public PostText.Problem problem() {
        return problem;
    }

    /** The text's length in code points. */
    public int length() {
        return length;
    }

    public int limit() {
        return limit;
    }
}
