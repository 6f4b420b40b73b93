package jp.kosmo.keycloak.portal;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortalSessionsTest {

    private static PortalSessions.Pending login(String state) {
        return new PortalSessions.Pending(new State(state), new Nonce(), new CodeVerifier(), "ja");
    }

    @Nested
    class LoginsInFlight {

        private final PortalSessions.Session session = new PortalSessions(Clock.systemUTC()).create().session();

        @Test
        void eachTabsLoginIsFoundByItsStateOnce() {
            session.expect(login("tab-1"));
            session.expect(login("tab-2"));
            assertEquals("tab-1", session.take("tab-1").orElseThrow().state().getValue());
            assertEquals("tab-2", session.take("tab-2").orElseThrow().state().getValue());
            assertTrue(session.take("tab-1").isEmpty(), "an answer is taken once");
        }

        @Test
        void anUnknownOrMissingStateFindsNothing() {
            session.expect(login("tab-1"));
            assertTrue(session.take("forged").isEmpty());
            assertTrue(session.take(null).isEmpty());
        }

        @Test
        void beyondTheLimitTheOldestIsForgotten() {
            for (int i = 0; i <= PortalSessions.MAX_PENDING; i++) {
                session.expect(login("tab-" + i));
            }
            assertTrue(session.take("tab-0").isEmpty());
            assertTrue(session.take("tab-" + PortalSessions.MAX_PENDING).isPresent());
        }
    }

    @Nested
    class BackChannelLogout {

        private final PortalSessions sessions = new PortalSessions(Clock.systemUTC());

        private String signedIn(String subject, String sid) {
            PortalSessions.Created created = sessions.create();
            created.session().member = new PortalSessions.Member("山田 太郎", "testuser01", java.util.List.of(), null, null,
                    null, subject, sid);
            return created.id();
        }

        @Test
        void endsThePortalSessionsOfThatKeycloakSessionOnly() {
            String phone = signedIn("member-1", "sid-phone");
            String laptop = signedIn("member-1", "sid-laptop");
            assertEquals(1, sessions.endKeycloakSession("member-1", "sid-phone"));
            assertTrue(sessions.find(phone).isEmpty());
            assertTrue(sessions.find(laptop).isPresent());
        }

        @Test
        void withoutASessionIdEndsAllOfTheMembersSessions() {
            String phone = signedIn("member-1", "sid-phone");
            String laptop = signedIn("member-1", "sid-laptop");
            String other = signedIn("member-2", "sid-other");
            assertEquals(2, sessions.endKeycloakSession("member-1", null));
            assertTrue(sessions.find(phone).isEmpty());
            assertTrue(sessions.find(laptop).isEmpty());
            assertTrue(sessions.find(other).isPresent());
        }
    }

    @Test
    void anIdleSessionIsDroppedByThePortalsClock() {
        MovableClock clock = new MovableClock();
        PortalSessions sessions = new PortalSessions(clock);
        String id = sessions.create().id();
        clock.now = clock.now.plus(PortalSessions.IDLE).plusSeconds(1);
        assertTrue(sessions.find(id).isEmpty());
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-02T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
