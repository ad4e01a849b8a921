package org.babillard.audit.entity;

/** What the audit log records. Names are stored: never rename one, only add. */
public enum AuditAction {
    /** A successful login (web page or an application's consent page). */
    LOGIN,
    /** A wrong name or password. */
    LOGIN_FAILED,
    /** Refused without asking the directory: too many wrong passwords for this name from this address. */
    LOGIN_THROTTLED,
    /** The directory could not be reached during a login. */
    LOGIN_DIRECTORY_DOWN,
    LOGOUT,
    /** The directory gave someone other roles (detail: before → after). */
    ROLES_CHANGED,
    /** Someone left the company (no longer in the directory). */
    EMPLOYEE_LEFT,
    POST_HIDDEN,
    POST_UNHIDDEN,
    /** A post deleted by someone other than its author (a channel moderator or an administrator). */
    POST_DELETED_BY_MODERATOR,
    REPORTS_DISMISSED,
    ANNOUNCEMENT_PUBLISHED,
    ANNOUNCEMENT_WITHDRAWN,
    /** An employee downloaded their own data. */
    DATA_EXPORTED,
    /** A bot account made, a token given to a bot or taken back, a bot deleted (integrations). */
    BOT_CREATED,
    BOT_TOKEN_CREATED,
    BOT_TOKEN_REVOKED,
    BOT_DELETED,
    /** An incoming or outgoing webhook added to a channel. */
    WEBHOOK_CREATED,
    /** An administrator started a directory sync or a search index rebuild. */
    ADMIN_ACTION,
    /** An administrator changed a setting, or a channel's owner its retention (detail: old → new). */
    SETTINGS_CHANGED,
    /** The retention job deleted posts older than their channel's or the company's retention (detail: how many). */
    RETENTION_DELETED,
    /** An employee gave an application access to their account on the consent page (target: the application). */
    APP_AUTHORIZED,
    /**
     * An application's access to an employee's account ended: withdrawn by the employee, or the token given up by
     * the application itself (detail says which).
     */
    APP_ACCESS_REVOKED,
    /** An administrator erased a former employee's personal data (target: their user name until then). */
    PERSONAL_DATA_ERASED
}
