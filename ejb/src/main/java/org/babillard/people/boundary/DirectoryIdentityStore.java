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
import org.babillard.people.control.DirectoryUnavailable;
import org.babillard.people.control.InvalidCredentials;
import org.babillard.people.control.LoginThrottle;
import org.babillard.people.control.SignInAttempt;

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
        String address = clientAddress();
        if (!throttle.allows(login, address)) {
            LOG.warning(() -> "Login attempt for \"" + login + "\" from " + address + " refused: too many wrong passwords");
            attempt.record(SignInAttempt.Outcome.INVALID_CREDENTIALS);
            audit.record(AuditAction.LOGIN_THROTTLED, login, null, "too many wrong passwords", address);
            return CredentialValidationResult.INVALID_RESULT;
        }
        try {
            DirectoryAccount account = directory.authenticate(login, up.getPasswordAsString());
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
            LOG.fine(() -> "Login refused: " + e.getMessage());
            // A blank password never reaches the directory, so it guesses nothing: it is not counted.
            String password = up.getPasswordAsString();
            if (password != null && !password.isBlank()) {
                throttle.failed(login, address);
            }
            attempt.record(SignInAttempt.Outcome.INVALID_CREDENTIALS);
            audit.record(AuditAction.LOGIN_FAILED, login, null, password == null || password.isBlank() ? "blank password" : null, address);
            return CredentialValidationResult.INVALID_RESULT;
        } catch (DirectoryUnavailable e) {
            // Not counted as a failure: an outage must never lock anyone out.
            attempt.record(SignInAttempt.Outcome.DIRECTORY_UNAVAILABLE);
            audit.record(AuditAction.LOGIN_DIRECTORY_DOWN, login, null, null, address);
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
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
