package jp.kosmo.keycloak.portal;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's sessions, on the server only: the browser holds nothing but a random id in the cookie
 * {@value #COOKIE} (HttpOnly, SameSite=Lax). A session is either waiting for Keycloak's answer to a login
 * ({@link Pending}) or signed in ({@link Member}). Idle sessions are dropped after {@link #IDLE}.
 */
final class PortalSessions {

    static final String COOKIE = "KOSMO_PORTAL_SESSION";
    static final Duration IDLE = Duration.ofHours(1);
    private static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    PortalSessions(Clock clock) {
        this.clock = clock;
    }

    /** A login in flight: what the callback checks Keycloak's answer against. */
    record Pending(State state, Nonce nonce, CodeVerifier verifier, String language) {
    }

    /** A signed-in member, from a validated ID token. */
    record Member(String name, String userId, List<String> amr, String acr, String chosenMethod, JWT idToken) {
    }

    static final class Session {
        final String csrf;
        volatile Pending pending;
        volatile Member member;
        volatile Instant lastSeen;

        Session(String csrf, Instant now) {
            this.csrf = csrf;
            this.lastSeen = now;
        }
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastSeen.plus(IDLE).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /** A new session and its id (for the cookie). */
    record Created(String id, Session session) {
    }

    Created create() {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> s.lastSeen.plus(IDLE).isBefore(now));
        }
        if (sessions.size() >= MAX_SESSIONS) {
            throw new IllegalStateException("too many portal sessions");
        }
        String id = randomToken();
        Session session = new Session(randomToken(), now);
        sessions.put(id, session);
        return new Created(id, session);
    }

    /** A fresh id for a session that has just signed in (no session fixation). */
    String rotate(String oldId, Session session) {
        sessions.remove(oldId);
        String id = randomToken();
        sessions.put(id, session);
        return id;
    }

    void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
