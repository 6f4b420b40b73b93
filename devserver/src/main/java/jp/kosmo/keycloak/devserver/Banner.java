package jp.kosmo.keycloak.devserver;

/** The "everything is up" message with the URLs a newcomer needs. */
final class Banner {

    private Banner() {
    }

    static String ready(String keycloakVersion, int httpPort, int managementPort, int smtpPort, int mailWebPort,
                        String portalUrl,
                        String dataLocation) {
        String base = "http://localhost:" + httpPort;
        String rule = "=".repeat(78);
        return "\n" + rule + "\n"
                + "  kosmo-keycloak is ready   (" + keycloakVersion + ", dev mode)\n"
                + "\n"
                + "  Portal KOSMO Web (demo):     " + portalUrl + "   (member login, top page, logout)\n"
                + "  Account console:             " + base + "/realms/kosmo/account   (realm kosmo)\n"
                + "  Demo member:                 testuser01 — see README for the initial password\n"
                + "\n"
                + "  Admin console:               " + base + "/admin/\n"
                + "                               master realm admin: " + KeycloakProcess.ADMIN_USER
                + " / " + KeycloakProcess.ADMIN_PASSWORD + "\n"
                + "\n"
                + "  Metrics (Prometheus text):   http://localhost:" + managementPort + "/metrics   (kosmo_*, keycloak_*)\n"
                + "\n"
                + "  Mailbox (all mail sent):     http://localhost:" + mailWebPort + "/\n"
                + "                               SMTP sink 127.0.0.1:" + smtpPort
                + "; mails are also printed here\n"
                + "\n"
                + "  Data kept in " + dataLocation + "\n"
                + "  (./run.sh --reset starts from a fresh database). Stop everything with Ctrl-C.\n"
                + rule + "\n";
    }
}
