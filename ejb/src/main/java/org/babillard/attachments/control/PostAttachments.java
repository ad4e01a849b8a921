package org.babillard.attachments.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.attachments.boundary.AttachmentInfo;
import org.babillard.attachments.entity.Attachment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The attachments of a page of posts, in one query. Callers pass only posts the reader may read. */
@Dependent
public class PostAttachments {

    @PersistenceContext
    EntityManager em;

    public Map<Long, List<AttachmentInfo>> of(List<Long> postIds) {
        Map<Long, List<AttachmentInfo>> byPost = new HashMap<>();
        if (postIds.isEmpty()) {
            return byPost;
        }
        for (Attachment a : em.createNamedQuery(Attachment.ON_POSTS, Attachment.class)
                .setParameter("posts", postIds).getResultList()) {
            byPost.computeIfAbsent(a.getPost().getId(), k -> new ArrayList<>()).add(AttachmentInfo.of(a));
        }
        return byPost;
    }
}
