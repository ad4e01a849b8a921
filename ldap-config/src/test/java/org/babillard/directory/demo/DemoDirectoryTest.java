package org.babillard.directory.demo;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo company as a directory client sees it. */
class DemoDirectoryTest {

    private static DemoDirectory directory;

    @BeforeAll
    static void start() {
        directory = DemoDirectory.start(0);
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    @Test
    void aboutOneHundredAndFiftyEmployeesWithAccentedNames() throws LDAPException {
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory.port())) {
            SearchResult people = c.search("ou=people," + DemoDirectory.BASE_DN, SearchScope.ONE, "(objectClass=inetOrgPerson)");
            assertTrue(people.getEntryCount() >= 140 && people.getEntryCount() <= 160, "employees: " + people.getEntryCount());
            SearchResultEntry helene = c.getEntry("uid=helene.lefevre,ou=people," + DemoDirectory.BASE_DN);
            assertEquals("Hélène Lefèvre", helene.getAttributeValue("displayName"));
            assertTrue(people.getSearchEntries().stream().anyMatch(e -> "en".equals(e.getAttributeValue("preferredLanguage"))));
            assertTrue(people.getSearchEntries().stream().allMatch(e -> e.getAttributeValue("departmentNumber") != null));
        }
    }

    @Test
    void demoAccountsBindWithTheDemoPasswordOnly() throws LDAPException {
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory.port())) {
            String dn = "uid=" + DemoDirectory.DEMO_EMPLOYEE + ",ou=people," + DemoDirectory.BASE_DN;
            assertEquals(ResultCode.SUCCESS, c.bind(dn, DemoDirectory.DEMO_PASSWORD).getResultCode());
            LDAPException wrong = assertThrows(LDAPException.class, () -> c.bind(dn, "not-the-password"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, wrong.getResultCode());
        }
    }

    @Test
    void hrAndAdminGroupsHoldTheDemoAccounts() throws LDAPException {
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", directory.port())) {
            String hr = "uid=" + DemoDirectory.DEMO_HR + ",ou=people," + DemoDirectory.BASE_DN;
            String admin = "uid=" + DemoDirectory.DEMO_ADMIN + ",ou=people," + DemoDirectory.BASE_DN;
            assertTrue(c.getEntry("cn=hr,ou=groups," + DemoDirectory.BASE_DN).hasAttributeValue("member", hr));
            assertTrue(c.getEntry("cn=babillard-admins,ou=groups," + DemoDirectory.BASE_DN).hasAttributeValue("member", admin));
        }
    }
}
