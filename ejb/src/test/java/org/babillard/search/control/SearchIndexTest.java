package org.babillard.search.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index under the data directory: it survives a restart, a damaged one is replaced, a rebuild swaps. */
class SearchIndexTest {

    @TempDir
    Path data;

    private String before;

    @BeforeEach
    void dataDirectory() {
        before = System.getProperty("babillard.data.dir");
        System.setProperty("babillard.data.dir", data.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("babillard.data.dir");
        } else {
            System.setProperty("babillard.data.dir", before);
        }
    }

    @Test
    void postsSurviveARestart() throws Exception {
        SearchIndex index = new SearchIndex();
        assertFalse(index.open(), "no index yet: it must be built");
        index.put(post(1, "Réunion d'équipe demain"));
        assertEquals(List.of(1L), find(index, "equipe"), "searchable at once, before any commit");
        index.close();

        SearchIndex again = new SearchIndex();
        assertTrue(again.open(), "the index is there and sound");
        assertEquals(List.of(1L), find(again, "réunions"));
        assertEquals(1, again.maxId());
        again.close();
    }

    @Test
    void aDamagedIndexIsSetAsideAndMustBeRebuilt() throws Exception {
        SearchIndex index = new SearchIndex();
        index.open();
        index.put(post(1, "Budget review"));
        index.close();
        Path current = SearchIndex.root().resolve(Files.readString(SearchIndex.root().resolve(SearchIndex.POINTER)).strip());
        try (Stream<Path> files = Files.list(current)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }

        SearchIndex damaged = new SearchIndex();
        assertFalse(damaged.open(), "a damaged index is not used");
        try (Stream<Path> files = Files.list(SearchIndex.root())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().contains(".damaged-")), "kept aside for a look");
        }
        assertEquals(List.of(), find(damaged, "budget"), "an empty index answers meanwhile");
        damaged.put(post(2, "Budget again"));
        assertEquals(List.of(2L), find(damaged, "budget"));
        damaged.close();
    }

    @Test
    void aRebuildSwapsInANewIndexAndReportsWhatChangedMeanwhile() throws Exception {
        SearchIndex index = new SearchIndex();
        index.open();
        index.put(post(1, "Old words"));
        PostIndex fresh = index.startRebuild();
        assertNull(index.startRebuild(), "one rebuild at a time");
        fresh.add(List.of(post(1, "Old words"), post(2, "Rebuilt words")));
        index.put(post(3, "Written meanwhile words"));
        assertEquals(List.of(3L, 1L), find(index, "words"), "searches use the old index during the rebuild");
        Set<Long> touched = index.finishRebuild(fresh);
        assertEquals(Set.of(3L), touched);
        assertEquals(List.of(2L, 1L), find(index, "words"), "the new index; the caller indexes 3 again");
        try (Stream<Path> dirs = Files.list(SearchIndex.root())) {
            assertEquals(1, dirs.filter(Files::isDirectory).count(), "the old index is deleted");
        }
        index.close();
    }

    @Test
    void pagesFollowOneAnotherWithoutRepeatsInBothOrders() throws Exception {
        SearchIndex index = new SearchIndex();
        index.open();
        for (long id = 1; id <= 25; id++) {
            index.put(post(id, "Page words number " + id + (id % 3 == 0 ? " words" : "")));
        }
        for (PostIndex.Order order : PostIndex.Order.values()) {
            var q = PostQueries.build(SearchQuery.parse("words"), "someone", ZoneOffset.UTC);
            PostIndex.Batch first = index.search(q, order, null, 20);
            assertEquals(20, first.candidates().size());
            assertTrue(first.more());
            Cursor after = Cursor.parse(Cursor.of(first.candidates().get(19)).toString());
            PostIndex.Batch second = index.search(q, order, after, 20);
            java.util.Set<Long> all = new java.util.HashSet<>();
            first.candidates().forEach(c -> all.add(c.id()));
            second.candidates().forEach(c -> all.add(c.id()));
            assertEquals(5, second.candidates().size(), order + " " + first.candidates() + " then " + second.candidates());
            assertEquals(25, all.size(), order.name());
        }
        index.close();
    }

    private static List<Long> find(SearchIndex index, String typed) throws Exception {
        return index.search(PostQueries.build(SearchQuery.parse(typed), "someone", ZoneOffset.UTC), PostIndex.Order.DATE, null, 10)
                .candidates().stream().map(PostIndex.Candidate::id).toList();
    }

    private static IndexedPost post(long id, String text) {
        return new IndexedPost(id, text, "author", null, Instant.parse("2026-01-01T10:00:00Z").plusSeconds(id), false, false);
    }
}
