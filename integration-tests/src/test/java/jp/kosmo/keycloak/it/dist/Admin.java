package jp.kosmo.keycloak.it.dist;

import java.util.HashMap;
import java.util.Map;

import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.Members;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/** The bootstrap admin of a started server, on the kosmo realm, through the admin REST API of one address. */
public final class Admin implements AutoCloseable {

    private final Keycloak client;

    private Admin(Keycloak client) {
        this.client = client;
    }

    /** Signs in at {@code baseUrl} (a node itself, or the proxy in front of the nodes). */
    public static Admin at(String baseUrl) {
        return new Admin(Keycloak.getInstance(baseUrl, "master", KeycloakNode.ADMIN_USER, KeycloakNode.ADMIN_PASSWORD, "admin-cli"));
    }

    public RealmResource realm() {
        return client.realm(Browser.REALM);
    }

    /** Every realm of the server (master and ours). */
    public java.util.List<RealmRepresentation> realms() {
        return client.realms().findAll();
    }

    public Members members() {
        return new Members(realm());
    }

    /** Points the realm's mail at a sink on 127.0.0.1 (the demo realm says localhost:1025, ./run.sh's sink). */
    public void smtpTo(int port) {
        RealmRepresentation rep = realm().toRepresentation();
        Map<String, String> smtp = new HashMap<>(rep.getSmtpServer());
        smtp.put("host", "127.0.0.1");
        smtp.put("port", String.valueOf(port));
        rep.setSmtpServer(smtp);
        realm().update(rep);
    }

    public String smtpPort() {
        return realm().toRepresentation().getSmtpServer().get("port");
    }

    @Override
    public void close() {
        client.close();
    }
}
