package org.babillard.attachments.boundary;

import org.babillard.attachments.entity.Attachment;

import java.io.Serializable;

/** An attachment as a timeline shows it, with bean getters for the views. {@code id} is the id in its address. */
public record AttachmentInfo(String id, String fileName, String contentType, long size, String altText,
                             Integer width, Integer height, boolean image) implements Serializable {

    public static AttachmentInfo of(Attachment a) {
        return new AttachmentInfo(a.getStoredName(), a.getFileName(), a.getContentType(), a.getSize(), a.getAltText(),
                a.getWidth(), a.getHeight(), a.isImage());
    }

    public String getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public long getSize() {
        return size;
    }

    public String getAltText() {
        return altText;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }

    public boolean isImage() {
        return image;
    }

    /** The size in kilobytes (under 1 MB) or megabytes, one decimal. */
    public double getKilobytes() {
        return Math.max(0.1, Math.round(size / 102.4) / 10.0);
    }

    public double getMegabytes() {
        return Math.round(size / (1024 * 102.4)) / 10.0;
    }

    public boolean isLarge() {
        return size >= 1024 * 1024;
    }
}
