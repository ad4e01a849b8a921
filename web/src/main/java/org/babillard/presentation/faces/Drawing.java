package org.babillard.presentation.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.event.PhaseId;

/**
 * Whether the page is being drawn. To run an AJAX request (a "Load more", a reaction) Faces visits the tree and asks
 * every component on the way whether it is rendered, while it runs the request and again while it draws the parts
 * the request updates: the top bar's look-ups, each a query, were taken on every such request for a top bar that is
 * not drawn again (docs/benchmarks.md). The top bar is drawn with a whole page (or an AJAX answer that redraws
 * everything: an error page); the AJAX requests that redraw one of its parts (the channels' link when a live signal
 * says a channel has a new post, the must-read banner) name it ({@link #redrawing}). A count asked outside drawing
 * can say "none".
 */
public final class Drawing {

    private Drawing() {
    }

    /** True while a whole page is drawn (an AJAX request's answer redrawing everything too), and outside Faces. */
    public static boolean now() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null || faces.getCurrentPhaseId() == null) {
            return true;
        }
        if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return false;
        }
        PartialViewContext partial = faces.getPartialViewContext();
        return !partial.isAjaxRequest() || partial.isRenderAll();
    }

    /** True while this component (by client id) is drawn: with a whole page, or alone by an AJAX request. */
    public static boolean now(String clientId) {
        if (now()) {
            return true;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE
                && faces.getPartialViewContext().getRenderIds().contains(clientId);
    }
}
