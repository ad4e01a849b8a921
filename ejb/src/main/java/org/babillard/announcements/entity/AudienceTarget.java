package org.babillard.announcements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.Objects;

/**
 * One part of an announcement's audience: everyone, a department, a site, a channel's members, or the reports
 * (direct and indirect) of a manager. An announcement reaches the union of its targets.
 */
@Entity
@Table(name = "announcement_audience")
@NamedQuery(name = AudienceTarget.OF, query = "select t from AudienceTarget t where t.announcement.id = :announcement order by t.id")
public class AudienceTarget {

    public static final String OF = "AudienceTarget.of";

    public enum Kind { EVERYONE, DEPARTMENT, SITE, CHANNEL, MANAGER }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "announcement_audience_seq")
    @SequenceGenerator(name = "announcement_audience_seq", sequenceName = "announcement_audience_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "announcement_id", updatable = false)
    private Announcement announcement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Kind kind;

    /** The department or site as the directory writes it, or the manager's DN in lower case. */
    @Column(length = 1024, updatable = false)
    private String name;

    @Column(name = "channel_id", updatable = false)
    private Long channelId;

    /** What to show for it: a channel's or a manager's name at the time. */
    @Column(length = 300, updatable = false)
    private String label;

    protected AudienceTarget() {
        // for JPA
    }

    public AudienceTarget(Announcement announcement, Kind kind, String name, Long channelId, String label) {
        this.announcement = Objects.requireNonNull(announcement);
        this.kind = Objects.requireNonNull(kind);
        this.name = name;
        this.channelId = channelId;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public Long getChannelId() {
        return channelId;
    }

    public String getLabel() {
        return label;
    }
}
