package org.babillard.presentation.welcome;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.channels.boundary.ChannelSummary;
import org.babillard.channels.boundary.Channels;
import org.babillard.following.boundary.Following;
import org.babillard.people.boundary.People;
import org.babillard.people.boundary.PersonCard;
import org.babillard.people.entity.Employee;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.posts.boundary.Posts;
import org.babillard.presentation.Messages;
import org.babillard.presentation.language.Language;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The welcome page of a first login (docs/onboarding.md): the language, a short tour, colleagues and channels to
 * follow, and a first post. Every step is optional; finishing or skipping it means it is not offered again.
 */
@Named
@ViewScoped
public class WelcomePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many colleagues and channels are suggested. */
    static final int SUGGESTIONS = 8;

    @Inject
    transient People people;

    @Inject
    transient Following following;

    @Inject
    transient Channels channels;

    @Inject
    transient Posts posts;

    @Inject
    transient Messages messages;

    @Inject
    Language language;

    @Inject
    WelcomeGate gate;

    private String me;
    private String chosenLanguage;
    private List<PersonCard> colleagues = List.of();
    private final Set<String> followed = new HashSet<>();
    private List<ChannelSummary> suggestedChannels = List.of();
    private final Set<Long> joined = new HashSet<>();
    private String text;
    private String clientKey;
    private int maxLength;

    @PostConstruct
    void init() {
        me = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
        gate.seen();
        Employee employee = people.find(me).orElseThrow();
        // The language chosen here before, else the directory's preferredLanguage, else what the browser asks for.
        String preferred = employee.preferredLanguage();
        chosenLanguage = preferred != null && People.LANGUAGES.contains(preferred) ? preferred : language.getTag();
        colleagues = people.suggestedColleagues(me, SUGGESTIONS);
        for (PersonCard c : colleagues) {
            if (following.follows(me, c.getUsername())) {
                followed.add(c.getUsername());
            }
        }
        suggestedChannels = channels.suggestedFor(me, SUGGESTIONS);
        suggestedChannels.stream().filter(ChannelSummary::isMember).forEach(c -> joined.add(c.getId()));
        String first = employee.getDisplayName() == null ? "" : employee.getDisplayName().split(" ")[0];
        text = messages.text("welcome.post.suggestion", first);
        clientKey = UUID.randomUUID().toString();
        maxLength = posts.maxLength();
    }

    /** Saves the language to the profile and shows the page again in it. */
    public void saveLanguage() throws IOException {
        language.choose(chosenLanguage);
    }

    public void follow(String username) {
        try {
            following.follow(me, username);
            followed.add(username);
        } catch (Refused e) {
            FacesContext.getCurrentInstance().addMessage(null, messages.error("welcome.people.refused"));
        }
    }

    public void join(long channelId) {
        try {
            if (channels.join(me, channelId)) {
                joined.add(channelId);
            }
        } catch (Refused e) {
            FacesContext.getCurrentInstance().addMessage(null, messages.error("welcome.channels.refused"));
        }
    }

    /** The first post, through the ordinary posting path; then the welcome is done and the home page shows it. */
    public void publish() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            posts.publish(me, Draft.companyWide(text).withKey(clientKey));
        } catch (PostRejected e) {
            String key = switch (e.problem()) {
                case EMPTY -> "post.empty";
                case TOO_LONG -> "post.tooLong";
                case CONTROL_CHARACTERS -> "post.controlCharacters";
            };
            faces.addMessage("first:text", messages.error(key, e.length(), e.limit()));
            faces.validationFailed();
            return;
        } catch (Refused e) {
            faces.addMessage("first:text", messages.error("live.composer.refused"));
            faces.validationFailed();
            return;
        }
        finish();
    }

    /** Finishing or skipping: the welcome is not offered again, and the person goes to their home page. */
    public void finish() throws IOException {
        people.tourDone(me);
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ec.redirect(ec.getRequestContextPath() + "/");
    }

    public boolean isFollowed(String username) {
        return followed.contains(username);
    }

    public boolean isJoined(long channelId) {
        return joined.contains(channelId);
    }

    public List<PersonCard> getColleagues() {
        return colleagues;
    }

    public List<ChannelSummary> getChannels() {
        return suggestedChannels;
    }

    public String getChosenLanguage() {
        return chosenLanguage;
    }

    public void setChosenLanguage(String chosenLanguage) {
        this.chosenLanguage = chosenLanguage != null && People.LANGUAGES.contains(chosenLanguage) ? chosenLanguage : this.chosenLanguage;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public int getMaxLength() {
        return maxLength;
    }
}
