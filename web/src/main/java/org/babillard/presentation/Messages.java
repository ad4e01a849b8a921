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
    /** And the texts already made with their arguments (a post's six reaction labels are the same on most posts). */
    private final Map<java.util.List<Object>, String> made = new HashMap<>();

    public String text(String key, Object... arguments) {
        Locale current = language.getLocale();
        if (!current.equals(locale)) { // (first use, or the reader switched languages during this request)
            bundle = ResourceBundle.getBundle(BUNDLE, current);
            formats.clear();
            made.clear();
            locale = current;
        }
        String pattern = bundle.getString(key);
        if (arguments.length == 0) {
            return pattern;
        }
        java.util.List<Object> call = new java.util.ArrayList<>(arguments.length + 1);
        call.add(key);
        java.util.Collections.addAll(call, arguments);
        String text = made.get(call);
        if (text == null) {
            text = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, current)).format(arguments);
            made.put(call, text);
        }
        return text;
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
