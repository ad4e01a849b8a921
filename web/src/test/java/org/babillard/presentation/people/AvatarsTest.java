package org.babillard.presentation.people;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AvatarsTest {

    @Test
    void initialsAreTheFirstAndLastNamesFirstLetters() {
        assertEquals("CD", Avatars.initialsOf("Camille Durand"));
        assertEquals("JB", Avatars.initialsOf("Jean-Pierre  de Bois"));
        assertEquals("É", Avatars.initialsOf("élodie"));
        assertEquals("?", Avatars.initialsOf(" "));
        assertEquals("?", Avatars.initialsOf(null));
        assertEquals("😀Z", Avatars.initialsOf("😀 zed"));
    }

    @Test
    void aPersonKeepsTheirColourEverywhere() {
        int hue = Avatars.hueOf("camille.durand");
        assertEquals(hue, Avatars.hueOf("camille.durand"));
        assertTrue(hue >= 0 && hue < Avatars.HUES);
        assertEquals(0, Avatars.hueOf(null));
    }
}
