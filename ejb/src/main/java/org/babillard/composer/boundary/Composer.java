package org.babillard.composer.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.babillard.attachments.boundary.AttachmentRejected;
import org.babillard.attachments.boundary.Attachments;
import org.babillard.attachments.boundary.Upload;
import org.babillard.platform.boundary.Refused;
import org.babillard.polls.boundary.Polls;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;

import java.time.Instant;
import java.util.List;

/**
 * What a composer sends, published in one transaction: the post, its poll or question if any, its files if any.
 * Either all of it is there afterwards, or none of it (and no file stays on disk).
 */
@Stateless
public class Composer {

    @Inject
    Posts posts;

    @Inject
    Polls polls;

    @Inject
    Attachments attachments;

    /**
     * @param choices  the poll's choices, or null for no poll
     * @param deadline the poll's deadline (ignored without choices)
     * @param question whether the post asks a question whose best answer the author will mark
     * @param uploads  the files, possibly none
     */
    public Post publish(String author, Draft draft, List<String> choices, Instant deadline, boolean question,
                        List<Upload> uploads) throws PostRejected, Refused, AttachmentRejected {
        Post post = choices == null && !question ? posts.publish(author, draft)
                : polls.publish(author, draft, choices, deadline, question);
        return attachments.attach(post, uploads);
    }
}
