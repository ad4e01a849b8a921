package org.babillard.presentation.integrations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.Messages;

import java.util.MissingResourceException;

/** The messages of the bots and webhooks pages: what was done, and why something was refused. */
@RequestScoped
public class IntegrationMessages {

    @Inject
    Messages messages;

    public interface Action {
        void run() throws Refused;
    }

    /** Runs the action; shows the done message, or the refusal; @return whether it was done. */
    public boolean act(Action action, String doneKey, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            if (doneKey != null) {
                faces.addMessage(null, messages.info(doneKey, arguments));
            }
            return true;
        } catch (Refused e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal(e), null));
            return false;
        }
    }

    String refusal(Refused e) {
        if (e.reason() == Refused.Reason.INVALID || e.reason() == Refused.Reason.ALREADY) {
            try {
                return messages.text("refused." + e.detail());
            } catch (MissingResourceException unknown) {
                // A refusal of another component (a channel's rules): said in general terms below.
            }
        }
        return messages.text("integrations.refused." + e.reason().name());
    }
}
