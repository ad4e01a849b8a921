package org.babillard.presentation.people;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.people.boundary.People;
import org.babillard.presentation.TopBarView;
import org.babillard.presentation.faces.Drawing;
import org.babillard.topbar.boundary.TopBarState;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What stands for a person next to their name: their directory photo, or their initials on a colour drawn from
 * their user name (six pairs, each at least 4.5:1 in both themes, see babillard.css). Photos are looked up once
 * per person and request, so a timeline asks once for each author it shows.
 */
@Named
@RequestScoped
public class Avatars {

    static final int HUES = 6;

    @Inject
    People people;

    @Inject
    TopBarView topBar;

    private final Map<String, Optional<String>> photos = new HashMap<>();

    /** The photo's version for this person (changes with the photo), or null when they have none. */
    public String photo(String username) {
        if (username == null) {
            return null;
        }
        if (!Drawing.now() && topBar.isReader(username)) {
            // The reader's own avatar is the top bar's, drawn only with a whole page: an AJAX request's visits of the
            // tree only ask whether its parts are rendered (see Drawing).
            return null;
        }
        return photos.computeIfAbsent(username, u -> topBar.stateFor(u).map(TopBarState::photoHash)
                .or(() -> Optional.ofNullable(people.photoHash(u)))).orElse(null);
    }

    /**
     * The photo's version for this person, the photos of the others given read with theirs in one query the first
     * time (a timeline's authors: one query a page instead of one an author).
     */
    public String photo(String username, Supplier<Iterable<String>> alongWith) {
        if (username == null) {
            return null;
        }
        if (!photos.containsKey(username)) {
            Set<String> wanted = new HashSet<>();
            wanted.add(username);
            alongWith.get().forEach(wanted::add);
            wanted.removeAll(photos.keySet());
            wanted.remove(null);
            Map<String, String> found = people.photoHashes(wanted);
            wanted.forEach(u -> photos.put(u, Optional.ofNullable(found.get(u))));
        }
        return photos.get(username).orElse(null);
    }

    /** Up to two initials: of the first and the last word of the name ("Camille Durand" gives "CD"). */
    public String initials(String name) {
        return initialsOf(name);
    }

    /** The colour class for this person's initials, the same on every page. */
    public String hue(String username) {
        return "avatar-hue-" + hueOf(username);
    }

    static String initialsOf(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] words = name.trim().split("[\\s\\-]+");
        String first = firstLetter(words[0]);
        String last = words.length > 1 ? firstLetter(words[words.length - 1]) : "";
        return (first + last).toUpperCase(Locale.ROOT);
    }

    static int hueOf(String username) {
        return username == null ? 0 : Math.floorMod(username.hashCode(), HUES);
    }

    private static String firstLetter(String word) {
        return word.isEmpty() ? "" : new String(Character.toChars(word.codePointAt(0)));
    }
}
