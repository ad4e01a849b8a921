package org.babillard.presentation.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.babillard.posts.entity.PostReport;
import org.babillard.presentation.Messages;
import org.babillard.presentation.posts.PostActions;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The administrators' page of reported posts (/admin/reports.xhtml): hide, delete, or keep each one. */
@Named
@ViewScoped
public class ReportedPosts implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Posts posts;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Messages messages;

    @Inject
    PostActions actions;

    private List<Row> rows = List.of();

    /** One open report, with what the administrator needs to judge it. */
    public record Row(long reportId, long postId, String text, String authorUsername, String authorDisplayName,
                      String channelName, boolean hidden, String reporterUsername, String reporterDisplayName,
                      String reason, Instant reportedAt, Instant postedAt) implements Serializable {
        public long getReportId() { return reportId; }
        public long getPostId() { return postId; }
        public String getText() { return text; }
        public String getAuthorUsername() { return authorUsername; }
        public String getAuthorDisplayName() { return authorDisplayName; }
        public String getChannelName() { return channelName; }
        public boolean isHidden() { return hidden; }
        public String getReporterUsername() { return reporterUsername; }
        public String getReporterDisplayName() { return reporterDisplayName; }
        public String getReason() { return reason; }
        public Instant getReportedAt() { return reportedAt; }
        public Instant getPostedAt() { return postedAt; }
    }

    @PostConstruct
    void load() {
        try {
            rows = posts.openReports(me()).stream().map(ReportedPosts::row).toList();
        } catch (Refused e) {
            rows = List.of();
        }
    }

    private static Row row(PostReport r) {
        Post p = r.getPost();
        return new Row(r.getId(), p.getId(), p.getText(), p.getAuthor().getUsername(), p.getAuthor().getDisplayName(),
                p.getChannel() == null ? null : p.getChannel().getName(), p.isHidden(),
                r.getReporter().getUsername(), r.getReporter().getDisplayName(), r.getReason(), r.getCreatedAt(),
                p.getCreatedAt());
    }

    public void hide(long postId) {
        act(() -> posts.hide(me(), postId), "reports.hidden");
    }

    public void delete(long postId) {
        act(() -> posts.delete(me(), postId), "reports.deleted");
    }

    public void dismiss(long postId) {
        act(() -> posts.dismissReports(me(), postId), "reports.dismissed");
    }

    private interface Action {
        void run() throws Refused;
    }

    private void act(Action action, String doneKey) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            faces.addMessage(null, messages.info(doneKey));
        } catch (Refused e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, actions.refusal(e), null));
        }
        load();
    }

    private String me() {
        return request.getUserPrincipal().getName();
    }

    public List<Row> getRows() {
        return rows;
    }
}
