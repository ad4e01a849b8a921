package org.babillard.audit.entity;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditEventTest {

    @Test
    void aTypedNameWithControlCharactersIsStoredWithoutThem() {
        // PostgreSQL refuses NUL in text: a login name carrying one must not make the audit line (and the login) fail.
        AuditEvent event = new AuditEvent(OffsetDateTime.now(), "camille\u0000durand\r\nFAKE LINE", AuditAction.LOGIN_FAILED,
                null, "line one\nline two\ttab", "127.0.0.1");
        assertEquals("camille\uFFFDdurand\uFFFD\nFAKE LINE", event.getActor());
        assertEquals("line one\nline two\ttab", event.getDetail(), "line feeds and tabs stay in a detail");
    }

    @Test
    void aLongValueIsCutToItsColumnNeverInsideACharacter() {
        String emoji = "\uD83D\uDE00";
        AuditEvent event = new AuditEvent(OffsetDateTime.now(), "a".repeat(98) + emoji + "b", AuditAction.LOGIN_FAILED, null, null, null);
        String actor = event.getActor();
        assertTrue(actor.length() <= 100, actor);
        assertTrue(actor.endsWith("…"));
        assertFalse(Character.isHighSurrogate(actor.charAt(actor.length() - 2)), "no half of the emoji left");
    }
}
