package org.babillard.api.boundary;

/** A token just issued: the only time its value is known outside the client. */
public record IssuedToken(String accessToken, String scope, long createdAt) {
}
