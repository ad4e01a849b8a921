package org.babillard.presentation.posts;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;

import java.io.IOException;

/**
 * One of the parts of a post that only show it, drawn by {@link PostMarkup}: {@code part} "head" (author and time),
 * "marks" (channel and badges) or "body" (text, attachments, shared post); {@code post} the PostView.
 */
@FacesComponent(value = PostPart.TYPE, createTag = true, tagName = "postPart", namespace = PostButtons.NAMESPACE)
public class PostPart extends UIComponentBase {

    public static final String TYPE = "org.babillard.PostPart";

    @Override
    public String getFamily() {
        return TYPE;
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

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
        PostView post = (PostView) getAttributes().get("post");
        if (post == null) {
            return;
        }
        PostMarkup markup = (PostMarkup) context.getApplication().getELResolver().getValue(context.getELContext(), null, "postMarkup");
        String part = (String) getAttributes().get("part");
        switch (part) {
            case "head" -> markup.head(context, this, post);
            case "marks" -> markup.marks(context, this, post);
            case "body" -> markup.body(context, this, post);
            default -> throw new IllegalArgumentException("babillard:postPart: no part " + part);
        }
    }
}
