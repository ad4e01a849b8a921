package org.babillard.presentation.posts;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadedPagesTest {

    @Test
    void keepsEachPageAsLoadedAndEveryPostInOrder() {
        LoadedPages<String> loaded = new LoadedPages<>();
        loaded.add(List.of("p30", "p29"));
        loaded.add(List.of());
        loaded.add(List.of("p28"));
        assertEquals(List.of(List.of("p30", "p29"), List.of("p28")), loaded.pages(), "an empty page adds no block");
        assertEquals(List.of("p30", "p29", "p28"), loaded.all());
        assertThrows(UnsupportedOperationException.class, () -> loaded.all().add("p1"), "changed only by loading");

        loaded.clear();
        assertTrue(loaded.pages().isEmpty());
        assertTrue(loaded.all().isEmpty());
    }

    @Test
    void survivesTheSessionBeingWrittenOut() throws Exception {
        LoadedPages<String> loaded = new LoadedPages<>();
        loaded.add(List.of("p2", "p1"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(loaded);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            LoadedPages<String> read = (LoadedPages<String>) in.readObject();
            assertEquals(List.of(List.of("p2", "p1")), read.pages());
            assertEquals(List.of("p2", "p1"), read.all());
        }
    }
}
