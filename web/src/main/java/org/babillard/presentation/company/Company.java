package org.babillard.presentation.company;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.babillard.platform.boundary.Settings;

import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The company's name and logo as administrators set them, for the top bar, the login page and the pages' titles;
 * without them, the product's name and mark.
 */
@Named
@RequestScoped
public class Company {

    @Inject
    Settings settings;

    private Optional<String> name;
    private Optional<String> logoVersion;

    /** The company's name, or the product's name in the reader's language. */
    public String getName() {
        if (name == null) {
            name = settings.companyName();
        }
        return name.orElseGet(() -> {
            FacesContext faces = FacesContext.getCurrentInstance();
            return faces.getApplication().evaluateExpressionGet(faces, "#{msg['app.name']}", String.class);
        });
    }

    /** The logo's address, with its version so that browsers keep it; null when there is no logo. */
    public String getLogoUrl() {
        if (logoVersion == null) {
            logoVersion = settings.logoVersion();
        }
        return logoVersion.map(v -> FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + CompanyLogoServlet.PATH + "?v=" + v).orElse(null);
    }

    /** Drops what this request read, after an administrator changed it. */
    public void forget() {
        name = null;
        logoVersion = null;
    }
}
