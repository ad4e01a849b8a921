package org.babillard.presentation.channels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ChannelPageTest {

    @Test
    void theInvitationBoxTakesASuggestionAHandleOrAUsername() {
        assertEquals("nathan.gauthier", ChannelPage.usernameOf("Nathan Gauthier (@nathan.gauthier)"));
        assertEquals("j.doe", ChannelPage.usernameOf("Jane (Janie) Doe (@j.doe) "));
        assertEquals("nathan.gauthier", ChannelPage.usernameOf("@nathan.gauthier"));
        assertEquals("nathan.gauthier", ChannelPage.usernameOf("  nathan.gauthier "));
        assertNull(ChannelPage.usernameOf("   "));
        assertNull(ChannelPage.usernameOf(null));
    }
}
