package org.babillard.people.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.babillard.following.boundary.Following;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.control.PostSettings;
import org.babillard.posts.control.PostText;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * A newcomer's start: they follow their manager and the colleagues of their team channels, and their manager
 * welcomes them with a company-wide post in the newcomer's language, once. People who were already there when
 * Babillard first read the directory are not newcomers. See docs/design-notes.md, "Team channels and joiners".
 */
@Dependent
public class Onboarding {

    /** The most team colleagues a newcomer starts following (their manager comes on top). */
    public static final int MOST_COLLEAGUES = 50;

    static final String BUNDLE = "org.babillard.people.welcome";

    private static final Logger LOG = Logger.getLogger(Onboarding.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Following following;

    @Inject
    Posts posts;

    @Inject
    PostSettings postSettings;

    /**
     * Whether a directory sync has ever succeeded: the first one takes in the company as it is, and only people
     * who come after it are newcomers.
     */
    public boolean companyTakenIn() {
        return em.createQuery("select count(r) from DirectorySyncRun r where r.succeeded = true", Long.class)
                .getSingleResult() > 0;
    }

    /**
     * Someone logs in whom no sync has seen yet: they follow their manager and are welcomed now; the next sync puts
     * them in their team channels and has them follow their team colleagues.
     */
    public void firstLogin(Employee newcomer, Instant now) {
        if (!companyTakenIn()) {
            return;
        }
        Employee manager = managerOf(newcomer).orElse(null);
        if (manager != null) {
            following.followQuietly(newcomer, manager);
        }
        welcome(newcomer, manager, now);
    }

    /**
     * The sync's part, once it has read the team groups: the newcomer follows their manager and up to
     * {@value #MOST_COLLEAGUES} colleagues of their team groups (the smallest first; a group of more than
     * {@value #MOST_COLLEAGUES} colleagues is a department or the company, where following strangers makes no
     * sense), and is welcomed if they were not at their login. The teams come from what the sync read, not from
     * queries, so that a thousand joiners cost no thousand round trips.
     *
     * @param activeByDn the active employees by lower-case DN
     * @param teams      the team groups as the sync read them
     * @return whether a welcome was posted now
     */
    public boolean joined(Employee newcomer, Map<String, Employee> activeByDn, List<TeamGroup> teams, Instant now) {
        Employee manager = newcomer.getManagerDn() == null ? null : activeByDn.get(newcomer.getManagerDn().toLowerCase(Locale.ROOT));
        if (manager != null && !manager.getId().equals(newcomer.getId())) {
            following.followQuietly(newcomer, manager);
        }
        for (Employee colleague : colleagues(newcomer, manager, activeByDn, teams)) {
            following.followQuietly(newcomer, colleague);
        }
        newcomer.onboarded(now);
        return welcome(newcomer, manager, now);
    }

    /** The colleagues a newcomer starts following: of their smallest team groups first, at most 50, in a stable order. */
    static List<Employee> colleagues(Employee newcomer, Employee manager, Map<String, Employee> activeByDn, List<TeamGroup> teams) {
        String me = newcomer.getDirectoryDn().toLowerCase(Locale.ROOT);
        List<TeamGroup> mine = teams.stream()
                .filter(t -> t.memberDns().size() <= MOST_COLLEAGUES + 1 && t.memberDns().contains(me))
                .sorted(Comparator.comparingInt((TeamGroup t) -> t.memberDns().size()).thenComparing(TeamGroup::dn))
                .toList();
        Map<Long, Employee> chosen = new LinkedHashMap<>();
        for (TeamGroup team : mine) {
            for (String dn : new TreeSet<>(team.memberDns())) {
                Employee colleague = activeByDn.get(dn);
                if (chosen.size() < MOST_COLLEAGUES && colleague != null && !colleague.getId().equals(newcomer.getId())
                        && (manager == null || !colleague.getId().equals(manager.getId()))) {
                    chosen.putIfAbsent(colleague.getId(), colleague);
                }
            }
        }
        return List.copyOf(chosen.values());
    }

    /**
     * Welcomes the newcomer once: a company-wide post by their manager, in the newcomer's language, that mentions
     * them. Without a manager in Babillard nobody posts it, and it is settled all the same.
     *
     * @return whether the post was published now
     */
    boolean welcome(Employee newcomer, Employee manager, Instant now) {
        if (newcomer.isWelcomed()) {
            return false;
        }
        newcomer.welcomed(now);
        if (manager == null || !manager.isActive() || manager.getId().equals(newcomer.getId())) {
            return false;
        }
        Optional<String> text = welcomeText(newcomer, postSettings.maxLength());
        if (text.isEmpty()) {
            LOG.warning(() -> "No welcome for " + newcomer.getUsername() + ": the post length limit is too short for it");
            return false;
        }
        try {
            // The key makes a second attempt (a retried transaction) publish nothing new.
            posts.publish(manager.getUsername(), Draft.companyWide(text.get()).withKey("welcome-" + newcomer.getId()));
            return true;
        } catch (PostRejected | Refused e) {
            throw new IllegalStateException("A checked company-wide welcome was refused", e);
        }
    }

    /** The welcome in the newcomer's language (English unless they or the directory say French), if it fits. */
    public static Optional<String> welcomeText(Employee newcomer, int maxLength) {
        String language = "fr".equals(newcomer.preferredLanguage()) ? "fr" : "en";
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String title = newcomer.getTitle() == null ? "" : PostText.normalize(newcomer.getTitle());
        String name = PostText.normalize(newcomer.getDisplayName());
        for (String key : title.isEmpty() ? new String[]{"welcome.plain"} : new String[]{"welcome.withTitle", "welcome.plain"}) {
            String text = PostText.normalize(new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language))
                    .format(new Object[]{newcomer.getUsername(), name, title}));
            if (PostText.check(text, maxLength).isEmpty()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private Optional<Employee> managerOf(Employee newcomer) {
        if (newcomer.getManagerDn() == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Employee.FIND_BY_DN, Employee.class)
                .setParameter("dn", newcomer.getManagerDn().toLowerCase(Locale.ROOT))
                .getResultStream().filter(Employee::isActive).findFirst();
    }
}
