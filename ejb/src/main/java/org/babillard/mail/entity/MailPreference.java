package org.babillard.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * How a person wants to hear from Babillard outside its pages: mails at once, in a daily digest or never; quiet
 * hours during which immediate mails wait; text messages for must-read announcements. A person without a row has
 * the defaults ({@link #defaults(long)}).
 */
@Entity
@Table(name = "mail_preference")
public class MailPreference {

    public enum Delivery { IMMEDIATE, DIGEST, NEVER }

    @Id
    @Column(name = "employee_id")
    private Long employeeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Delivery delivery = Delivery.IMMEDIATE;

    @Column(name = "quiet_from")
    private Integer quietFrom;

    @Column(name = "quiet_until")
    private Integer quietUntil;

    @Column(nullable = false)
    private boolean sms;

    @Version
    private long version;

    protected MailPreference() {
        // for JPA
    }

    public static MailPreference defaults(long employeeId) {
        MailPreference p = new MailPreference();
        p.employeeId = employeeId;
        return p;
    }

    /**
     * @param quietFrom  the hour quiet hours start (0-23), or null for none
     * @param quietUntil the hour they end (0-23), or null for none; may be before quietFrom (over midnight)
     */
    public void choose(Delivery delivery, Integer quietFrom, Integer quietUntil, boolean sms) {
        this.delivery = delivery == null ? Delivery.IMMEDIATE : delivery;
        boolean quiet = quietFrom != null && quietUntil != null && !quietFrom.equals(quietUntil)
                && quietFrom >= 0 && quietFrom < 24 && quietUntil >= 0 && quietUntil < 24;
        this.quietFrom = quiet ? quietFrom : null;
        this.quietUntil = quiet ? quietUntil : null;
        this.sms = sms;
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public Integer getQuietFrom() {
        return quietFrom;
    }

    public Integer getQuietUntil() {
        return quietUntil;
    }

    public boolean isSms() {
        return sms;
    }
}
