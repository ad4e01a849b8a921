package org.babillard.people.control;

import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The welcome's text: the newcomer's language, their name and title, and the post length limit. */
class OnboardingTest {

    private static Employee newcomer(String title, String language) {
        return Employee.joined("zoe.martin", new DirectoryProfile("uid=zoe.martin,ou=people,dc=babillard,dc=example",
                "Zoé Martin", null, title, "Ingénierie", "Lyon", null, null, language), Instant.now());
    }

    @Test
    void frenchForAFrenchSpeakerEnglishOtherwise() {
        assertEquals(Optional.of("Bienvenue @zoe.martin ! \uD83D\uDC4B Zoé Martin nous rejoint comme Développeuse : dites-lui bonjour !"
                + " (message de bienvenue automatique)"), Onboarding.welcomeText(newcomer("Développeuse", "fr"), 500));
        assertEquals(Optional.of("Welcome aboard @zoe.martin! \uD83D\uDC4B Zoé Martin joins us as Developer: say hello!"
                + " (automatic welcome message)"), Onboarding.welcomeText(newcomer("Developer", "en"), 500));
        assertTrue(Onboarding.welcomeText(newcomer(null, "de"), 500).orElseThrow().startsWith("Welcome aboard @zoe.martin! "));
    }

    @Test
    void aTitleTooLongForThePostIsLeftOutAndATinyLimitMeansNoWelcome() {
        String text = Onboarding.welcomeText(newcomer("x".repeat(480), "en"), 500).orElseThrow();
        assertEquals("Welcome aboard @zoe.martin! \uD83D\uDC4B Zoé Martin joins us: say hello! (automatic welcome message)", text);
        assertEquals(Optional.empty(), Onboarding.welcomeText(newcomer("Developer", "en"), 20));
    }
}
