package org.babillard.presentation.faces;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which page a link's outcome names ({@code <h:link outcome="/person">}): Faces looks for the page's file
 * again for every link it draws, through the resource handlers, and each look-up raised and caught an exception in the
 * standard handler (a missing optional key of the message bundle); a timeline draws several links a post. The pages of
 * a deployed application do not change, so a view found once is the same view until the next deployment. Only views
 * that exist are kept, and at most {@value #LIMIT} of them, so that requests for made-up paths cannot grow the map.
 */
public class KnownViews extends ViewHandlerWrapper {

    static final int LIMIT = 512;

    private final Map<String, String> derived = new ConcurrentHashMap<>();

    public KnownViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String deriveViewId(FacesContext context, String requestedViewId) {
        if (requestedViewId == null) {
            return getWrapped().deriveViewId(context, null);
        }
        String known = derived.get(requestedViewId);
        if (known != null) {
            return known;
        }
        String viewId = getWrapped().deriveViewId(context, requestedViewId);
        if (viewId != null && derived.size() < LIMIT) {
            derived.put(requestedViewId, viewId);
        }
        return viewId;
    }
}
