package org.babillard.presentation.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;

/**
 * Whether the page is being drawn. To run an AJAX request (a "Load more", a reaction) Faces visits the tree and asks
 * every component on the way whether it is rendered: the top bar's counts, each a query, were taken on every such
 * request for a top bar that is not drawn again (docs/benchmarks.md). A count asked outside drawing can say "none".
 */
public final class Drawing {

    private Drawing() {
    }

    /** True while the response is drawn, and outside Faces (nothing to skip there). */
    public static boolean now() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getCurrentPhaseId() == null || faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
    }
}
