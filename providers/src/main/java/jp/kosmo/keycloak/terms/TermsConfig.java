package jp.kosmo.keycloak.terms;

import static jp.kosmo.keycloak.terms.TermsConfigProperties.DEFAULT_VERSION;
import static jp.kosmo.keycloak.terms.TermsConfigProperties.VERSION;

import java.util.Map;

import org.keycloak.models.RequiredActionConfigModel;

/**
 * Typed view of the {@code kosmo-terms} required action's configuration. Without configuration (or with a blank
 * version, which the admin console refuses but a hand-written realm import could contain) the version is
 * {@value TermsConfigProperties#DEFAULT_VERSION}.
 */
public record TermsConfig(String version) {

    public static final TermsConfig DEFAULTS = of(Map.of());

    public static TermsConfig of(RequiredActionConfigModel model) {
        return model == null || model.getConfig() == null ? DEFAULTS : of(model.getConfig());
    }

    static TermsConfig of(Map<String, String> config) {
        String value = config.get(VERSION);
        return new TermsConfig(value == null || value.isBlank() ? DEFAULT_VERSION : value.trim());
    }

    /** True when a member who accepted {@code acceptedVersion} (null: never) must accept the current terms. */
    public boolean needsAcceptance(String acceptedVersion) {
        return acceptedVersion == null || !version.equals(acceptedVersion.trim());
    }
}
