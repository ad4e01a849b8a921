package org.babillard.people.boundary;

import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.channels.boundary.TeamChannels;
import org.babillard.channels.entity.Channel;
import org.babillard.people.control.CompanyDirectory;
import org.babillard.people.control.DirectoryClient;
import org.babillard.people.control.DirectoryPerson;
import org.babillard.people.control.DirectoryUnavailable;
import org.babillard.people.control.Onboarding;
import org.babillard.people.control.Photos;
import org.babillard.people.control.TeamGroup;
import org.babillard.people.entity.DirectorySyncRun;
import org.babillard.people.entity.Employee;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keeps Babillard's people in step with the directory: joiners get a profile before their first login, profiles
 * follow the directory, people the directory no longer lists become former employees (their posts stay), and
 * people who reappear come back. The directory is read completely before anything changes: a sync that cannot
 * read it (down, timing out, a partial answer) changes nothing and deactivates nobody. Team channels follow their
 * directory groups (members added and removed, channels of vanished groups archived), and newcomers get their
 * start (see {@link Onboarding}), in the same transaction.
 */
@Stateless
public class DirectorySync {

    private static final Logger LOG = Logger.getLogger(DirectorySync.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    CompanyDirectory directory;

    @Inject
    Event<PeopleLeft> peopleLeft;

    @Inject
    Event<RolesChanged> rolesChanged;

    @Inject
    Photos photos;

    @Inject
    TeamChannels teamChannels;

    @Inject
    Onboarding onboarding;

    /** A sync against the company directory. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DirectorySyncRun synchronize() {
        return synchronize(directory.client());
    }

    /** A sync against this directory client (the company's, or another one in tests). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DirectorySyncRun synchronize(DirectoryClient client) {
        Instant started = Clock.systemUTC().instant();
        List<DirectoryPerson> listed;
        Map<String, Set<String>> roleHolders;
        List<TeamGroup> teams;
        try {
            listed = client.allPeople();
            roleHolders = client.roleHolders();
            teams = client.teams();
        } catch (DirectoryUnavailable e) {
            return failed(started, e.getMessage());
        }
        long readMillis = java.time.Duration.between(started, Clock.systemUTC().instant()).toMillis();
        boolean everyoneIsEmployee = client.settings().groupsForRole("employee").isEmpty();
        Map<String, Employee> known = new HashMap<>();
        Set<String> bots = new HashSet<>();
        for (Employee e : em.createNamedQuery(Employee.ALL, Employee.class).getResultList()) {
            if (e.isBot() || e.isErased()) {
                // A bot is nobody in the directory: the sync neither makes it leave nor takes it for a person.
                // Nor is a former employee whose personal data was erased: no directory entry ever fills it again.
                bots.add(e.getUsername());
            } else {
                known.put(e.getUsername(), e);
            }
        }
        long activeNow = known.values().stream().filter(Employee::isActive).count();
        if (listed.isEmpty() && activeNow > 0) {
            // An empty answer is far likelier a wrong base or filter than everybody leaving at once.
            return failed(started, "The directory listed nobody under the configured user base and filter; "
                    + activeNow + " active employees were left as they are");
        }
        boolean teamsConfigured = client.settings().teamFilter().isPresent();
        if (teamsConfigured && teams.isEmpty()) {
            long teamChannels = em.createNamedQuery(Channel.TEAMS, Channel.class).getResultStream()
                    .filter(c -> !c.isArchived()).count();
            if (teamChannels > 0) {
                // As with people: no team group at all is likelier a wrong base or filter than every team gone.
                return failed(started, "The directory listed no team group under " + client.settings().teamBase()
                        + " for " + client.settings().teamFilter().get() + "; " + teamChannels
                        + " team channels were left as they are");
            }
        }
        // Before this run's record exists: was the company ever taken in? Until then nobody is a newcomer.
        boolean companyTakenIn = onboarding.companyTakenIn();
        Instant now = Clock.systemUTC().instant();
        int joined = 0;
        int updated = 0;
        int cameBack = 0;
        Set<String> seen = new HashSet<>();
        Set<String> newRoles = new HashSet<>();
        for (DirectoryPerson person : listed) {
            if (!seen.add(person.username())) {
                continue;
            }
            if (bots.contains(person.username())) {
                LOG.warning(() -> "Directory sync: the directory lists \"" + person.username()
                        + "\", the name of a bot or of an erased former employee; that person is left out");
                continue;
            }
            Set<String> roles = rolesOf(person, roleHolders, everyoneIsEmployee);
            Employee employee = known.get(person.username());
            String photo = photoOf(person, employee);
            if (employee == null) {
                Employee joiner = Employee.joined(person.username(), person.profile(), now);
                joiner.assignRoles(roles);
                joiner.photo(photo);
                em.persist(joiner);
                known.put(joiner.getUsername(), joiner);
                joined++;
                continue;
            }
            Set<String> before = employee.getRoles();
            if (employee.assignRoles(roles)) {
                newRoles.add(employee.getUsername());
                audit.record(AuditAction.ROLES_CHANGED, null, employee.getUsername(),
                        String.join(", ", new TreeSet<>(before)) + " → " + String.join(", ", roles));
            }
            if (employee.refresh(person.profile()) | employee.photo(photo)) {
                updated++;
            }
            if (employee.cameBack()) {
                cameBack++;
            }
            employee.synced(now);
        }
        Set<String> gone = new HashSet<>();
        for (Employee employee : known.values()) {
            if (employee.isActive() && !seen.contains(employee.getUsername())) {
                employee.left(now);
                gone.add(employee.getUsername());
            }
        }
        Map<String, Employee> activeByDn = new HashMap<>();
        known.values().stream().filter(Employee::isActive)
                .forEach(e -> activeByDn.put(e.getDirectoryDn().toLowerCase(Locale.ROOT), e));
        int created = 0;
        int changed = 0;
        int added = 0;
        int removed = 0;
        int archived = 0;
        if (teamsConfigured) {
            Set<String> teamDns = new HashSet<>();
            for (TeamGroup team : teams) {
                if (!teamDns.add(team.dn().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                TeamChannels.Outcome outcome = teamChannels.syncTeam(team.dn(), team.name(), team.description(),
                        team.memberDns(), activeByDn);
                created += outcome.created() ? 1 : 0;
                changed += outcome.changed() ? 1 : 0;
                added += outcome.added();
                removed += outcome.removed();
            }
            archived = teamChannels.archiveGone(teamDns);
        }
        int welcomed = 0;
        for (Employee employee : known.values()) {
            if (!employee.isActive() || employee.isOnboarded()) {
                continue;
            }
            if (!companyTakenIn) {
                // The first sync takes in the company as it is: these people were here before Babillard.
                employee.onboarded(now);
                employee.welcomed(now);
            } else if (onboarding.joined(employee, activeByDn, teamsConfigured ? teams : List.of(), now)) {
                welcomed++;
            }
        }
        DirectorySyncRun run = DirectorySyncRun.succeeded(started, Clock.systemUTC().instant(), seen.size(), joined, updated,
                cameBack, gone.size()).teams(teamsConfigured ? teams.size() : 0, created, changed, archived, added, removed, welcomed);
        em.persist(run);
        if (!gone.isEmpty()) {
            gone.stream().sorted().forEach(username -> audit.record(AuditAction.EMPLOYEE_LEFT, null, username, "no longer in the directory"));
            peopleLeft.fire(new PeopleLeft(Set.copyOf(gone)));
        }
        if (!newRoles.isEmpty()) {
            rolesChanged.fire(new RolesChanged(Set.copyOf(newRoles)));
        }
        LOG.info(() -> "Directory sync: " + seen.size() + " people listed, " + run.getJoined() + " joined, " + run.getUpdated()
                + " updated, " + run.getCameBack() + " came back, " + run.getLeft() + " left; " + run.getTeamsSeen()
                + " team groups: " + run.getChannelsCreated() + " channels created, " + run.getChannelsUpdated() + " updated, "
                + run.getChannelsArchived() + " archived, " + run.getMembersAdded() + " members added, "
                + run.getMembersRemoved() + " removed; " + run.getWelcomed() + " newcomers welcomed (directory read in "
                + readMillis + " ms, the whole sync before commit " + java.time.Duration.between(started, run.getFinishedAt()).toMillis() + " ms)");
        return run;
    }

    /** Keeps the directory's photo if it changed; the hash of the current one, or null for none. */
    private String photoOf(DirectoryPerson person, Employee known) {
        if (person.photo() == null || person.photo().length == 0) {
            if (known != null && known.getPhotoHash() != null) {
                photos.remove(person.username());
            }
            return null;
        }
        String hash = Photos.sha256(person.photo());
        if (known != null && hash.equals(known.getPhotoHash())) {
            return hash;
        }
        return photos.store(person.username(), person.photo()).orElse(null);
    }

    private static Set<String> rolesOf(DirectoryPerson person, Map<String, Set<String>> holders, boolean everyoneIsEmployee) {
        String dn = person.profile().dn().toLowerCase(Locale.ROOT);
        Set<String> roles = new TreeSet<>();
        holders.forEach((role, people) -> {
            if (people.contains(dn)) {
                roles.add(role);
            }
        });
        if (everyoneIsEmployee) {
            roles.add("employee");
        }
        return roles;
    }

    /** The latest successful run, if any. */
    public Optional<DirectorySyncRun> lastSuccess() {
        return latest(true);
    }

    /** The latest failed run, if any. */
    public Optional<DirectorySyncRun> lastFailure() {
        return latest(false);
    }

    private Optional<DirectorySyncRun> latest(boolean succeeded) {
        return em.createNamedQuery(DirectorySyncRun.LATEST, DirectorySyncRun.class)
                .setParameter("succeeded", succeeded)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private DirectorySyncRun failed(Instant started, String why) {
        LOG.warning(() -> "Directory sync failed, nothing changed: " + why);
        DirectorySyncRun run = DirectorySyncRun.failed(started, Clock.systemUTC().instant(), why);
        em.persist(run);
        return run;
    }
}
