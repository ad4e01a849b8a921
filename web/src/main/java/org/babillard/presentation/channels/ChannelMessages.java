package org.babillard.presentation.channels;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.PostRejected;
import org.babillard.presentation.Messages;
import org.babillard.presentation.language.Language;

import java.util.ResourceBundle;

/**
 * Says in the reader's language why a channel action was refused: the detail's own text when the bundle has one
 * ({@code refused.channel.nameTaken}), else the reason's ({@code channels.refused.NOT_FOUND}).
 */
@RequestScoped
public class ChannelMessages {

    @Inject
    Messages messages;

    @Inject
    Language language;

    public String key(Refused e) {
        String detailKey = "refused." + e.detail();
        if (e.detail() != null && ResourceBundle.getBundle(Messages.BUNDLE, language.getLocale()).containsKey(detailKey)) {
            return detailKey;
        }
        return "channels.refused." + e.reason().name();
    }

    /** Adds the refusal's message, to a field (client id) or to the page (null). */
    public void refused(String clientId, Refused e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, messages.error(key(e)));
        faces.validationFailed();
    }

    public void rejected(String clientId, PostRejected e) {
        String key = switch (e.problem()) {
            case EMPTY -> "post.empty";
            case TOO_LONG -> "post.tooLong";
            case CONTROL_CHARACTERS -> "post.controlCharacters";
        };
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, messages.error(key, e.length(), e.limit()));
        faces.validationFailed();
    }

    public void info(String key) {
        FacesContext.getCurrentInstance().addMessage(null, messages.info(key));
    }

    public void error(String clientId, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, messages.error(key));
        faces.validationFailed();
    }

    public FacesMessage text(String key) {
        return messages.info(key);
    }
}
