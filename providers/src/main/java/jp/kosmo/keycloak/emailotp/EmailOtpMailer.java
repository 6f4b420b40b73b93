package jp.kosmo.keycloak.emailotp;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.time.MembersZone;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Sends one code (in the background, {@link CodeMail}) to the member's verified address (given explicitly: never whatever the user model holds now) with the {@code kosmo} email theme (ja/en, HTML + text). */
public final class EmailOtpMailer {

    static final String TEMPLATE = "kosmo-email-otp.ftl";
    static final String SUBJECT = "kosmoEmailOtpSubject";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private EmailOtpMailer() {
    }

    public static void send(KeycloakSession session, RealmModel realm, UserModel user, String address, String code,
                            int lifetimeSeconds, long expiresAtEpochSeconds) throws EmailException {
        // Keycloak adds its own entries to this map, so it must be mutable
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("code", code);
        attributes.put("ttlMinutes", Math.max(1, lifetimeSeconds / 60));
        attributes.put("expiresAt", CLOCK.format(MembersZone.of(realm).at(Instant.ofEpochSecond(expiresAtEpochSeconds))));
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(SUBJECT, List.of(), TEMPLATE, attributes, address);
    }
}
