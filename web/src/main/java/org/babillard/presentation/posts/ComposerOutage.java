package org.babillard.presentation.posts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.inject.Inject;
import org.babillard.platform.boundary.DatabaseOutage;
import org.babillard.presentation.Messages;

import java.util.logging.Logger;

/**
 * A composer whose post could not be published because the database is out of reach (docs/reliability.md): the
 * author reads why in the composer, which is drawn again with what they typed and chose; the rest of the page, which
 * would read the database, stays as it is. Nothing was stored (the transaction rolled back), and the composer keeps
 * its key, so publishing again once the database is back makes exactly one post.
 */
@RequestScoped
public class ComposerOutage {

    private static final Logger LOG = Logger.getLogger(ComposerOutage.class.getName());

    @Inject
    Messages messages;

    /**
     * If the database caused this failure: tells the author in the composer (a form's client id) and redraws only
     * that form, and answers true; otherwise false (the failure is someone else's to handle).
     */
    public boolean told(RuntimeException failure, String composer) {
        if (!DatabaseOutage.isCause(failure)) {
            return false;
        }
        LOG.warning(() -> "A post was not published, the database cannot be reached: " + failure);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(composer + ":text", messages.error("unavailable.composer"));
        faces.validationFailed();
        PartialViewContext partial = faces.getPartialViewContext();
        if (partial.isAjaxRequest() && !partial.isRenderAll()) {
            partial.getRenderIds().clear();
            partial.getRenderIds().add(composer);
        }
        return true;
    }
}
