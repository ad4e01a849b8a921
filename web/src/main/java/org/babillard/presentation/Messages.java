package org.babillard.presentation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import org.babillard.presentation.language.Language;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The texts of the resource bundle in the reader's language, for messages built in Java. */
@RequestScoped
public class Messages {

    public static final String BUNDLE = "org.babillard.presentation.messages";

    @Inject
    Language language;

    public String text(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, language.getLocale()).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.getLocale()).format(arguments);
    }

    public FacesMessage error(String key, Object... arguments) {
        String text = text(key, arguments);
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    public FacesMessage info(String key, Object... arguments) {
        String text = text(key, arguments);
        return new FacesMessage(FacesMessage.SEVERITY_INFO, text, null);
    }
}
