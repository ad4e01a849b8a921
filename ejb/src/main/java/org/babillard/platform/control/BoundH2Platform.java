package org.babillard.platform.control;

import org.eclipse.persistence.platform.database.H2Platform;

/**
 * H2 with its queries' parameters bound, as on PostgreSQL. EclipseLink's H2 platform says H2 needs the values
 * written into the SQL wherever a function or a constant appears in a select list, and every JPQL EXISTS has one
 * (EclipseLink selects a constant 1): so every query with the visibility rule went to H2 as new text each time,
 * which H2 parsed again and EclipseLink printed again (7 % of the home page's CPU at 1,000,000 posts,
 * docs/benchmarks.md). H2 2 types a parameter from where it stands, as PostgreSQL does, which already runs the same
 * queries bound. Constants in a select list are still written into the SQL (H2 refuses a bare parameter there).
 * {@link DatabaseRetries} puts it in place of the platform EclipseLink detects for H2.
 */
public class BoundH2Platform extends H2Platform {

    @Override
    public boolean isDynamicSQLRequiredForFunctions() {
        return false;
    }
}
