package org.babillard.search.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.babillard.people.entity.Employee;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A search someone keeps, to be told of new posts it finds (a subject a team watches: its "veille"). */
@Entity
@Table(name = "saved_search")
@NamedQuery(name = SavedSearch.OF_OWNER, query = "select s from SavedSearch s where s.owner.id = :owner order by s.id")
@NamedQuery(name = SavedSearch.ACTIVE, query = "select s from SavedSearch s join fetch s.owner o where o.leftAt is null")
public class SavedSearch {

    public static final String OF_OWNER = "SavedSearch.ofOwner";
    /** The saved searches of people still in the company: the ones that notify. */
    public static final String ACTIVE = "SavedSearch.active";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_search_seq")
    @SequenceGenerator(name = "saved_search_seq", sequenceName = "saved_search_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private Employee owner;

    @Column(nullable = false, length = 500, updatable = false)
    private String query;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected SavedSearch() {
        // for JPA
    }

    public SavedSearch(Employee owner, String query, Instant createdAt) {
        this.owner = Objects.requireNonNull(owner);
        this.query = Objects.requireNonNull(query);
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public Employee getOwner() {
        return owner;
    }

    public String getQuery() {
        return query;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }
}
