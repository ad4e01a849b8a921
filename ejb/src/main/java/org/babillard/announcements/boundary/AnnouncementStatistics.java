package org.babillard.announcements.boundary;

import java.util.List;

/** How an announcement was received: in all, per department and per site (as they were at publication). */
public record AnnouncementStatistics(Row total, List<Row> byDepartment, List<Row> bySite) {

    /** Counts for one group of recipients; {@code name} null for "none given" in the directory. */
    public record Row(String name, long recipients, long opened, long acknowledged) {

        public String getName() {
            return name;
        }

        public long getRecipients() {
            return recipients;
        }

        public long getOpened() {
            return opened;
        }

        public long getAcknowledged() {
            return acknowledged;
        }

        /** Percent of the recipients, rounded down to a whole number. */
        public int getOpenedPercent() {
            return percent(opened);
        }

        public int getAcknowledgedPercent() {
            return percent(acknowledged);
        }

        private int percent(long part) {
            return recipients == 0 ? 0 : (int) (part * 100 / recipients);
        }
    }

    public Row getTotal() {
        return total;
    }

    public List<Row> getByDepartment() {
        return byDepartment;
    }

    public List<Row> getBySite() {
        return bySite;
    }
}
