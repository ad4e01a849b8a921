package org.babillard.presentation.posts;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.FacesEvent;
import jakarta.faces.event.FacesListener;
import jakarta.faces.event.PhaseId;
import org.babillard.presentation.Messages;

import java.io.IOException;
import java.util.Map;

/**
 * The buttons of a post that every timeline shows for every post: its reactions and bookmark (part "footer", with
 * the link to its conversation) and its "⋯" menu (part "menu": edit, history, delete, pin, hide, share, report), as
 * one component instead of one PrimeFaces command button each. A timeline of twenty posts had two hundred of them,
 * each rendering its own script and click handler, a sixth of the home page's CPU (docs/benchmarks.md).
 * <p>
 * Each button is a plain submit button named {@code <form>:<action>} (reactions {@code <form>:<EMOJI>:react}), as
 * the command buttons were: without scripts the form posts and the page comes back with the action done. With
 * scripts, page.js sends the click as a PrimeFaces AJAX request that executes this component alone and redraws the
 * post's form, as the command buttons did. A button is honoured only where it is shown: {@link #offers} decides both.
 * The action itself is {@link PostActions}'s, run in the invoke-application phase with the row's post.
 * <p>
 * Attributes: {@code post} (the PostView, as PostActions.current gives it), {@code actions} (PostActions),
 * {@code part} ("footer" or "menu").
 */
@FacesComponent(value = PostButtons.TYPE, createTag = true, tagName = "postButtons", namespace = PostButtons.NAMESPACE)
public class PostButtons extends UIComponentBase {

    public static final String TYPE = "org.babillard.PostButtons";
    public static final String NAMESPACE = "babillard";

    /** The menu's actions, in their order on the page; each is also the suffix of its button's name. */
    enum MenuAction {
        EDIT("edit", "postActions.edit", ""),
        HISTORY("history", "postActions.history", ""),
        DELETE("delete", "postActions.delete", " menu-danger"),
        PIN("pin", "postActions.pin", ""),
        UNPIN("unpin", "postActions.unpin", ""),
        HIDE("hide", "postActions.hide", ""),
        UNHIDE("unhide", "postActions.unhide", ""),
        SHARE("share", "share.action", ""),
        REPORT("report", "postActions.report", "");

        final String suffix;
        final String label;
        final String styleClass;

        MenuAction(String suffix, String label, String styleClass) {
            this.suffix = suffix;
            this.label = label;
            this.styleClass = styleClass;
        }
    }

    private static final String BUTTON_CLASS = "ui-button ui-widget ui-state-default ui-button-text-only ";
    private static final String BOOKMARK = "bookmark";
    private static final String REACT = "react";

