package org.babillard.api.boundary;

import java.io.Serializable;
import java.util.List;

/** An application as the consent page shows it: its name, site, and what it asks for. */
public record AppInfo(String clientId, String name, String website, List<String> redirectUris, String scopes)
        implements Serializable {

    public String getName() {
        return name;
    }

    public String getWebsite() {
        return website;
    }
}
