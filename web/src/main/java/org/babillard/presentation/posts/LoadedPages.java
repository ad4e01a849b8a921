package org.babillard.presentation.posts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The posts a list shows, kept a page per "Load more" as they were loaded: the page draws each in its own block
 * ({@code WEB-INF/includes/post-pages.xhtml}), and "Load more" answers with the new page alone, into the empty block
 * the last page leaves after itself, instead of every post shown so far again (docs/benchmarks.md).
 */
public final class LoadedPages<T extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<T> all = new ArrayList<>();
    private final List<List<T>> pages = new ArrayList<>();

    public void clear() {
        all.clear();
        pages.clear();
    }

    /** A page loaded after those shown (an empty one adds no block). */
    public void add(List<T> page) {
        if (!page.isEmpty()) {
            all.addAll(page);
            pages.add(List.copyOf(page));
        }
    }

    /** Every post shown, newest first. */
    public List<T> all() {
        return Collections.unmodifiableList(all);
    }

    public List<List<T>> pages() {
        return Collections.unmodifiableList(pages);
    }
}