    @Override
    public String getFamily() {
        return TYPE;
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    /** Whether this post offers the reader this menu action (the same rules as the page had). */
    static boolean offers(MenuAction action, PostView post) {
        return switch (action) {
            case EDIT -> post.isMine();
            case HISTORY -> post.isEdited();
            case DELETE -> post.isMine() || post.isModerated();
            case PIN -> post.isModerated() && post.getChannel() != null && post.isThreadStart() && !post.isPinned() && !post.isHidden();
            case UNPIN -> post.isModerated() && post.isPinned();
            case HIDE -> post.isModerated() && !post.isHidden();
            case UNHIDE -> post.isModerated() && post.isHidden();
            case SHARE -> !post.isRestricted() && !post.isHidden();
            case REPORT -> !post.isMine() && !post.isRestricted();
        };
    }

    private PostView post(FacesContext context) {
        return (PostView) getValueExpression("post").getValue(context.getELContext());
    }

    private PostActions actions(FacesContext context) {
        return (PostActions) getValueExpression("actions").getValue(context.getELContext());
    }

    private boolean menu() {
        return "menu".equals(getAttributes().get("part"));
    }

    private String formId(FacesContext context) {
        UIComponent parent = getParent();
        while (parent != null && !(parent instanceof UIForm)) {
            parent = parent.getParent();
        }
        if (parent == null) {
            throw new IllegalStateException("babillard:postButtons must be inside a form");
        }
        return parent.getClientId(context);
    }

    // --- decoding: which button was pressed ---

    @Override
    public void decode(FacesContext context) {
        Map<String, String> params = context.getExternalContext().getRequestParameterMap();
        String form = formId(context);
        PostView post = post(context);
        if (post == null) {
            return;
        }
        if (menu()) {
            for (MenuAction action : MenuAction.values()) {
                if (params.containsKey(form + ':' + action.suffix) && offers(action, post)) {
                    queue(action.suffix, null);
                    return;
                }
            }
            return;
        }
        if (params.containsKey(form + ':' + BOOKMARK)) {
            queue(BOOKMARK, null);
            return;
        }
        for (PostView.ReactionSlot slot : post.getReactionBar()) {
            if (params.containsKey(form + ':' + slot.emoji() + ':' + REACT)) {
                queue(REACT, slot.emoji());
                return;
            }
        }
    }

    private void queue(String action, String emoji) {
        Pressed event = new Pressed(this, action, emoji);
        event.setPhaseId(PhaseId.INVOKE_APPLICATION);
        queueEvent(event);
    }

    @Override
    public void broadcast(FacesEvent event) throws AbortProcessingException {
        super.broadcast(event);
        if (!(event instanceof Pressed pressed)) {
            return;
        }
        FacesContext context = getFacesContext();
        PostView post = post(context);
        PostActions actions = actions(context);
        switch (pressed.action) {
            case REACT -> actions.react(post, pressed.emoji);
            case BOOKMARK -> actions.bookmark(post);
            case "edit" -> actions.startEdit(post);
            case "history" -> actions.openHistory(post);
            case "delete" -> actions.askDelete(post);
            case "pin" -> actions.pin(post, true);
            case "unpin" -> actions.pin(post, false);
            case "hide" -> actions.hide(post);
            case "unhide" -> actions.unhide(post);
            case "share" -> actions.openShare(post);
            case "report" -> actions.openReport(post);
            default -> throw new IllegalStateException(pressed.action);
        }
    }

    /** A button of this component pressed: the action's name, and the emoji for a reaction. */
    static final class Pressed extends FacesEvent {
        private static final long serialVersionUID = 1L;
        final String action;
        final String emoji;

        Pressed(UIComponent component, String action, String emoji) {
            super(component);
            this.action = action;
            this.emoji = emoji;
        }

        @Override
        public boolean isAppropriateListener(FacesListener listener) {
            return false;
        }

        @Override
        public void processListener(FacesListener listener) {
            // no listeners: the component itself acts (broadcast)
        }
    }

    // --- rendering ---

    @Override
    public void encodeBegin(FacesContext context) {
        // all in encodeEnd
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // no children
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        PostView post = post(context);
        if (post == null) {
            return;
        }
        PostActions actions = actions(context);
        Messages messages = actions.messages();
        ResponseWriter out = context.getResponseWriter();
        String form = formId(context);
        String self = getClientId(context);
        if (menu()) {
            out.startElement("div", this);
            out.writeAttribute("id", self, null);
            out.writeAttribute("class", "post-menu", null);
            for (MenuAction action : MenuAction.values()) {
                if (offers(action, post)) {
                    button(out, form + ':' + action.suffix, self, "menu-item" + action.styleClass, null);
                    // page.js redraws the page's post dialogs too: an action of the menu opens or closes one
                    out.writeAttribute("data-post-dialogs", "true", null);
                    label(out, messages.text(action.label));
                    out.endElement("button");
                }
            }
            out.endElement("div");
            return;
        }
        out.startElement("footer", this);
        out.writeAttribute("id", self, null);
        out.writeAttribute("class", "post-actions", null);
        out.startElement("a", this);
        out.writeURIAttribute("href", context.getExternalContext().getRequestContextPath() + "/post.xhtml?id=" + post.getId(), null);
        out.writeAttribute("class", "replies-link", null);
        out.writeAttribute("title", messages.text("postActions.openConversation"), null);
        out.startElement("span", this);
        out.writeAttribute("aria-hidden", "true", null);
        out.writeText("💬", null);
        out.endElement("span");
        out.startElement("span", this);
        out.writeAttribute("class", "replies-count", null);
        out.writeText(messages.text("postActions.repliesCount", post.isThreadStart() ? post.getReplies() : 0), null);
        out.endElement("span");
        out.endElement("a");

        out.startElement("span", this);
        out.writeAttribute("class", "reactions", null);
        out.writeAttribute("role", "group", null);
        out.writeAttribute("aria-label", messages.text("postActions.reactions"), null);
        for (PostView.ReactionSlot slot : post.getReactionBar()) {
            String styleClass = "reaction" + (slot.mine() ? " reaction-mine" : "") + (slot.count() > 0 ? " reaction-given" : "");
            button(out, form + ':' + slot.emoji() + ':' + REACT, self, styleClass, null);
            out.writeAttribute("title", actions.who(slot), null);
            out.writeAttribute("data-emoji", slot.emoji(), null);
            out.writeAttribute("aria-label", actions.reactLabel(slot), null);
            out.writeAttribute("aria-pressed", String.valueOf(slot.mine()), null);
            label(out, slot.glyph() + ' ' + (slot.count() > 0 ? String.valueOf(slot.count()) : ""));
            out.endElement("button");
        }
        out.endElement("span");

        boolean on = post.isBookmarked();
        button(out, form + ':' + BOOKMARK, self, "bookmark" + (on ? " bookmark-on" : ""), null);
        out.writeAttribute("title", messages.text(on ? "postActions.unbookmark" : "postActions.bookmark"), null);
        out.writeAttribute("aria-label", messages.text("postActions.bookmark"), null);
        out.writeAttribute("aria-pressed", String.valueOf(on), null);
        label(out, on ? "★" : "☆");
        out.endElement("button");
        out.endElement("footer");
    }

    /**
     * Opens a submit button named as its action, which page.js sends through AJAX with this component to execute;
     * with a label, writes it and leaves the button open for {@code endElement}; without one, the caller adds
     * attributes and then the label.
     */
    private void button(ResponseWriter out, String name, String self, String styleClass, String text) throws IOException {
        out.startElement("button", this);
        out.writeAttribute("id", name, null);
        out.writeAttribute("name", name, null);
        out.writeAttribute("class", BUTTON_CLASS + styleClass, null);
        out.writeAttribute("type", "submit", null);
        out.writeAttribute("data-post-action", self, null);
        if (text != null) {
            label(out, text);
        }
    }

    private void label(ResponseWriter out, String text) throws IOException {
        out.startElement("span", this);
        out.writeAttribute("class", "ui-button-text ui-c", null);
        out.writeText(text, null);
        out.endElement("span");
    }
}
