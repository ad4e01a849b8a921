package org.babillard.presentation.notebook;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.babillard.posts.entity.Post;

import java.io.Serializable;

/**
 * Who the home composer's next post is for: the company, only the people it mentions, or only its author (the
 * notebook). The choice stays for as long as the page is open.
 */
@Named
@ViewScoped
public class AudienceChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private String chosen = Post.Audience.COMPANY.name();

    /** The audience for the draft: null for the company (a channel or thread decides by itself). */
    public Post.Audience audience() {
        return switch (chosen) {
            case "MENTIONED" -> Post.Audience.MENTIONED;
            case "NOTEBOOK" -> Post.Audience.NOTEBOOK;
            default -> null;
        };
    }

    public String getChosen() {
        return chosen;
    }

    public void setChosen(String chosen) {
        // Only the three offered values; anything else a forged form sends means the company.
        this.chosen = "MENTIONED".equals(chosen) || "NOTEBOOK".equals(chosen) ? chosen : Post.Audience.COMPANY.name();
    }
}
