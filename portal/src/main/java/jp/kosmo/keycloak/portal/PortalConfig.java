package jp.kosmo.keycloak.portal;

import java.net.URI;

/**
 * Where the demo portal listens and which realm it signs in with.
 *
 * @param port     port on 127.0.0.1 (default {@value #DEFAULT_PORT}); the realm export's redirect URIs name 3000
 * @param issuer   the realm's issuer, e.g. {@code http://localhost:8080/realms/kosmo}; the portal reaches Keycloak at
 *                 this very address, so the issuer of the tokens matches it
 * @param clientId the realm's client for the portal ({@value #DEFAULT_CLIENT_ID}, a public client with PKCE)
 */
public record PortalConfig(int port, URI issuer, String clientId) {

    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_CLIENT_ID = "kosmo-portal";

    public PortalConfig {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("portal port must be between 1 and 65535, got " + port);
        }
        String text = issuer.toString();
        if (text.endsWith("/")) {
            issuer = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** The demo realm {@code kosmo} on a Keycloak at {@code http://localhost:<keycloakPort>}. */
    public static PortalConfig forLocalKeycloak(int port, int keycloakPort) {
        return new PortalConfig(port, URI.create("http://localhost:" + keycloakPort + "/realms/kosmo"), DEFAULT_CLIENT_ID);
    }

    /** The portal's own address as the browser sees it (the redirect URIs are registered for localhost). */
    public URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    public URI callbackUrl() {
        return URI.create(baseUrl() + "/callback");
    }

    /** Where Keycloak sends the member after logout; the language is a path segment so the wildcard URI matches. */
    public URI signedOutUrl(String language) {
        return URI.create(baseUrl() + "/signed-out/" + language);
    }

    /** The account console of the realm, where the member manages their sign-in methods. */
    public URI accountConsoleUrl() {
        return URI.create(issuer + "/account/");
    }
}
