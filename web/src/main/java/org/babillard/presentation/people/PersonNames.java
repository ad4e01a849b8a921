package org.babillard.presentation.people;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.people.entity.FormerEmployee;
import org.babillard.posts.control.Markup;
import org.babillard.presentation.Messages;

import java.util.OptionalLong;

/**
 * People's names as the pages show them: a former employee whose personal data was erased is "Former employee #42"
 * in the reader's language (the profile stores the English name, which programs without a language see), and a
 * mention of them reads the same way. Every other name is shown as it is.
 */
@Named("names")
@RequestScoped
public class PersonNames {

    @Inject
    Messages messages;

    /** The name to show for this stored display name. */
    public String of(String displayName) {
        OptionalLong number = FormerEmployee.numberOfName(displayName);
        return number.isPresent() ? label(number.getAsLong()) : displayName;
    }

    /** Whether this stored display name is an erased former employee's neutral name. */
    public boolean erased(String displayName) {
        return FormerEmployee.numberOfName(displayName).isPresent();
    }

    /** The text of a mention: "@login", or "@Former employee #42" for an erased former employee. */
    public String mention(Markup.Piece piece) {
        OptionalLong number = FormerEmployee.numberOfUsername(piece.getTarget());
        return number.isPresent() ? "@" + label(number.getAsLong()) : piece.getText();
    }

    /** "Former employee #42" in the reader's language. */
    public String label(long number) {
        return messages.text("erasure.label", Long.toString(number));
    }
}
