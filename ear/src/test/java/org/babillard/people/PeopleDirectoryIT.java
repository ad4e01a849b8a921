package org.babillard.people;

import jakarta.inject.Inject;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.DirectorySync;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonCard;
import org.babillard.people.boundary.PersonProfile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding colleagues and reading their place in the organisation, on the synced demo company. */
@ExtendWith(ArquillianExtension.class)
class PeopleDirectoryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(PeopleDirectoryIT.class);
    }

    @Inject
    People people;

    @Inject
    DirectorySync sync;

    @BeforeEach
    void everyoneIsKnown() {
        assertTrue(sync.synchronize().isSucceeded());
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        assertTrue(names(people.search("helene", 50)).contains("helene.lefevre"));
        assertTrue(names(people.search("HÉLÈNE Lefèvre", 50)).contains("helene.lefevre"));
        assertTrue(names(people.search("cote", 50)).contains("emilie.cote"));
    }

    @Test
    void everyWordMustMatchSomewhere() {
        List<PersonCard> found = people.search("ingenierie lyon", 200);
        assertFalse(found.isEmpty());
        for (PersonCard p : found) {
            assertEquals("Ingénierie", p.department(), p.username());
            assertEquals("Lyon", p.site(), p.username());
        }
    }

    @Test
    void likeWildcardsAreSearchedLiterally() {
        assertTrue(people.search("100%", 50).isEmpty());
        assertTrue(people.search("_", 50).isEmpty());
        assertEquals(50, people.search("", 50).size(), "an empty search lists people by name");
        assertTrue(people.search("o'brien'; drop table employee; --", 50).isEmpty());
        assertTrue(people.find("camille.durand").isPresent(), "quotes are data, not SQL");
    }

    @Test
    void aProfileShowsTheChainOfManagersUpToTheTopAndTheDirectReports() {
        PersonProfile camille = people.profile("camille.durand").orElseThrow();
        assertEquals("Développeuse", camille.person().title());
        assertTrue(camille.phone().startsWith("+33"));
        List<String> chain = names(camille.managers());
        assertFalse(chain.isEmpty());
        assertEquals("emilie.cote", chain.get(chain.size() - 1), "the chain ends at the top of the company");
        PersonProfile ceo = people.profile("emilie.cote").orElseThrow();
        assertTrue(ceo.managers().isEmpty());
        assertTrue(names(ceo.reports()).contains("helene.lefevre"), "the HR head reports to the CEO");
        PersonProfile firstManager = people.profile(chain.get(0)).orElseThrow();
        assertTrue(names(firstManager.reports()).contains("camille.durand"));
        assertTrue(people.profile("nobody.at.all").isEmpty());
    }

    private static List<String> names(List<PersonCard> cards) {
        return cards.stream().map(PersonCard::username).toList();
    }
}
