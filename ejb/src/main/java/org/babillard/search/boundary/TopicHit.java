package org.babillard.search.boundary;

import java.io.Serializable;

/** A #topic found, with how many posts the reader may read carry it. */
public record TopicHit(String tag, long posts) implements Serializable {

    public String getTag() {
        return tag;
    }

    public long getPosts() {
        return posts;
    }
}
