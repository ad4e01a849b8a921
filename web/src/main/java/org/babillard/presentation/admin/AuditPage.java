package org.babillard.presentation.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.audit.boundary.AuditLog;
import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.entity.AuditEvent;
import org.babillard.presentation.Messages;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The administrators' view of the audit log (/admin/audit.xhtml): newest first, 50 lines at a time ("older"),
 * filtered by kind of event and by person (as the one who acted or the one it concerned).
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 50;

    @Inject
    transient AuditLog log;

    @Inject
    transient Messages messages;

    private String action = "";
    private String person = "";
    private final List<Line> lines = new ArrayList<>();
    private boolean more;

    /** One line as the page shows it (the kind of event in the reader's language). */
    public record Line(long id, Instant at, String actor, String action, String what, String target, String detail,
                       String address) implements Serializable {
        public long getId() { return id; }
        public Instant getAt() { return at; }
        public String getActor() { return actor; }
        public String getAction() { return action; }
        public String getWhat() { return what; }
        public String getTarget() { return target; }
        public String getDetail() { return detail; }
        public String getAddress() { return address; }
    }

    @PostConstruct
    void load() {
        lines.clear();
        append(null);
    }

    public void search() {
        load();
    }

    public void older() {
        append(lines.isEmpty() ? null : lines.get(lines.size() - 1).id());
    }

    private void append(Long before) {
        List<AuditEvent> page = log.page(selectedAction(), person, before, PAGE + 1);
        more = page.size() > PAGE;
        page.stream().limit(PAGE).forEach(e -> lines.add(new Line(e.getId(), e.getAt().toInstant(), e.getActor(),
                e.getAction().name(), messages.text("audit.action." + e.getAction().name()), e.getTarget(), e.getDetail(),
                e.getAddress())));
    }

    private AuditAction selectedAction() {
        return Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(action)).findFirst().orElse(null);
    }

    public List<String> getActions() {
        return Arrays.stream(AuditAction.values()).map(Enum::name).toList();
    }

    public String label(String actionName) {
        return messages.text("audit.action." + actionName);
    }

    public List<Line> getLines() {
        return lines;
    }

    public boolean isMore() {
        return more;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action == null ? "" : action;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person == null ? "" : person.trim();
    }
}
