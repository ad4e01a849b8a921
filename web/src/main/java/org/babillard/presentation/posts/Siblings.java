package org.babillard.presentation.posts;

import jakarta.el.ValueExpression;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;

import java.util.Set;

/**
 * The list the post being rendered belongs to (the value of the closest enclosing iterating component), so that
 * what each post needs from the database (its poll, its author's photo) is read for the whole list at its first post.
 */
public final class Siblings {

    private Siblings() {
    }

    public static Iterable<?> ofCurrent() {
        FacesContext faces = FacesContext.getCurrentInstance();
        UIComponent component = faces == null ? null : UIComponent.getCurrentComponent(faces);
        for (UIComponent c = component; c != null; c = c.getParent()) {
            ValueExpression value = c.getValueExpression("value");
            if (value != null && c.getClass().getSimpleName().contains("Repeat")) {
                Object list = value.getValue(faces.getELContext());
                return list instanceof Iterable<?> iterable ? iterable : Set.of();
            }
        }
        return Set.of();
    }
}
