package org.babillard.search.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.babillard.search.control.SearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;

/** What administrators see of the search index and the one action they have on it: rebuild it from the database. */
@Stateless
@DeclareRoles({"employee", "hr", "admin"})
@RolesAllowed("admin")
public class SearchAdministration {

    @Inject
    SearchIndex index;

    @Inject
    SearchIndexing indexing;

    /** Starts a rebuild in the background; the application keeps searching the current index meanwhile. */
    public boolean rebuild() {
        if (index.isRebuilding()) {
            return false;
        }
        indexing.rebuild();
        return true;
    }

    public boolean isRebuilding() {
        return index.isRebuilding();
    }

    /** Posts in the index now. */
    public int indexed() {
        try {
            return index.isOpen() ? index.count() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
