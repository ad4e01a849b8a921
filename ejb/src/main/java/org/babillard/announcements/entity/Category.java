package org.babillard.announcements.entity;

/** What an announcement is about; the News page filters on it. */
public enum Category {
    HR, COMPANY_NEWS, EVENT, PRODUCT_LAUNCH, IT_SAFETY
}
