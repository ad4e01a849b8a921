package org.babillard.people.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One run of the directory sync, successful or not, for the administrators' page and the logs. */
@Entity
@Table(name = "directory_sync")
@NamedQuery(name = DirectorySyncRun.LATEST, query = "select r from DirectorySyncRun r where r.succeeded = :succeeded order by r.id desc")
public class DirectorySyncRun {

    public static final String LATEST = "DirectorySyncRun.latest";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_sync_seq")
    @SequenceGenerator(name = "directory_sync_seq", sequenceName = "directory_sync_seq", allocationSize = 1)
    private Long id;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "finished_at", nullable = false)
    private OffsetDateTime finishedAt;

    private boolean succeeded;

    @Column(name = "people_seen")
    private int peopleSeen;

    private int joined;
    private int updated;

    @Column(name = "came_back")
    private int cameBack;

    @Column(name = "left_company")
    private int left;

    @Column(length = 2000)
    private String failure;

    @Column(name = "teams_seen")
    private int teamsSeen;

    @Column(name = "channels_created")
    private int channelsCreated;

    @Column(name = "channels_updated")
    private int channelsUpdated;

    @Column(name = "channels_archived")
    private int channelsArchived;

    @Column(name = "members_added")
    private int membersAdded;

    @Column(name = "members_removed")
    private int membersRemoved;

    private int welcomed;

    protected DirectorySyncRun() {
        // for JPA
    }

    public static DirectorySyncRun succeeded(Instant started, Instant finished, int seen, int joined, int updated, int cameBack, int left) {
        DirectorySyncRun run = new DirectorySyncRun(started, finished);
        run.succeeded = true;
        run.peopleSeen = seen;
        run.joined = joined;
        run.updated = updated;
        run.cameBack = cameBack;
        run.left = left;
        return run;
    }

    /** What the run did to team channels and how many newcomers it welcomed. */
    public DirectorySyncRun teams(int seen, int created, int updated, int archived, int added, int removed, int welcomed) {
        this.teamsSeen = seen;
        this.channelsCreated = created;
        this.channelsUpdated = updated;
        this.channelsArchived = archived;
        this.membersAdded = added;
        this.membersRemoved = removed;
        this.welcomed = welcomed;
        return this;
    }

    public static DirectorySyncRun failed(Instant started, Instant finished, String failure) {
        DirectorySyncRun run = new DirectorySyncRun(started, finished);
        run.failure = failure == null ? "unknown" : failure.substring(0, Math.min(2000, failure.length()));
        return run;
    }

    private DirectorySyncRun(Instant started, Instant finished) {
        this.startedAt = started.atOffset(ZoneOffset.UTC);
        this.finishedAt = finished.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public Instant getStartedAt() {
        return startedAt.toInstant();
    }

    public Instant getFinishedAt() {
        return finishedAt.toInstant();
    }

    public boolean isSucceeded() {
        return succeeded;
    }

    public int getPeopleSeen() {
        return peopleSeen;
    }

    public int getJoined() {
        return joined;
    }

    public int getUpdated() {
        return updated;
    }

    public int getCameBack() {
        return cameBack;
    }

    public int getLeft() {
        return left;
    }

    public String getFailure() {
        return failure;
    }

    /** How many directory groups are team channels. */
    public int getTeamsSeen() {
        return teamsSeen;
    }

    public int getChannelsCreated() {
        return channelsCreated;
    }

    /** Team channels renamed, described anew or brought back from the archive. */
    public int getChannelsUpdated() {
        return channelsUpdated;
    }

    public int getChannelsArchived() {
        return channelsArchived;
    }

    public int getMembersAdded() {
        return membersAdded;
    }

    public int getMembersRemoved() {
        return membersRemoved;
    }

    /** Newcomers whose welcome was posted. */
    public int getWelcomed() {
        return welcomed;
    }
}
