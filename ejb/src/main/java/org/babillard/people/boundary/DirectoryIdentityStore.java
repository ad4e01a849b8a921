package org.babillard.people.boundary;

import org.babillard.audit.entity.AuditAction;
import org.babillard.audit.boundary.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.people.control.CompanyDirectory;
import org.babillard.people.control.DirectoryAccount;
import org.babillard.people.control.DirectoryClient;
import org.babillard.people.control.DirectoryUnavailable;
import org.babillard.people.control.InvalidCredentials;
import org.babillard.people.control.LoginThrottle;
import org.babillard.people.control.SignInAttempt;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Jakarta Security's view of the company directory: checks a name and password there, maps the person's groups
 * to Babillard's roles, and creates or refreshes their profile.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(DirectoryIdentityStore.class.getName());

    @Inject
    AuditLog audit;

    @Inject
    CompanyDirectory directory;

    @Inject
    People people;

    @Inject
    SignInAttempt attempt;

    @Inject
    LoginThrottle throttle;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String login = up.getCaller();
        String password = up.getPasswordAsString();
        String address = clientAddress();
        if (!throttle.allows(login, address) && !ownAddress(login, address)) {
            LOG.warning(() -> "Login attempt for \"" + printable(login) + "\" from " + address + " refused: too many wrong passwords");
            attempt.record(SignInAttempt.Outcome.INVALID_CREDENTIALS);
            audit.record(AuditAction.LOGIN_THROTTLED, login, null, "too many wrong passwords", address);
            return CredentialValidationResult.INVALID_RESULT;
        }
        try {
            DirectoryAccount account = directory.authenticate(login, password);
            if (people.find(account.username()).filter(e -> e.isBot() || e.isErased()).isPresent()) {
                // A directory entry with a bot's name: the bot is not that person, and nobody logs in as a bot.
                // Nor as an erased former employee's neutral name ("former-employee-N"), which is nobody's.
                LOG.warning(() -> "Login as \"" + account.username() + "\" refused: that name is a bot's or an erased profile's");
                attempt.record(SignInAttempt.Outcome.INVALID_CREDENTIALS);
                return CredentialValidationResult.INVALID_RESULT;
            }
            people.loggedIn(account.username(), account.profile(), account.roles());
            throttle.succeeded(login, address);
            attempt.signedIn(account.username());
            audit.record(AuditAction.LOGIN, account.username(), null, null, address);
            return new CredentialValidationResult(account.username(), account.roles());
        } catch (InvalidCredentials e) {
            LOG.fine(() -> "Login refused: " + printable(e.getMessage()));
            // A name or password that never reached the directory (blank, overlong, with control characters) guessed
            // nothing: it is not counted.
            String unsent = unsent(login, password);
            if (unsent == null) {
                throttle.failed(login, address);
            }
            attempt.record(SignInAttempt.Outcome.INVALID_CREDENTIALS);
            audit.record(AuditAction.LOGIN_FAILED, login, null, unsent, address);
            return CredentialValidationResult.INVALID_RESULT;
        } catch (DirectoryUnavailable e) {
            // Not counted as a failure: an outage must never lock anyone out.
            attempt.record(SignInAttempt.Outcome.DIRECTORY_UNAVAILABLE);
            audit.record(AuditAction.LOGIN_DIRECTORY_DOWN, login, null, null, address);
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }

    /**
     * An account held because of wrong passwords from everywhere is not held at an address its owner logged in from
     * during the last {@code babillard.login.known-address-days} (90 by default; the audit log remembers), unless
     * that address itself guessed too much: a guess kept up from many computers cannot keep HR out of their own.
     */
    private boolean ownAddress(String login, String address) {
        if (login == null || "unknown".equals(address) || !throttle.allowsFromOwnAddress(login, address)) {
            return false;
        }
        int days = Integer.getInteger("babillard.login.known-address-days", 90);
        return days > 0 && audit.loggedInFrom(login.strip().toLowerCase(Locale.ROOT), address,
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(days));
    }

    /** Why these credentials were never sent to the directory, or null if they were. */
    private static String unsent(String login, String password) {
        if (login == null || login.isBlank()) {
            return "blank name";
        }
        if (password == null || password.isBlank()) {
            return "blank password";
        }
        if (password.length() > DirectoryClient.MAX_PASSWORD_LENGTH || login.length() > DirectoryClient.MAX_NAME_LENGTH) {
            return "name or password too long";
        }
        if (DirectoryClient.hasControlCharacters(login.strip())) {
            return "control characters in the name";
        }
        return null;
    }

    /** A name as typed, safe for one log line: no line breaks or other control characters, not too long. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String shown = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** The client's address during a web login; "unknown" when called outside a servlet request. */
    private String clientAddress() {
        try {
            return request.getRemoteAddr();
        } catch (ContextNotActiveException | IllegalStateException e) {
            return "unknown";
        }
    }
}
