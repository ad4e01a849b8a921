package org.babillard.mail.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailConfigTest {

    @Test
    void tokensTravelInTheLocalPartOfTheInboundAddress() {
        MailConfig config = new MailConfig();
        String token = Tokens.fresh();
        assertTrue(token.matches("[a-z2-7]{32}"), token);
        String address = config.tokenAddress(token);
        assertEquals("babillard+" + token + "@babillard.example", address);
        assertEquals(token, config.tokenIn(address));
        assertEquals(token, config.tokenIn(address.toUpperCase()), "a mail program may change the case");
        assertNull(config.tokenIn("babillard@babillard.example"));
        assertNull(config.tokenIn("babillard+" + token + "@elsewhere.example"));
        assertNull(config.tokenIn("someone+" + token + "@babillard.example"));
    }
}
