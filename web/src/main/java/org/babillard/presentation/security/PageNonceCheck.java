package org.babillard.presentation.security;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import org.primefaces.context.PrimeFacesContext;
import org.primefaces.csp.CspException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A form sent back to a page must carry that page's nonce (PrimeFaces' script adds it to every form and AJAX call).
 * PrimeFaces itself only checks it when the answer is drawn, after the action has run; checked here, right after
 * the page's state is restored, a form without it (a forged or replayed one) changes nothing and gets 400.
 */
public class PageNonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!context.isPostback() || context.getViewRoot() == null || context.getViewRoot().isTransient()
                || context.getExceptionHandler().getUnhandledExceptionQueuedEvents().iterator().hasNext()) {
            return; // nothing to check, or the state could not be restored (answered 400 by WebHardening)
        }
        try {
            PrimeFacesContext.getCspState(context).getNonce();
        } catch (CspException wrongNonce) {
            try {
                context.getExternalContext().responseSendError(400, "The form does not come from this page");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before the state is restored
    }
}
