package jp.kosmo.keycloak.it.support;

import java.net.URI;

import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The addresses the tests use, all built on the test framework's {@link KeycloakUrls} (injected with
 * {@code @InjectKeycloakUrls}), so no test names a host or a port.
 */
public record KosmoUrls(String base) {

    public KosmoUrls(KeycloakUrls urls) {
        this(trimSlash(urls.getBase()));
    }

    /** {@code <base>/realms/<realm>} */
    public String realm(String realm) {
        return base + "/realms/" + realm;
    }

    /** The portal (account console) of the kosmo realm, with its trailing slash. */
    public String account() {
        return account(Browser.REALM);
    }

    public String account(String realm) {
        return realm(realm) + "/account/";
    }

    public String adminConsole() {
        return base + "/admin/";
    }

    /** {@code <base>/admin/realms/<realm>} (the admin REST API of a realm). */
    public String adminRealm(String realm) {
        return base + "/admin/realms/" + realm;
    }

    /** An address on the server: {@code path} starts with a slash. */
    public URI at(String path) {
        return URI.create(base + path);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
