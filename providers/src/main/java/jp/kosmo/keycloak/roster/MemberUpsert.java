package jp.kosmo.keycloak.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.kosmo.keycloak.onboarding.MemberAttributes;
import jp.kosmo.keycloak.roster.RosterRowEntity.Status;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

/**
 * Applies one roster record to the realm, keyed by 記号+番号+枝番 (attribute {@link #MEMBER_KEY}): a new key creates a
 * member with a user ID by the configured rule and an activation password; a known key updates what differs (the
 * user ID never changes; an email is only taken when the member has none, never over one the member verified); a
 * 資格喪失日 today or earlier disables the member (never deletes, never re-enables). Runs inside the caller's
 * transaction, one member per transaction; a dry run reads only.
 */
final class MemberUpsert {

    static final String MEMBER_KEY = "kosmoMemberKey";
    static final String LOSS_DATE = "kosmoLossDate";
    static final String SYMBOL = MemberAttributes.INSURANCE_SYMBOL;
    static final String NUMBER = MemberAttributes.INSURANCE_NUMBER;
    static final String BRANCH = MemberAttributes.INSURANCE_BRANCH;
    static final String BIRTHDATE = MemberAttributes.BIRTHDATE;
    static final String LAST_NAME_KANA = MemberAttributes.LAST_NAME_KANA;
    static final String FIRST_NAME_KANA = MemberAttributes.FIRST_NAME_KANA;

    record Outcome(Status status, String username, Letter letter) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RosterSettings settings;
    private final ActivationSecrets secrets;
    private final Instant now;
    private final LocalDate today;

    MemberUpsert(KeycloakSession session, RealmModel realm, RosterSettings settings, ActivationSecrets secrets,
                 Instant now, LocalDate today) {
        this.session = session;
        this.realm = realm;
        this.settings = settings;
        this.secrets = secrets;
        this.now = now;
        this.today = today;
    }

    Outcome apply(RosterRecord record, boolean dryRun) {
        Optional<UserModel> existing = session.users().searchForUserByUserAttributeStream(realm, MEMBER_KEY, record.key()).findFirst();
        boolean lost = record.lossDate() != null && !record.lossDate().isAfter(today);
        if (existing.isPresent()) {
            return update(existing.get(), record, lost, dryRun);
        }
        String username = username(record);
        if (dryRun) {
            return new Outcome(lost ? Status.DISABLED : Status.CREATED, username, null);
        }
        UserModel user = session.users().addUser(realm, username);
        user.setEnabled(!lost);
        user.setSingleAttribute(MEMBER_KEY, record.key());
        attributes(record).forEach((name, value) -> set(user, name, value));
        if (record.email() != null && session.users().getUserByEmail(realm, record.email()) == null) {
            user.setEmail(record.email());
            user.setEmailVerified(false);
        }
        if (lost) {
            return new Outcome(Status.DISABLED, username, null);
        }
        return new Outcome(Status.CREATED, username, issue(user, record));
    }

    private Outcome update(UserModel user, RosterRecord record, boolean lost, boolean dryRun) {
        Map<String, String> changes = new LinkedHashMap<>();
        attributes(record).forEach((name, value) -> {
            if (!Objects.equals(emptyToNull(value), emptyToNull(get(user, name)))) {
                changes.put(name, value);
            }
        });
        boolean takeEmail = record.email() != null && user.getEmail() == null
                && session.users().getUserByEmail(realm, record.email()) == null;
        boolean disable = lost && user.isEnabled();
        if (!dryRun) {
            changes.forEach((name, value) -> set(user, name, value));
            if (takeEmail) {
                user.setEmail(record.email());
                user.setEmailVerified(false);
            }
            if (disable) {
                user.setEnabled(false);
            }
        }
        Status status = disable ? Status.DISABLED : changes.isEmpty() && !takeEmail ? Status.UNCHANGED : Status.UPDATED;
        return new Outcome(status, user.getUsername(), null);
    }

    /** A new activation password on the member (temporary: 【9】 asks for a new one); the old one stops at once. */
    Letter issue(UserModel user, RosterRecord record) {
        String password = RosterSettings.PASSWORD_LEGACY.equals(settings.passwordRule()) && record != null
                ? record.symbol() + record.number() + record.birthdate().format(DateTimeFormatter.BASIC_ISO_DATE)
                : secrets.password();
        user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        Instant expiresAt = now.plus(settings.activationLifetime());
        ActivationPassword.mark(user, expiresAt);
        String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
        return new Letter(name, user.getUsername(), password, expiresAt);
    }

    private String username(RosterRecord record) {
        if (RosterSettings.USER_ID_CARD.equals(settings.userIdRule())) {
            return (record.symbol() + "-" + record.number() + "-" + record.branch()).toLowerCase(java.util.Locale.ROOT);
        }
        return secrets.userId(candidate -> session.users().getUserByUsername(realm, candidate) != null);
    }

    private static Map<String, String> attributes(RosterRecord r) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(UserModel.LAST_NAME, r.lastName());
        values.put(UserModel.FIRST_NAME, r.firstName());
        values.put(LAST_NAME_KANA, r.lastNameKana());
        values.put(FIRST_NAME_KANA, r.firstNameKana());
        values.put(SYMBOL, r.symbol());
        values.put(NUMBER, r.number());
        values.put(BRANCH, r.branch());
        values.put(BIRTHDATE, r.birthdate().toString());
        values.put(LOSS_DATE, r.lossDate() == null ? "" : r.lossDate().toString());
        return values;
    }

    private static String get(UserModel user, String name) {
        return switch (name) {
            case UserModel.LAST_NAME -> user.getLastName();
            case UserModel.FIRST_NAME -> user.getFirstName();
            default -> user.getFirstAttribute(name);
        };
    }

    private static void set(UserModel user, String name, String value) {
        String v = emptyToNull(value);
        switch (name) {
            case UserModel.LAST_NAME -> user.setLastName(v);
            case UserModel.FIRST_NAME -> user.setFirstName(v);
            default -> {
                if (v == null) {
                    user.removeAttribute(name);
                } else {
                    user.setSingleAttribute(name, v);
                }
            }
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
