package org.babillard.search.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Schedule;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.babillard.search.control.SearchIndex;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the search index when the application starts (after the schema migrations). A missing or damaged index is
 * rebuilt from the database in the background (searches find nothing until the new index is swapped in); a sound one
 * only catches up with the posts written since it was last written to. Writes are searchable at once and
 * committed to disk every two seconds (a disk sync per post made a burst of posts wait seconds for the index).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchStartup {

    private static final Logger LOG = Logger.getLogger(SearchStartup.class.getName());

    @Inject
    SearchIndex index;

    @Inject
    SearchIndexing indexing;

    @PostConstruct
    void open() {
        if (index.open()) {
            indexing.catchUp();
        } else {
            LOG.info("No usable search index: building it from the database");
            indexing.rebuild();
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "search index commit")
    void commit() {
        try {
            index.commit();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The search index could not be written to disk", e);
        }
    }
}
