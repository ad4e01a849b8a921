package org.babillard.search.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.AlreadyClosedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The seam in front of this node's search index, {@code <babillard.data.dir>/search}. Business code asks it to
 * put, remove and find posts and never sees where the index lives: a cluster replaces this class by one that
 * talks to OpenSearch, and nothing else changes. The index directory in use is named by the file
 * {@code search/current}; a rebuild writes a new directory beside it and swaps the name, so searches go on
 * meanwhile and a crash during a rebuild leaves the old index in place.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());
    static final String POINTER = "current";

    /** Writes share it (Lucene takes them concurrently); opening, swapping and closing the index take it alone. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile PostIndex current;
    private volatile PostIndex building;
    private final Set<Long> touchedWhileBuilding = ConcurrentHashMap.newKeySet();

    /** Where the indexes live: {@code <babillard.data.dir>/search}, beside attachments and photos. */
    public static Path root() {
        String data = System.getProperty("babillard.data.dir");
        if (data == null || data.isBlank()) {
            data = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "babillard").toString();
        }
        return Path.of(data, "search");
    }

    /** The time zone in which before: and after: dates begin, as the pages show dates. */
    public static ZoneId zone() {
        String configured = System.getProperty("babillard.timezone");
        try {
            return configured == null || configured.isBlank() ? ZoneId.systemDefault() : ZoneId.of(configured.strip());
        } catch (RuntimeException e) {
            return ZoneId.systemDefault();
        }
    }

    /**
     * Opens the index in use. A missing index, or one that cannot be read (a damaged disk, a half-copied backup),
     * is replaced by an empty one, moved aside first if damaged.
     *
     * @return true if the index was there and sound; false if it must be built from the database
     */
    public boolean open() {
        lock.writeLock().lock();
        try {
            Path root = root();
            try {
                Files.createDirectories(root);
                Path named = named(root);
                if (named != null && PostIndex.exists(named)) {
                    try {
                        current = PostIndex.open(named);
                        LOG.info(() -> "Search index opened: " + named);
                        return true;
                    } catch (IOException | RuntimeException e) {
                        LOG.log(Level.WARNING, "The search index " + named + " cannot be read: it is set aside and rebuilt", e);
                        Files.move(named, named.resolveSibling(named.getFileName() + ".damaged-" + System.currentTimeMillis()),
                                StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                Path fresh = root.resolve("posts-" + System.currentTimeMillis());
                current = PostIndex.open(fresh);
                point(root, fresh);
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the search index under " + root, e);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean isOpen() {
        return current != null;
    }

    /** Adds or replaces a post; visible to searches when this returns. */
    public void put(IndexedPost post) throws IOException {
        lock.readLock().lock();
        try {
            if (building != null) {
                touchedWhileBuilding.add(post.id());
            }
            index().put(post);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds or replaces these posts and removes those; all visible to searches when this returns. */
    public void putAll(Collection<IndexedPost> posts, Collection<Long> removed) throws IOException {
        lock.readLock().lock();
        try {
            if (building != null) {
                posts.forEach(p -> touchedWhileBuilding.add(p.id()));
                touchedWhileBuilding.addAll(removed);
            }
            index().putAll(posts, removed);
        } finally {
            lock.readLock().unlock();
        }
    }

    public void remove(long id) throws IOException {
        lock.readLock().lock();
        try {
            if (building != null) {
                touchedWhileBuilding.add(id);
            }
            index().remove(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Makes the writes of the last moments durable; called every few seconds and at shutdown. */
    public void commit() throws IOException {
        // Not under the lock: a disk sync can take seconds on a busy disk, and writers must not wait for it
        // (Lucene's IndexWriter takes writes while it commits).
        PostIndex index = current;
        if (index != null) {
            try {
                index.commit();
            } catch (AlreadyClosedException e) {
                // swapped by a rebuild meanwhile: the new index was committed when it was swapped in
            }
        }
    }

    public PostIndex.Batch search(Query query, PostIndex.Order order, Cursor after, int n) throws IOException {
        try {
            return index().search(query, order, after, n);
        } catch (AlreadyClosedException e) {
            // A rebuild swapped the index under this search: ask the new one.
            return index().search(query, order, after, n);
        }
    }

    public boolean matches(Query query, long id) throws IOException {
        try {
            return index().matches(query, id);
        } catch (AlreadyClosedException e) {
            return index().matches(query, id);
        }
    }

    public int count() throws IOException {
        return index().count();
    }

    public long maxId() throws IOException {
        return index().maxId();
    }

    public boolean isRebuilding() {
        return building != null;
    }

    /** A new, empty index beside the one in use, or null if a rebuild is already under way. */
    public PostIndex startRebuild() throws IOException {
        lock.writeLock().lock();
        try {
            if (building != null) {
                return null;
            }
            touchedWhileBuilding.clear();
            building = PostIndex.open(root().resolve("posts-" + System.currentTimeMillis()));
            return building;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The new index replaces the one in use, which is deleted.
     *
     * @return the posts written or removed while the new index was built: the caller indexes them again
     */
    public Set<Long> finishRebuild(PostIndex fresh) throws IOException {
        PostIndex old;
        Set<Long> touched;
        // Only the rebuild writes to the new index: it goes to disk before writers are held up for the swap.
        fresh.publish();
        lock.writeLock().lock();
        try {
            point(root(), fresh.path());
            old = current;
            current = fresh;
            building = null;
            touched = new HashSet<>(touchedWhileBuilding);
            touchedWhileBuilding.clear();
        } finally {
            lock.writeLock().unlock();
        }
        if (old != null) {
            old.close();
            delete(old.path());
        }
        return touched;
    }

    public void abandonRebuild(PostIndex fresh) {
        lock.writeLock().lock();
        try {
            building = null;
            touchedWhileBuilding.clear();
        } finally {
            lock.writeLock().unlock();
        }
        try {
            fresh.abandon();
            delete(fresh.path());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot remove an abandoned search index: " + fresh.path(), e);
        }
    }

    public long sizeOnDisk() throws IOException {
        return index().sizeOnDisk();
    }

    @PreDestroy
    void close() {
        lock.writeLock().lock();
        try {
            try {
                if (building != null) {
                    building.abandon();
                    delete(building.path());
                    building = null;
                }
                if (current != null) {
                    current.close();
                    current = null;
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot close the search index", e);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private PostIndex index() {
        PostIndex index = current;
        if (index == null) {
            throw new IllegalStateException("The search index is not open");
        }
        return index;
    }

    private static Path named(Path root) throws IOException {
        Path pointer = root.resolve(POINTER);
        if (!Files.isRegularFile(pointer)) {
            return null;
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        return name.matches("posts-[0-9]+") ? root.resolve(name) : null;
    }

    private static void point(Path root, Path index) throws IOException {
        Path tmp = root.resolve(POINTER + ".tmp");
        Files.writeString(tmp, index.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
