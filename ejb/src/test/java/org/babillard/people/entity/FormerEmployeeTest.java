package org.babillard.people.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormerEmployeeTest {

    @Test
    void theNeutralNamesCarryTheNumberAndNothingElseIsTakenForThem() {
        assertEquals(OptionalLong.of(42), FormerEmployee.numberOfUsername(FormerEmployee.username(42)));
        assertEquals(OptionalLong.of(42), FormerEmployee.numberOfName(FormerEmployee.displayName(42)));
        assertTrue(FormerEmployee.numberOfUsername("former-employee-").isEmpty());
        assertTrue(FormerEmployee.numberOfUsername("former-employee-42x").isEmpty());
        assertTrue(FormerEmployee.numberOfName("Former employee #042").isEmpty());
        assertTrue(FormerEmployee.numberOfName("Camille Durand").isEmpty());
        assertTrue(FormerEmployee.numberOfName(null).isEmpty());
    }

    @Test
    void onlySomeoneWhoLeftIsErasedAndThenNothingOfTheDirectoryComesBack() {
        DirectoryProfile profile = new DirectoryProfile("uid=cd,ou=people,dc=x", "Camille Durand", "cd@x.org", "Lead",
                "R&D", "Lyon");
        Employee e = new Employee("cd", profile, Instant.now());
        assertThrows(IllegalStateException.class, () -> e.erase(Instant.now()), "an active employee is never erased");
        e.left(Instant.now());
        e.chooseTheme("dark");
        e.status("On leave", null);
        // A profile not yet stored has no id; erasing names it from the id, so give it one as the database would.
        setId(e, 7L);
        e.erase(Instant.now());
        assertTrue(e.isErased());
        assertEquals("former-employee-7", e.getUsername());
        assertEquals("Former employee #7", e.getDisplayName());
        assertNull(e.getMail());
        assertNull(e.getTitle());
        assertNull(e.getDepartment());
        assertNull(e.getTheme());
        assertNull(e.statusAt(Instant.now()));
        assertTrue(e.getRoles().isEmpty());
        assertThrows(IllegalStateException.class, () -> e.refresh(profile), "a directory entry never fills it again");
        assertThrows(IllegalStateException.class, e::cameBack);
    }

    private static void setId(Employee e, long id) {
        try {
            java.lang.reflect.Field f = Employee.class.getDeclaredField("id");
            f.setAccessible(true);
            f.set(e, id);
        } catch (ReflectiveOperationException x) {
            throw new AssertionError(x);
        }
    }
}
