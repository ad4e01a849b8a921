package org.babillard.search.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.babillard.search.control.SearchIndex;

import java.util.logging.Logger;

/**
 * Opens the search index when the application starts (after the schema migrations). A missing or damaged index is
 * rebuilt from the database in the background (searches find nothing until the new index is swapped in); a sound one
 * only catches up with the posts written since it was last written to.
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
}
