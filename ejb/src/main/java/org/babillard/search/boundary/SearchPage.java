package org.babillard.search.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * One page of posts found, every one readable by the person who searched; {@code next} is the cursor of the
 * following page (null: no more), {@code problems} bundle keys for parts of the query that were not understood.
 */
public record SearchPage(List<SearchHit> hits, String next, List<String> problems) implements Serializable {

    public List<SearchHit> getHits() {
        return hits;
    }

    public String getNext() {
        return next;
    }

    public List<String> getProblems() {
        return problems;
    }
}
