package jp.kosmo.keycloak.recovery;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Whether the onboarding offers recovery codes after a passkey or authenticator app was enrolled (required action
 * {@value RequiredActionIds#RECOVERY_CODES}, setting {@value #SETTING}): {@code off}, {@code offered} (the member may
 * skip them; the default) or {@code required}.
 */
public enum RecoveryCodesMode {
    OFF("off"), OFFERED("offered"), REQUIRED("required");

    public static final String SETTING = "kosmo.recovery-codes.onboarding";
    public static final RecoveryCodesMode DEFAULT = OFFERED;

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(SETTING)
            .label("Recovery codes in the onboarding")
            .helpText("After a passkey or authenticator app is enrolled: off, offered (the member may skip) or required.")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options("off", "offered", "required")
            .defaultValue(DEFAULT.id)
            .add()
            .build();

    private final String id;

    RecoveryCodesMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The setting's value; anything unknown or empty is the default. */
    public static RecoveryCodesMode of(Map<String, String> config) {
        String value = config == null ? null : config.get(SETTING);
        if (value == null) {
            return DEFAULT;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst().orElse(DEFAULT);
    }

    /** The realm's mode: {@link #OFF} while the required action is switched off or missing. */
    public static RecoveryCodesMode of(RealmModel realm) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(RequiredActionIds.RECOVERY_CODES);
        if (action == null || !action.isEnabled()) {
            return OFF;
        }
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(RequiredActionIds.RECOVERY_CODES);
        return of(config == null ? null : config.getConfig());
    }
}
