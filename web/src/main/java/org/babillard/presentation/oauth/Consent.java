package org.babillard.presentation.oauth;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.babillard.api.boundary.AppInfo;
import org.babillard.api.boundary.OAuth;
import org.babillard.api.boundary.OAuthRefused;
import org.babillard.presentation.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The consent page (/oauth.xhtml): the logged-in employee sees which application asks for what, and authorizes
 * it (the application gets a one-time code at its redirect URI, or the page shows the code) or refuses.
 */
@Named
@ViewScoped
public class Consent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OAuth oauth;

    @Inject
    transient HttpServletRequest request;

    @Inject
    transient Messages messages;

    private String clientId;
    private String redirectUri;
    private String scope;
    private String state;
    private String codeChallenge;
    private String codeChallengeMethod;
    private String responseType;

    private AppInfo app;
    private String problem;
    private String code;

    public void load() {
        if (responseType != null && !responseType.equals("code")) {
            problem = messages.text("oauth.invalid", "response_type must be code");
            return;
        }
        try {
            app = oauth.consent(clientId, redirectUri, scope);
        } catch (OAuthRefused e) {
            problem = messages.text("oauth.invalid", e.getMessage());
        }
    }

    public void authorize() throws IOException {
        if (app == null) {
            return;
        }
        try {
            String given = oauth.authorize(request.getUserPrincipal().getName(), clientId, redirectUri, scope,
                    codeChallenge, codeChallengeMethod);
            if (OAuth.OUT_OF_BAND.equals(redirectUri)) {
                code = given;
                return;
            }
            send("code=" + enc(given));
        } catch (OAuthRefused e) {
            problem = messages.text("oauth.invalid", e.getMessage());
        }
    }

    public void deny() throws IOException {
        if (app == null || OAuth.OUT_OF_BAND.equals(redirectUri)) {
            problem = messages.text("oauth.denied");
            app = null;
            return;
        }
        send("error=access_denied&error_description=" + enc("The employee refused"));
    }

    private void send(String result) throws IOException {
        String query = result + (state == null ? "" : "&state=" + enc(state));
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(redirectUri + (redirectUri.contains("?") ? "&" : "?") + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The scopes asked for, each in words. */
    public List<String> getScopes() {
        return app == null ? List.of() : List.of(app.scopes().split(" ")).stream()
                .map(s -> messages.text("oauth.scope." + s.replaceFirst(":.*$", ""))).distinct().toList();
    }

    public AppInfo getApp() {
        return app;
    }

    public String getProblem() {
        return problem;
    }

    public String getCode() {
        return code;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getCodeChallenge() {
        return codeChallenge;
    }

    public void setCodeChallenge(String codeChallenge) {
        this.codeChallenge = codeChallenge;
    }

    public String getCodeChallengeMethod() {
        return codeChallengeMethod;
    }

    public void setCodeChallengeMethod(String codeChallengeMethod) {
        this.codeChallengeMethod = codeChallengeMethod;
    }

    public String getResponseType() {
        return responseType;
    }

    public void setResponseType(String responseType) {
        this.responseType = responseType;
    }
}
