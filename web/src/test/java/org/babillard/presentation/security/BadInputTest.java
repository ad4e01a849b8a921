package org.babillard.presentation.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadInputTest {

    @Test
    void aFormIsDecodedAsUtf8AndSpacesAndEscapesAreRead() {
        assertEquals(List.of(new BadInput.Field("status", "Café 😀"), new BadInput.Field("flag", "")),
                BadInput.decodeForm("status=Caf%C3%A9+%F0%9F%98%80&flag").orElseThrow());
        assertEquals(List.of(), BadInput.decodeForm(null).orElseThrow());
        assertEquals(List.of(), BadInput.decodeForm("&&").orElseThrow());
    }

    @Test
    void brokenEscapesAndBytesThatAreNoUtf8AreRefused() {
        for (String bad : List.of("q=%FF", "q=%C3", "q=%E2%82", "q=%C0%AF", "q=%ED%A0%80", "q=%G1", "q=%", "q=%4", "%FF=x")) {
            assertTrue(BadInput.decodeForm(bad).isEmpty(), bad);
        }
        assertNull(BadInput.utf8(new byte[] {'{', (byte) 0xFF, '}'}));
        assertEquals("é", BadInput.utf8("é".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFormTheServerDecodedWithReplacementCharactersIsUndecodable() {
        assertTrue(BadInput.undecodable(java.util.Map.of("composer:text", new String[] {"caf\uFFFD"})));
        assertTrue(BadInput.undecodable(java.util.Map.of("x\uFFFD", new String[] {"ok"})));
        assertFalse(BadInput.undecodable(java.util.Map.of("composer:text", new String[] {"Café 😀", null})));
    }

    @Test
    void aPathIsDecodedWithItsPlusSigns() {
        assertEquals("/api/v1/accounts/a+b é", BadInput.decodePath("/api/v1/accounts/a+b%20%C3%A9"));
        assertNull(BadInput.decodePath("/api/v1/accounts/caf%E9"));
        assertTrue(BadInput.unstorable(BadInput.decodePath("/api/v1/accounts/a%00b")));
    }

    @Test
    void aNulOrHalfACharacterCannotBeStoredOtherControlsAreEachFieldsRule() {
        assertTrue(BadInput.unstorable("a\u0000b"));
        assertTrue(BadInput.unstorable("a\ud800"));
        assertTrue(BadInput.unstorable("\udc00a"));
        assertFalse(BadInput.unstorable("a\u0001\tb\n😀"));
        assertFalse(BadInput.unstorable((String) null));
    }

    @Test
    void theCallersLanguageIsFrenchOrEnglish() {
        assertEquals(Locale.FRENCH, BadInput.locale("fr-CA,fr;q=0.9,en;q=0.8"));
        assertEquals(Locale.ENGLISH, BadInput.locale("en-GB,fr;q=0.5"));
        assertEquals(Locale.ENGLISH, BadInput.locale("de-DE"));
        assertEquals(Locale.ENGLISH, BadInput.locale(null));
        assertTrue(BadInput.text(Locale.FRENCH, "badInput.json").contains("JSON"));
        assertEquals("La validation a échoué : abc n'est pas un nombre", BadInput.text(Locale.FRENCH, "badInput.number", "abc"));
    }
}
