package org.babillard.mail.boundary;

import org.babillard.mail.entity.MailPreference;

/**
 * A person's mail settings as their settings page shows them (JavaBean getters, for EL).
 *
 * @param delivery       IMMEDIATE, DIGEST or NEVER
 * @param quietFrom      the hour quiet hours start, or null
 * @param quietUntil     the hour they end, or null
 * @param sms            whether must-read announcements also come by text message
 * @param mail           the directory's address mails go to, or null
 * @param phone          the directory's phone number text messages go to, or null
 * @param postingAddress the person's secret address for posting by mail, or null when they have none
 * @param digestHour     the hour the daily digest goes out
 */
public record MailSettings(MailPreference.Delivery delivery, Integer quietFrom, Integer quietUntil, boolean sms,
                           String mail, String phone, String postingAddress, int digestHour) {

    public String getDelivery() {
        return delivery.name();
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

    public String getMail() {
        return mail;
    }

    public String getPhone() {
        return phone;
    }

    public String getPostingAddress() {
        return postingAddress;
    }

    public int getDigestHour() {
        return digestHour;
    }
}
