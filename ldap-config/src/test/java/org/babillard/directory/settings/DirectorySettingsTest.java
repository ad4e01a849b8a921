package org.babillard.directory.settings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectorySettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty(DirectorySettings.FILE_PROPERTY);
        System.clearProperty("babillard.ldap.url");
    }

    @Test
    void defaultsPointAtTheDemoDirectory() {
        DirectorySettings s = DirectorySettings.load();
        assertEquals("ldap://127.0.0.1:10389", s.url());
        assertEquals("uid", s.loginAttribute());
        assertEquals(List.of("hr"), s.groupsForRole("hr"));
        assertTrue(s.groupsForRole("employee").isEmpty());
    }

    @Test
    void aFileReplacesTheDefaultsAndASystemPropertyOverridesOneKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ad.properties");
        Files.copy(Path.of("examples/active-directory.properties"), file);
        System.setProperty(DirectorySettings.FILE_PROPERTY, file.toString());
        System.setProperty("babillard.ldap.url", "ldaps://dc02.corp.example.com:636");
        DirectorySettings s = DirectorySettings.load();
        assertEquals("sAMAccountName", s.loginAttribute());
        assertEquals("ldaps://dc02.corp.example.com:636", s.url());
        assertEquals(List.of("hr staff"), s.groupsForRole("hr"));
    }

    @Test
    void settingsLoadedAgainAreEqualUntilAValueChanges() {
        DirectorySettings before = DirectorySettings.load();
        assertEquals(before, DirectorySettings.load());
        assertEquals(before.hashCode(), DirectorySettings.load().hashCode());
        System.setProperty("babillard.ldap.url", "ldap://127.0.0.1:20389");
        assertFalse(before.equals(DirectorySettings.load()), "a changed address is a change");
        assertEquals(before.with("ldap.url", "ldap://127.0.0.1:20389"), DirectorySettings.load());
    }

    @Test
    void theServicePasswordNeverShowsInItsDescription() {
        assertFalse(DirectorySettings.load().toString().contains("babillard-service"));
    }

    @Test
    void aMissingRequiredSettingIsNamed() {
        DirectorySettings s = DirectorySettings.load().with("ldap.user.base", " ");
        IllegalStateException e = assertThrows(IllegalStateException.class, s::userBase);
        assertTrue(e.getMessage().contains("ldap.user.base"));
    }
}
