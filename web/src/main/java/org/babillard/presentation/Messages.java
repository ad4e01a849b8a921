package org.babillard.presentation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import org.babillard.presentation.language.Language;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The texts of the resource bundle in the reader's language, for messages built in Java. */
@RequestScoped
public class Messages {

    public static final String BUNDLE = "org.babillard.presentation.messages";

    @Inject
    Language language;

    /** The request's bundle and parsed patterns (a timeline asks for the same few labels a hundred times a page). */
    private Locale locale;
    private ResourceBundle bundle;
    private final Map<String, MessageFormat> formats = new HashMap<>();

    public String text(String key, Object... arguments) {
        Locale current = language.getLocale();
        if (!current.equals(locale)) { // (first use, or the reader switched languages during this request)
            bundle = ResourceBundle.getBundle(BUNDLE, current);
            formats.clear();
            locale = current;
        }
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : formats.computeIfAbsent(key, k -> new MessageFormat(pattern, current)).format(arguments);
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
