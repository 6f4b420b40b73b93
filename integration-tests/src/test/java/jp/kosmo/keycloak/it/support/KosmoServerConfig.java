package jp.kosmo.keycloak.it.support;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration shared by all test classes (same class = same server, started once):
 * our providers and themes jars deployed into the Keycloak 26.7.5 distribution, and the password blocklist the
 * realm's {@code passwordBlacklist(kosmo-common-passwords.txt)} policy names. The test server lowers the floor of
 * the code mails' resend cooldown to 1 s (server option {@code code-cooldown-floor-seconds} of the two providers
 * that mail codes), for the tests that send more mails within one code's lifetime than the design's 60 s allow.
 * Other waits move the server clock ({@link ServerClock}). Metrics are on ({@code --metrics-enabled=true}), so
 * {@code MetricsIT} reads the {@code kosmo_…} counters on the management interface.
 */
public final class KosmoServerConfig implements KeycloakServerConfig {

    public static final String GROUP_ID = "jp.kosmo.keycloak";

    /** Copied from password-blocklist/ by this module's test resources (integration-tests/pom.xml). */
    public static final String BLOCKLIST_RESOURCE = "/password-blacklists/kosmo-common-passwords.txt";

    /** CodeBounds.COOLDOWN_FLOOR_OPTION of the providers jar. */
    static final String COOLDOWN_FLOOR_OPTION = "code-cooldown-floor-seconds";

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency(GROUP_ID, "kosmo-keycloak-providers")
                .dependency(GROUP_ID, "kosmo-keycloak-themes")
                // Keycloak's metrics on the management interface (port 9000, /metrics): MetricsIT reads our counters
                .option("metrics-enabled", "true")
                // --spi-password-policy--password-blacklist--blacklists-path: the folder Keycloak reads the list from
                .spiOption("password-policy", "password-blacklist", "blacklists-path", blocklistFolder().toString())
                // --spi-authenticator--kosmo-email-otp--code-cooldown-floor-seconds and the same for the email gate
                .spiOption("authenticator", "kosmo-email-otp", COOLDOWN_FLOOR_OPTION, "1")
                .spiOption("required-action", "kosmo-verified-email", COOLDOWN_FLOOR_OPTION, "1");
    }

    static Path blocklistFolder() {
        URL list = KosmoServerConfig.class.getResource(BLOCKLIST_RESOURCE);
        if (list == null) {
            throw new IllegalStateException(BLOCKLIST_RESOURCE + " is not on the test classpath (mvn process-test-resources)");
        }
        try {
            return Path.of(list.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
