package org.babillard.presentation.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.personaldata.boundary.Erasure;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.Messages;
import org.babillard.presentation.people.PersonNames;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The administrators' list of former employees (/admin/former.xhtml), latest departure first, where one's personal
 * data is erased after a confirmation that names them and asks for their user name.
 */
@Named
@ViewScoped
public class FormerEmployeesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Erasure erasure;

    @Inject
    transient Messages messages;

    @Inject
    transient PersonNames names;

    private final List<Erasure.Former> people = new ArrayList<>();
    private Erasure.Former chosen;
    private String confirmation = "";

    @PostConstruct
    void load() {
        people.clear();
        try {
            people.addAll(erasure.former(me()));
        } catch (Refused e) {
            FacesContext.getCurrentInstance().addMessage(null, messages.error("erasure.notAllowed"));
        }
    }

    /** Opens the confirmation for this person (still one of the list). */
    public void choose(String username) {
        chosen = people.stream().filter(p -> p.username().equals(username)).findFirst().orElse(null);
        confirmation = "";
    }

    public void cancel() {
        chosen = null;
        confirmation = "";
    }

    public void erase() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (chosen == null) {
            return;
        }
        try {
            Erasure.Erased erased = erasure.erase(me(), chosen.username(), confirmation);
            faces.addMessage(null, messages.info("erasure.done", chosen.username(),
                    names.label(erased.number()), erased.postsKept(), erased.notebookEntries()));
            chosen = null;
            confirmation = "";
            load();
        } catch (Refused e) {
            String key = switch (e.reason()) {
                case INVALID -> "refused." + e.detail();
                case NOT_FOUND -> "erasure.gone";
                default -> "erasure.notAllowed";
            };
            faces.addMessage(null, messages.error(key));
            faces.validationFailed();
            if (e.reason() == Refused.Reason.NOT_FOUND) {
                chosen = null;
                load();
            }
        }
    }

    private static String me() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public List<Erasure.Former> getPeople() {
        return people;
    }

    public Erasure.Former getChosen() {
        return chosen;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation == null ? "" : confirmation;
    }
}
