package org.babillard.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** One setting an administrator changed: its value overrides the system property and the built-in default. */
@Entity
@Table(name = "setting")
@NamedQuery(name = Setting.ALL, query = "select s from Setting s")
public class Setting {

    public static final String ALL = "Setting.all";

    @Id
    @Column(name = "setting_key", length = 100)
    private String key;

    @Column(name = "setting_value", nullable = false, length = 1000)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", length = 100)
    private String updatedBy;

    protected Setting() {
        // for JPA
    }

    public Setting(String key, String value, String updatedBy, Instant now) {
        this.key = Objects.requireNonNull(key);
        change(value, updatedBy, now);
    }

    public final void change(String value, String updatedBy, Instant now) {
        this.value = Objects.requireNonNull(value);
        this.updatedBy = updatedBy;
        this.updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public Instant getUpdatedAt() {
        return updatedAt.toInstant();
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
