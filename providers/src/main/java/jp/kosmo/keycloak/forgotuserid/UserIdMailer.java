package jp.kosmo.keycloak.forgotuserid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Sends a member their user ID with a link to the login page ({@code kosmo} email theme, ja/en, HTML + text). */
final class UserIdMailer {

    static final String TEMPLATE = "kosmo-forgot-user-id.ftl";
    static final String SUBJECT = "kosmoForgotUserIdSubject";

    private UserIdMailer() {
    }

    static void send(KeycloakSession session, RealmModel realm, UserModel user, String loginUrl) throws EmailException {
        // Keycloak adds its own entries to this map, so it must be mutable
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("userId", user.getUsername());
        attributes.put("loginUrl", loginUrl);
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(SUBJECT, List.of(), TEMPLATE, attributes);
    }
}
