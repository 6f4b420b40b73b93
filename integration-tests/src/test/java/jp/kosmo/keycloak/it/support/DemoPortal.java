package jp.kosmo.keycloak.it.support;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jp.kosmo.keycloak.portal.PortalConfig;
import jp.kosmo.keycloak.portal.PortalServer;
import org.keycloak.common.util.Time;

/**
 * The demo portal "KOSMO Web" (portal/) where the members' stories start and end, as in the manual: one per test
 * JVM, on 127.0.0.1:{@value PortalConfig#DEFAULT_PORT} (the redirect URI of client {@code kosmo-portal} in the realm
 * export), started by the first test that needs it and stopped with the JVM.
 *
 * <p>It runs on {@link ServerClock}'s time: the tests move the server's clock (the framework's time offset, which
 * this JVM's {@link Time} carries too), and the portal judges the ID tokens' expiry and issue time and its own
 * sessions' idle time by the same clock, as a portal beside a real Keycloak would by the shared wall clock.
 */
public final class DemoPortal {

    private static PortalServer portal;
    private static URI issuer;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(DemoPortal::stop, "kosmo-demo-portal-stop"));
    }

    private DemoPortal() {
    }

    /**
     * The portal's top page for {@code urls}' server, started when not yet running. A test of another server (the
     * cluster and restart proofs start their own) gets a portal of its own realm in its place, on the same port.
     */
    public static synchronized URI topPage(KosmoUrls urls) {
        URI realm = URI.create(urls.realm(Browser.REALM));
        if (portal != null && !realm.equals(issuer)) {
            stop();
        }
        if (portal == null) {
            PortalConfig config = new PortalConfig(PortalConfig.DEFAULT_PORT, realm, PortalConfig.DEFAULT_CLIENT_ID);
            portal = PortalServer.start(config, new ServerTime());
            issuer = realm;
        }
        return portal.url();
    }

    /**
     * Forgets the running portal, so that the next story starts one that knows no keys yet. The test framework imports
     * the realm afresh for each test class, with new signing keys; the portal fetches a realm's keys again when a token
     * names an unknown key, but (Nimbus' rate limit against forced refetches) not twice within 30 s, so a class that
     * follows another within that time would have its first logins refused. A real realm changes its keys far more
     * rarely.
     */
    public static synchronized void forNewRealm() {
        stop();
    }

    private static synchronized void stop() {
        if (portal != null) {
            portal.stop();
            portal = null;
            issuer = null;
        }
    }

    /** Keycloak's {@link Time} (epoch seconds plus the tests' offset) as a {@link Clock}, to the millisecond. */
    static final class ServerTime extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the server's time has no zone");
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(Time.currentTimeMillis());
        }
    }
}
