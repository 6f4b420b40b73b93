package jp.kosmo.keycloak.roster;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.models.RealmModel;

/**
 * The roster import's settings, read from realm attributes {@code kosmo.roster.*} (set with
 * {@code kcadm.sh update realms/kosmo -s 'attributes."kosmo.roster.activation-lifetime"=P60D'}); every one has a
 * default, and an invalid value falls back to it.
 *
 * @param columns          the CSV header of each field ({@code kosmo.roster.column.<field>})
 * @param activationLifetime how long an activation password works ({@code kosmo.roster.activation-lifetime}, ISO-8601
 *                         duration, default {@code P90D})
 * @param userIdRule       {@code random} (default: 8 characters without look-alikes) or {@code card} (記号-番号-枝番)
 * @param passwordRule     {@code random} (default) or {@code legacy-card} (記号+番号+生年月日: guessable, see the
 *                         admin guide)
 * @param unionName        the union's name on the letters ({@code kosmo.roster.union-name}, default the realm's
 *                         display name)
 * @param loginUrl         the address on the letters and in their QR code ({@code kosmo.roster.login-url}, default the
 *                         realm's account console)
 */
public record RosterSettings(Map<Field, String> columns, Duration activationLifetime, String userIdRule,
                             String passwordRule, String unionName, String loginUrl) {

    public static final String PREFIX = "kosmo.roster.";
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    public static final String RULE_RANDOM = "random";
    public static final String USER_ID_CARD = "card";
    public static final String PASSWORD_LEGACY = "legacy-card";
    /** Told to the admin with every import while {@link #PASSWORD_LEGACY} is set (admin guide: the same warning). */
    public static final String LEGACY_WARNING = "kosmo.roster.password-rule is legacy-card: the initial passwords are"
            + " 記号+番号+生年月日 and can be guessed by anyone who has seen the member's insurance card; use it only for a"
            + " transition, with a short kosmo.roster.activation-lifetime";
    /** The refusal of an import with {@link #PASSWORD_LEGACY} while the realm's password policy forbids the birthdate. */
    public static final String LEGACY_CONFLICT = "kosmo.roster.password-rule is legacy-card, but the realm's password"
            + " policy kosmo-not-birthdate refuses passwords that hold the birthdate, as every legacy password does:"
            + " use the random rule, or take kosmo-not-birthdate out of the policy for the transition";

    /** The fields of a roster row, with their default header. */
    public enum Field {
        SYMBOL("記号"), NUMBER("番号"), BRANCH("枝番"), NAME("氏名"), NAME_KANA("氏名カナ"), BIRTHDATE("生年月日"),
        EMAIL("メールアドレス"), LOSS_DATE("資格喪失日");

        private final String defaultHeader;

        Field(String defaultHeader) {
            this.defaultHeader = defaultHeader;
        }

        public String defaultHeader() {
            return defaultHeader;
        }

        String attribute() {
            return PREFIX + "column." + name().toLowerCase().replace('_', '-');
        }
    }

    public static RosterSettings of(RealmModel realm, String defaultLoginUrl) {
        Map<Field, String> columns = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            String header = realm.getAttribute(field.attribute());
            columns.put(field, header == null || header.isBlank() ? field.defaultHeader() : header.strip());
        }
        String union = realm.getAttribute(PREFIX + "union-name");
        if (union == null || union.isBlank()) {
            union = realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName();
        }
        String login = realm.getAttribute(PREFIX + "login-url");
        return new RosterSettings(Map.copyOf(columns), lifetime(realm.getAttribute(PREFIX + "activation-lifetime")),
                USER_ID_CARD.equals(realm.getAttribute(PREFIX + "user-id-rule")) ? USER_ID_CARD : RULE_RANDOM,
                PASSWORD_LEGACY.equals(realm.getAttribute(PREFIX + "password-rule")) ? PASSWORD_LEGACY : RULE_RANDOM,
                union, login == null || login.isBlank() ? defaultLoginUrl : login.strip());
    }

    static Duration lifetime(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIFETIME;
        }
        try {
            Duration parsed = Duration.parse(value.strip());
            return parsed.isNegative() || parsed.isZero() ? DEFAULT_LIFETIME : parsed;
        } catch (DateTimeParseException e) {
            return DEFAULT_LIFETIME;
        }
    }

    public String header(Field field) {
        return columns.get(field);
    }
}
