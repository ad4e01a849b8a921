package org.babillard.search.control;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One Lucene index of posts in one directory: writes (each visible to searches at once, near-real-time, and
 * committed to disk), searches in pages by relevance or by date, with a cursor. Plain Java, so that the benchmark
 * measures exactly the code the server runs.
 */
public final class PostIndex implements Closeable {

    /** How results are ordered. */
    public enum Order {
        RELEVANCE, DATE
    }

    /** A post the index found, before the database says whether the reader may see it. */
    public record Candidate(long id, float score) {
    }

    /** Candidates in order, and whether the index has more after them. */
    public record Batch(List<Candidate> candidates, boolean more) {
    }

    private static final Sort BY_DATE = new Sort(new SortField(IndexedPost.ID, SortField.Type.LONG, true));
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(IndexedPost.ID, SortField.Type.LONG, true));

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /**
     * Opens new searchers as writes come: a write waits for the next one (at most a few tens of milliseconds), and
     * a burst of writes from several threads shares one, instead of each write opening its own.
     */
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;

    private PostIndex(Path path, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 1.0, 0.02);
        reopener.setName("babillard-search-reopen");
        reopener.setDaemon(true);
        reopener.start();
    }

    /**
     * Opens the index in this directory, creating it if there is none.
     *
     * @throws IOException if the index is corrupt or cannot be read; the caller then builds a new one
     */
    public static PostIndex open(Path path) throws IOException {
        Files.createDirectories(path);
        Directory directory = FSDirectory.open(path);
        try {
            IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    // Segments kept newest first: a search by date stops after the first page's worth of matches
                    // instead of visiting them all. (An index written without this sort fails to open here and is
                    // rebuilt, like a damaged one.)
                    .setIndexSort(BY_DATE)
                    .setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            try {
                PostIndex index = new PostIndex(path, directory, writer);
                // Reads every segment's header now: a damaged index fails here, at start, not at the first search.
                index.count();
                return index;
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /** Whether a directory already holds an index (an empty or missing one means: build it). */
    public static boolean exists(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Directory d = FSDirectory.open(path)) {
            return DirectoryReader.indexExists(d);
        } catch (IOException e) {
            return false;
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Adds or replaces a post, searchable when this returns (near-real-time: no disk sync); {@link #commit()}
     * makes it durable.
     */
    public void put(IndexedPost post) throws IOException {
        visible(writer.updateDocument(new Term(IndexedPost.KEY, Long.toString(post.id())), post.document()));
    }

    /**
     * Adds or replaces these posts and removes those, all searchable when this returns: one wait for one reopen
     * for the lot.
     */
    public void putAll(Collection<IndexedPost> posts, Collection<Long> removed) throws IOException {
        long generation = -1;
        for (IndexedPost post : posts) {
            generation = writer.updateDocument(new Term(IndexedPost.KEY, Long.toString(post.id())), post.document());
        }
        for (long id : removed) {
            generation = writer.deleteDocuments(new Term(IndexedPost.KEY, Long.toString(id)));
        }
        if (generation >= 0) {
            visible(generation);
        }
    }

    /** Adds many posts for a build: not searchable until {@link #publish()}. */
    public void add(Collection<IndexedPost> posts) throws IOException {
        List<Document> docs = new ArrayList<>(posts.size());
        for (IndexedPost p : posts) {
            docs.add(p.document());
        }
        writer.addDocuments(docs);
    }

    public void remove(long id) throws IOException {
        visible(writer.deleteDocuments(new Term(IndexedPost.KEY, Long.toString(id))));
    }

    private void visible(long generation) throws IOException {
        try {
            reopener.waitForGeneration(generation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the search index took a write", e);
        }
    }

    /** Writes what changed since the last commit to disk, synced; nothing when nothing changed. */
    public void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    /** Commits to disk and makes every write so far visible to searches. */
    public void publish() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Up to {@code n} candidates after the cursor ({@code null}: from the start).
     */
    public Batch search(Query query, Order order, Cursor after, int n) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Sort sort = order == Order.DATE ? BY_DATE : BY_RELEVANCE;
            int lastDoc = searcher.getIndexReader().maxDoc() - 1;
            if (lastDoc < 0) {
                return new Batch(List.of(), false);
            }
            FieldDoc from = after == null ? null : after.fieldDoc(order, lastDoc);
            TopFieldDocs top = searcher.searchAfter(from, query, n + 1, sort, order == Order.RELEVANCE);
            List<Candidate> out = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = 0; i < Math.min(n, docs.length); i++) {
                FieldDoc d = (FieldDoc) docs[i];
                long id = (Long) d.fields[order == Order.DATE ? 0 : 1];
                out.add(new Candidate(id, order == Order.DATE ? 0f : (Float) d.fields[0]));
            }
            return new Batch(out, docs.length > n);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Whether this post matches the query: for saved searches, once a new post is in. */
    public boolean matches(Query query, long id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Query one = new BooleanQuery.Builder().add(query, Occur.MUST)
                    .add(LongPoint.newExactQuery(IndexedPost.ID, id), Occur.FILTER).build();
            return searcher.count(one) > 0;
        } finally {
            searchers.release(searcher);
        }
    }

    public int count() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(new MatchAllDocsQuery());
        } finally {
            searchers.release(searcher);
        }
    }

    /** The highest post id in the index, 0 when empty: posts after it were never indexed. */
    public long maxId() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            long max = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues ids = leaf.reader().getNumericDocValues(IndexedPost.ID);
                if (ids == null) {
                    continue;
                }
                var live = leaf.reader().getLiveDocs();
                for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        max = Math.max(max, ids.longValue());
                    }
                }
            }
            return max;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Bytes on disk. */
    public long sizeOnDisk() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            total += directory.fileLength(file);
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        try {
            reopener.close();
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }

    /** Discards writes not yet committed and closes, for an index being thrown away. */
    public void abandon() throws IOException {
        try {
            reopener.close();
            searchers.close();
            writer.rollback();
        } finally {
            directory.close();
        }
    }
}
