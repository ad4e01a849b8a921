package org.babillard.presentation.login;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Babillard's login: our own Faces login page, which hands the name and password to Jakarta Security; the
 * directory identity store checks them. A person who opens a page before logging in returns to it afterwards.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({"employee", "hr", "admin"})
@ApplicationScoped
public class SecurityConfiguration {
}
