package org.babillard.people.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.babillard.people.control.CompanyDirectory;
import org.babillard.people.control.DirectoryAccount;
import org.babillard.people.control.DirectoryUnavailable;
import org.babillard.people.control.InvalidCredentials;
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
    CompanyDirectory directory;

    @Inject
    People people;

    @Inject
    SignInAttempt attempt;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            DirectoryAccount account = directory.authenticate(up.getCaller(), up.getPasswordAsString());
            people.loggedIn(account.username(), account.profile());
            attempt.record(SignInAttempt.Outcome.SIGNED_IN);
            return new CredentialValidationResult(account.username(), account.roles());
        } catch (InvalidCredentials e) {
            LOG.fine(() -> "Login refused: " + e.getMessage());
            attempt.record(SignInAttempt.Outcome.INVALID_CREDENTIALS);
            return CredentialValidationResult.INVALID_RESULT;
        } catch (DirectoryUnavailable e) {
            attempt.record(SignInAttempt.Outcome.DIRECTORY_UNAVAILABLE);
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
    }
}
