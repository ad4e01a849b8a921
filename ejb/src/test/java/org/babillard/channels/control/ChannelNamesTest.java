package org.babillard.channels.control;

import org.babillard.platform.boundary.Refused;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelNamesTest {

    @Test
    void anAddressIsTheNameInLowerCaseAsciiWithDashes() {
        assertEquals("equipe-cafe-lyon", ChannelNames.slug("  Équipe  Café / Lyon! "));
        assertEquals("", ChannelNames.slug("!!!"));
        assertEquals(60, ChannelNames.slug("a".repeat(100)).length());
    }

    @Test
    void aNameNeedsALetterOrDigitAndAtMost80Characters() throws Refused {
        assertEquals("channel.nameMissing", assertThrows(Refused.class, () -> ChannelNames.name("  ")).detail());
        assertEquals("channel.nameMissing", assertThrows(Refused.class, () -> ChannelNames.name("---")).detail());
        assertEquals("channel.nameTooLong", assertThrows(Refused.class, () -> ChannelNames.name("é".repeat(81))).detail());
        assertEquals("Café Lyon", ChannelNames.name("  Café \n  Lyon "));
        assertEquals("x".repeat(80), ChannelNames.name("x".repeat(80)));
    }

    @Test
    void anEmptyDescriptionIsNoneAndALongOneIsRefused() throws Refused {
        assertNull(ChannelNames.description("   "));
        assertEquals("channel.descriptionTooLong",
                assertThrows(Refused.class, () -> ChannelNames.description("d".repeat(1001))).detail());
    }

    @Test
    void controlCharactersAreSaidToBeControlCharactersNotALength() {
        assertEquals("channel.nameControlCharacters",
                assertThrows(Refused.class, () -> ChannelNames.name("Caf\u0001é")).detail());
        assertEquals("channel.nameControlCharacters",
                assertThrows(Refused.class, () -> ChannelNames.name("Café\u0000")).detail());
        assertEquals("channel.descriptionControlCharacters",
                assertThrows(Refused.class, () -> ChannelNames.description("About \u001b[31m")).detail());
    }

    @Test
    void aSuffixedAddressKeepsTheNameStaysShortAndDiffers() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String s = ChannelNames.withSuffix("secret-project");
            assertTrue(s.matches("secret-project-[a-z0-9]{6}"), s);
            seen.add(s);
        }
        assertTrue(seen.size() > 45, "random endings");
        String longOne = ChannelNames.withSuffix(ChannelNames.slug("b".repeat(100)));
        assertEquals(60, longOne.length());
    }
}
