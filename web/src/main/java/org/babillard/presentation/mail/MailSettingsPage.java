package org.babillard.presentation.mail;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.mail.boundary.MailPreferences;
import org.babillard.mail.boundary.MailSettings;
import org.babillard.mail.entity.MailPreference;
import org.babillard.platform.boundary.Refused;
import org.babillard.presentation.Messages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The reader's mail settings (/mail-settings.xhtml): mails at once, in a daily digest or never; quiet hours;
 * text messages for must-read announcements; their secret address for posting by mail.
 */
@Named
@ViewScoped
public class MailSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MailPreferences preferences;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Messages messages;

    private MailSettings settings;
    private String delivery;
    private boolean quiet;
    private Integer quietFrom;
    private Integer quietUntil;
    private boolean sms;

    @PostConstruct
    void init() {
        load();
    }

    private void load() {
        try {
            settings = preferences.of(username());
        } catch (Refused e) {
            settings = null;
            return;
        }
        delivery = settings.getDelivery();
        quiet = settings.getQuietFrom() != null;
        quietFrom = quiet ? settings.getQuietFrom() : Integer.valueOf(22);
        quietUntil = quiet ? settings.getQuietUntil() : Integer.valueOf(7);
        sms = settings.isSms();
    }

    public void save() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            settings = preferences.choose(username(), MailPreference.Delivery.valueOf(delivery),
                    quiet ? quietFrom : null, quiet ? quietUntil : null, sms && settings.getPhone() != null);
            load();
            faces.addMessage(null, messages.info("mail.saved"));
        } catch (Refused | IllegalArgumentException | NullPointerException e) {
            faces.addMessage(null, messages.error("mail.quietHours.invalid"));
        }
    }

    public void newPostingAddress() {
        try {
            preferences.newPostingAddress(username());
            load();
            FacesContext.getCurrentInstance().addMessage(null, messages.info("mail.posting.created"));
        } catch (Refused e) {
            FacesContext.getCurrentInstance().addMessage(null, messages.error("mail.posting.failed"));
        }
    }

    public void revokePostingAddress() {
        try {
            preferences.revokePostingAddress(username());
            load();
            FacesContext.getCurrentInstance().addMessage(null, messages.info("mail.posting.revoked"));
        } catch (Refused e) {
            FacesContext.getCurrentInstance().addMessage(null, messages.error("mail.posting.failed"));
        }
    }

    public List<String> getDeliveries() {
        List<String> all = new ArrayList<>();
        for (MailPreference.Delivery d : MailPreference.Delivery.values()) {
            all.add(d.name());
        }
        return all;
    }

    public List<Integer> getHours() {
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h);
        }
        return hours;
    }

    public String hourLabel(Integer hour) {
        return hour == null ? "" : String.format("%02d:00", hour);
    }

    public String getDigestLabel() {
        return messages.text("mail.delivery.DIGEST", hourLabel(settings == null ? 7 : settings.getDigestHour()));
    }

    public String getSmsLabel() {
        return messages.text("mail.sms.label", settings == null || settings.getPhone() == null ? "" : settings.getPhone());
    }

    private String username() {
        return request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
    }

    public MailSettings getSettings() {
        return settings;
    }

    public String getDelivery() {
        return delivery;
    }

    public void setDelivery(String delivery) {
        this.delivery = delivery;
    }

    public boolean isQuiet() {
        return quiet;
    }

    public void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    public Integer getQuietFrom() {
        return quietFrom;
    }

    public void setQuietFrom(Integer quietFrom) {
        this.quietFrom = quietFrom;
    }

    public Integer getQuietUntil() {
        return quietUntil;
    }

    public void setQuietUntil(Integer quietUntil) {
        this.quietUntil = quietUntil;
    }

    public boolean isSms() {
        return sms;
    }

    public void setSms(boolean sms) {
        this.sms = sms;
    }
}
