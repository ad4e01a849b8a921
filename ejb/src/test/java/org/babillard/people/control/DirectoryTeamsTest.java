package org.babillard.people.control;

import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.babillard.directory.demo.DemoDirectory;
import org.babillard.directory.settings.DirectorySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which directory groups are team channels and who is in them, read from the embedded demo directory. */
class DirectoryTeamsTest {

    private static final String GROUPS = "ou=groups,dc=babillard,dc=example";
    private static final String PEOPLE = "ou=people,dc=babillard,dc=example";
    private static final String MOBILE = "cn=team-ing-mobile," + GROUPS;

    private static DemoDirectory directory;

    @BeforeAll
    static void start() {
        directory = DemoDirectory.start(0);
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    private static DirectorySettings settings() {
        return DirectorySettings.load().with("ldap.url", directory.url());
    }

    private static Map<String, TeamGroup> teams(DirectorySettings settings) throws DirectoryUnavailable {
        try (DirectoryClient client = new DirectoryClient(settings)) {
            return client.teams().stream().collect(Collectors.toMap(TeamGroup::name, Function.identity()));
        }
    }

    private static String person(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    private static LdapNetworkConnection admin() throws Exception {
        LdapNetworkConnection c = new LdapNetworkConnection("127.0.0.1", directory.port());
        c.bind(DemoDirectory.ADMIN_DN, DemoDirectory.ADMIN_PASSWORD);
        return c;
    }

    @Test
    void theDemoTeamsAndDepartmentsAreTeamsButNotTheRoleGroups() throws Exception {
        Map<String, TeamGroup> teams = teams(settings());
        assertEquals(19, teams.size(), teams.keySet().toString());
        assertTrue(teams.keySet().stream().allMatch(n -> n.startsWith("team-") || n.startsWith("dept-")), teams.keySet().toString());
        assertFalse(teams.containsKey("hr"));
        TeamGroup platform = teams.get("team-ing-plateforme");
        assertTrue(platform.memberDns().contains(person("camille.durand")), platform.memberDns().toString());
        assertTrue(platform.description().startsWith("Équipe Plateforme"), platform.description());
        assertFalse(teams.get("team-ing-mobile").memberDns().contains(person("camille.durand")));
    }

    @Test
    void groupsInsideATeamGroupAreSeenThroughAtAnyDepthEvenInALoop() throws Exception {
        String outer = "cn=it-guests," + GROUPS;
        String inner = "cn=it-guests-inner," + GROUPS;
        try (LdapNetworkConnection admin = admin()) {
            admin.add(new DefaultEntry(inner, "objectClass: groupOfNames", "cn: it-guests-inner", "member: " + person("camille.durand")));
            // A loop by mistake: inner is in outer, outer in inner.
            admin.add(new DefaultEntry(outer, "objectClass: groupOfNames", "cn: it-guests", "member: " + inner));
            admin.modify(inner, new DefaultModification(ModificationOperation.ADD_ATTRIBUTE, "member", outer));
            admin.modify(MOBILE, new DefaultModification(ModificationOperation.ADD_ATTRIBUTE, "member", outer));
            try {
                Set<String> members = teams(settings()).get("team-ing-mobile").memberDns();
                assertTrue(members.contains(person("camille.durand")), "two levels down");
                assertFalse(members.contains(outer) || members.contains(inner), "groups are not people");
                assertTrue(members.contains(person("nadia.benali")), "the direct members stay");
            } finally {
                admin.modify(MOBILE, new DefaultModification(ModificationOperation.REMOVE_ATTRIBUTE, "member", outer));
                admin.delete(outer);
                admin.delete(inner);
            }
        }
    }

    @Test
    void withAMemberFilterThePeopleAreSearchedPageByPageForEachTeam() throws Exception {
        // Stands for Active Directory's (memberOf:1.2.840.113556.1.4.1941:={0}): seeAlso holds the team's DN here.
        String team = "cn=team-r&d (paris)\\, lab," + GROUPS;
        try (LdapNetworkConnection admin = admin()) {
            admin.add(new DefaultEntry(team, "objectClass: groupOfNames", "cn: team-r&d (paris), lab", "member: " + person("camille.durand")));
            for (int i = 0; i < 23; i++) {
                admin.add(new DefaultEntry(person("it.lab" + i), "objectClass: inetOrgPerson", "uid: it.lab" + i, "cn: Lab " + i,
                        "sn: Lab", "seeAlso: " + team));
            }
            try {
                DirectorySettings settings = settings().with("ldap.page.size", "5")
                        .with("ldap.team.member.filter", "(seeAlso={0})");
                TeamGroup lab = teams(settings).get("team-r&d (paris), lab");
                assertEquals(23, lab.memberDns().size(), "five pages of people, the DN's parentheses escaped in the filter");
                assertTrue(lab.memberDns().contains(person("it.lab22")));
                assertTrue(teams(settings).get("team-ing-plateforme").memberDns().isEmpty(), "nobody's seeAlso names it");
            } finally {
                for (int i = 0; i < 23; i++) {
                    admin.delete(person("it.lab" + i));
                }
                admin.delete(team);
            }
        }
    }

    @Test
    void noTeamFilterNoTeamsAndAWrongBaseIsAnOutageNotAnEmptyList() throws Exception {
        assertEquals(List.of(), teams(settings().with("ldap.team.filter", "")).values().stream().toList());
        assertThrows(DirectoryUnavailable.class, () -> teams(settings().with("ldap.team.base", "ou=nowhere,dc=babillard,dc=example")));
    }
}
