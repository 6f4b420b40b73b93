package jp.kosmo.keycloak.it.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

/** What a realm admin sets for the terms of use through the admin REST API, as the tests need it. */
public final class TermsSettings {

    public static final String ACTION = "kosmo-terms";
    public static final String VERSION = "kosmo.terms.version";

    private final RealmResource realm;

    public TermsSettings(RealmResource realm) {
        this.realm = realm;
    }

    public String version() {
        return realm.flows().getRequiredActionConfig(ACTION).getConfig().get(VERSION);
    }

    /** Sets the current terms version on the required action's configuration; returns the previous one. */
    public String setVersion(String version) {
        RequiredActionConfigRepresentation config = realm.flows().getRequiredActionConfig(ACTION);
        String previous = config.getConfig().get(VERSION);
        Map<String, String> next = new HashMap<>(config.getConfig());
        next.put(VERSION, version);
        config.setConfig(next);
        realm.flows().updateRequiredActionConfig(ACTION, config);
        return previous;
    }

    /** Gives a user of the realm the realm-management role {@code view-users} (and nothing else). */
    public void grantViewUsers(String userId) {
        ClientRepresentation management = realm.clients().findByClientId("realm-management").get(0);
        RoleRepresentation viewUsers = realm.clients().get(management.getId()).roles().get("view-users").toRepresentation();
        realm.users().get(userId).roles().clientLevel(management.getId()).add(List.of(viewUsers));
    }
}
