package org.babillard.presentation.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.babillard.platform.boundary.Refused;
import org.babillard.platform.boundary.Settings;
import org.babillard.posts.boundary.Retention;
import org.babillard.presentation.Messages;
import org.babillard.presentation.company.Company;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * The administrators' settings page: post length, attachment limits, retention, the company's name and logo. Each
 * change is saved through {@link Settings} (which audits it) and applies to the next request.
 */
@Named
@ViewScoped
public class SettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MEGABYTE = 1024L * 1024;

    @Inject
    transient Settings settings;

    @Inject
    transient Retention retention;

    @Inject
    transient Messages messages;

    @Inject
    transient Company company;

    private Integer postMaxLength;
    private Integer attachmentMegabytes;
    private Integer attachmentsPerPost;
    private Integer retentionDays;
    private String companyName;
    private transient Part logo;

    @PostConstruct
    void load() {
        postMaxLength = settings.postMaxLength();
        attachmentMegabytes = (int) Math.max(1, settings.attachmentMaxBytes() / MEGABYTE);
        attachmentsPerPost = settings.attachmentsPerPost();
        retentionDays = settings.retentionDays().orElse(null);
        companyName = settings.companyName().orElse("");
    }

    public void save() {
        try {
            change(Settings.Key.POST_MAX_LENGTH, postMaxLength, settings.postMaxLength());
            long bytes = attachmentMegabytes * MEGABYTE;
            if (bytes != settings.attachmentMaxBytes()) {
                settings.change(me(), Settings.Key.ATTACHMENT_MAX_BYTES, Long.toString(bytes));
            }
            change(Settings.Key.ATTACHMENTS_PER_POST, attachmentsPerPost, settings.attachmentsPerPost());
            if (!java.util.Objects.equals(retentionDays, settings.retentionDays().orElse(null))) {
                settings.change(me(), Settings.Key.RETENTION_DAYS, retentionDays == null ? "" : retentionDays.toString());
            }
            if (!companyName.strip().equals(settings.companyName().orElse(""))) {
                settings.change(me(), Settings.Key.COMPANY_NAME, companyName);
            }
            info("settings.saved");
        } catch (Refused e) {
            error(e);
        }
        company.forget();
        load();
    }

    public void uploadLogo() {
        if (logo == null || logo.getSize() == 0) {
            FacesContext.getCurrentInstance().addMessage("logo:file", messages.error("settings.logoMissing"));
            return;
        }
        try (InputStream in = logo.getInputStream()) {
            // Read one byte past the limit at most: an oversized file is refused without reading it all.
            settings.changeLogo(me(), in.readNBytes(Settings.LOGO_MAX_BYTES + 1));
            info("settings.logoSaved");
        } catch (Refused e) {
            FacesContext.getCurrentInstance().addMessage("logo:file",
                    messages.error("refused." + e.detail(), Settings.LOGO_MAX_BYTES / 1024));
        } catch (IOException e) {
            FacesContext.getCurrentInstance().addMessage("logo:file", messages.error("settings.logoType"));
        }
        company.forget();
    }

    public void resetLogo() {
        try {
            settings.resetLogo(me());
            info("settings.logoRemoved");
        } catch (Refused e) {
            error(e);
        }
        company.forget();
    }

    public void applyRetention() {
        try {
            int deleted = retention.applyNow(me());
            FacesContext.getCurrentInstance().addMessage(null, messages.info("settings.retentionApplied", deleted));
        } catch (Refused e) {
            error(e);
        }
    }

    private void change(Settings.Key key, Integer wanted, int current) throws Refused {
        if (wanted != null && wanted != current) {
            settings.change(me(), key, wanted.toString());
        }
    }

    private void info(String key) {
        FacesContext.getCurrentInstance().addMessage(null, messages.info(key));
    }

    private void error(Refused e) {
        FacesContext.getCurrentInstance().addMessage(null, e.reason() == Refused.Reason.INVALID
                ? messages.error("refused." + e.detail(), Settings.LOGO_MAX_BYTES / 1024)
                : messages.error("settings.notAllowed"));
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static String me() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    /** Whether a logo is set (the remove button shows then). */
    public boolean isHasLogo() {
        return company.getLogoUrl() != null;
    }

    public long getLogoMaxKilobytes() {
        return Settings.LOGO_MAX_BYTES / 1024;
    }

    public Integer getPostMaxLength() {
        return postMaxLength;
    }

    public void setPostMaxLength(Integer postMaxLength) {
        this.postMaxLength = postMaxLength;
    }

    public Integer getAttachmentMegabytes() {
        return attachmentMegabytes;
    }

    public void setAttachmentMegabytes(Integer attachmentMegabytes) {
        this.attachmentMegabytes = attachmentMegabytes;
    }

    public Integer getAttachmentsPerPost() {
        return attachmentsPerPost;
    }

    public void setAttachmentsPerPost(Integer attachmentsPerPost) {
        this.attachmentsPerPost = attachmentsPerPost;
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(Integer retentionDays) {
        this.retentionDays = retentionDays;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName == null ? "" : companyName;
    }

    public Part getLogo() {
        return logo;
    }

    public void setLogo(Part logo) {
        this.logo = logo;
    }
}
