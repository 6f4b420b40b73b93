package jp.kosmo.keycloak.terms;

import java.util.List;
import java.util.regex.Pattern;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The settings of the required action {@code kosmo-terms} as the admin console shows them (Authentication →
 * Required actions → gear icon). Names, defaults and the accepted shape of a version live here and only here;
 * {@link TermsConfig} reads them. Labels and help texts are message keys of {@code theme-resources/messages}.
 */
public final class TermsConfigProperties {

    /** The current terms version; members whose accepted version differs are asked at their next login. */
    public static final String VERSION = "kosmo.terms.version";
    public static final String DEFAULT_VERSION = "1";

    /** Longest version an admin may set; the database column holds exactly this many characters. */
    public static final int MAX_VERSION_LENGTH = 64;

    /**
     * Letters, digits, dot, hyphen and underscore, starting with a letter or digit: "1", "2", "2025-04", "v1.2".
     * Versions appear in admin REST paths and CSV files, so they are kept free of spaces and separators.
     */
    private static final Pattern VERSION_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_VERSION_LENGTH - 1) + "}");

    /** Message key of the admin console's error for a version that does not have that shape. */
    public static final String INVALID_VERSION_MESSAGE = "kosmoAdminTermsVersionInvalid";

    public static final List<ProviderConfigProperty> CONFIG_PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
                .name(VERSION)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("kosmoAdminTermsVersion")
                .helpText("kosmoAdminTermsVersionHelp")
                .defaultValue(DEFAULT_VERSION)
                .required(true)
                .add()
            .build();

    private TermsConfigProperties() {
    }

    /** True when an admin may set {@code version} as the current terms version. */
    public static boolean isValidVersion(String version) {
        return version != null && VERSION_SHAPE.matcher(version).matches();
    }
}
