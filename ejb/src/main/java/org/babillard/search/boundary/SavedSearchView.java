package org.babillard.search.boundary;

import java.io.Serializable;

/** A saved search as its owner sees it in the list. */
public record SavedSearchView(long id, String query) implements Serializable {

    public long getId() {
        return id;
    }

    public String getQuery() {
        return query;
    }
}
