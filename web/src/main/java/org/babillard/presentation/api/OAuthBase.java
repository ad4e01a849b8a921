package org.babillard.presentation.api;

import jakarta.servlet.http.HttpServletRequest;

/** The server's absolute address, ending with "/": babillard.base-url, or the address the request came to. */
public final class OAuthBase {

    private OAuthBase() {
    }

    public static String of(HttpServletRequest request) {
        String configured = System.getProperty("babillard.base-url");
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured : configured + "/";
        }
        StringBuilder url = new StringBuilder(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        if (!(request.getScheme().equals("http") && port == 80) && !(request.getScheme().equals("https") && port == 443)) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).append('/').toString();
    }
}
