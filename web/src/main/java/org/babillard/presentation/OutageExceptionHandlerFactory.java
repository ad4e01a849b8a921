package org.babillard.presentation;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialResponseWriter;
import jakarta.faces.event.ExceptionQueuedEvent;
import org.babillard.platform.boundary.DatabaseOutage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A background (AJAX) action that failed because the database is out of reach (docs/reliability.md) leaves the page
 * as it is, with whatever was typed in its form, and says so in the form's message slot ({@code <form>:problem},
 * as the composers have): "not published, temporarily unavailable, try again". Nothing was stored (the transaction
 * rolled back). Any other failure, or a form without such a slot, ends on the error page as before (OmniFaces'
 * handler, which this one wraps).
 */
public class OutageExceptionHandlerFactory extends ExceptionHandlerFactory {

    public OutageExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new OutageExceptionHandler(getWrapped().getExceptionHandler());
    }

    static final class OutageExceptionHandler extends ExceptionHandlerWrapper {

        private static final Logger LOG = Logger.getLogger(OutageExceptionHandler.class.getName());

        OutageExceptionHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            String slot = context == null ? null : problemSlot(context);
            if (slot != null && outage()) {
                for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext();) {
                    events.next();
                    events.remove();
                }
                LOG.warning("A background action failed: the database cannot be reached; the page says so in " + slot);
                answer(context, slot);
                return;
            }
            getWrapped().handle();
        }

        private boolean outage() {
            for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                if (DatabaseOutage.isCause(event.getContext().getException())) {
                    return true;
                }
            }
            return false;
        }

        /** The client id of the message slot of the form the AJAX request came from, if it has one. */
        private static String problemSlot(FacesContext context) {
            UIViewRoot view = context.getViewRoot();
            if (!context.getPartialViewContext().isAjaxRequest() || view == null || context.getExternalContext().isResponseCommitted()) {
                return null;
            }
            String source = context.getExternalContext().getRequestParameterMap().get("jakarta.faces.source");
            UIComponent component;
            try {
                component = source == null ? null : view.findComponent(":" + source);
            } catch (IllegalArgumentException insideARepeat) {
                component = null;
            }
            while (component != null && !(component instanceof UIForm)) {
                component = component.getParent();
            }
            if (component == null) {
                return null;
            }
            String slot = component.getClientId(context) + ":problem";
            return view.findComponent(":" + slot) != null ? slot : null;
        }

        /** A partial response that only fills the slot: the rest of the page, and the form's fields, stay. */
        private static void answer(FacesContext context, String slot) {
            String text = CDI.current().select(Messages.class).get().text(slot.startsWith("composer:")
                    ? "unavailable.composer" : "unavailable.database");
            ExternalContext external = context.getExternalContext();
            try {
                external.responseReset();
                external.setResponseContentType("text/xml");
                external.setResponseCharacterEncoding("UTF-8");
                external.addResponseHeader("Cache-Control", "no-store");
                PartialResponseWriter writer = context.getPartialViewContext().getPartialResponseWriter();
                writer.startDocument();
                writer.startUpdate(slot);
                writer.startElement("span", null);
                writer.writeAttribute("id", slot, null);
                writer.writeAttribute("class", "field-error", null);
                writer.writeAttribute("role", "alert", null);
                writer.writeText(text, null);
                writer.endElement("span");
                writer.endUpdate();
                writer.endDocument();
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
        }
    }
}
