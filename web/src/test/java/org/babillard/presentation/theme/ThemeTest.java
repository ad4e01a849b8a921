package org.babillard.presentation.theme;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThemeTest {

    @Test
    void afterChoosingTheReaderStaysOnTheSamePageWithItsQuery() {
        assertEquals("/babillard/post.xhtml?id=42", Theme.back("/babillard/post.xhtml?id=42", "/babillard", "/babillard/index.xhtml"));
        assertEquals("/post.xhtml?id=42", Theme.back("/post.xhtml?id=42", "", "/index.xhtml"));
    }

    @Test
    void anAddressOutsideBabillardIsNeverFollowed() {
        String fallback = "/babillard/index.xhtml";
        assertEquals(fallback, Theme.back(null, "/babillard", fallback));
        assertEquals(fallback, Theme.back("https://evil.example/", "/babillard", fallback));
        assertEquals(fallback, Theme.back("//evil.example/", "", fallback));
        assertEquals(fallback, Theme.back("/\\evil.example/", "", fallback));
        assertEquals(fallback, Theme.back("/other/page", "/babillard", fallback));
        assertEquals(fallback, Theme.back("/babillard/x\r\nSet-Cookie: a=b", "/babillard", fallback));
    }
}
