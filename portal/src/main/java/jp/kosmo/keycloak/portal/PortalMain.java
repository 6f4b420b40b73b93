package jp.kosmo.keycloak.portal;

/**
 * Starts the portal alone: {@code java -cp … jp.kosmo.keycloak.portal.PortalMain [port] [keycloak-port]} (defaults
 * 3000 and 8080). {@code ./run.sh} starts it together with Keycloak instead.
 */
public final class PortalMain {

    private PortalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : PortalConfig.DEFAULT_PORT;
        int keycloakPort = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        PortalServer portal = PortalServer.start(PortalConfig.forLocalKeycloak(port, keycloakPort));
        System.out.println("KOSMO Web demo portal on " + portal.url());
        Runtime.getRuntime().addShutdownHook(new Thread(portal::stop, "kosmo-portal-stop"));
        Thread.currentThread().join();
    }
}
