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
import java.util.LinkedHashMap;
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
    static final int MAX_PENDING = 5;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    PortalSessions(Clock clock) {
        this.clock = clock;
    }

    /** A login in flight: what the callback checks Keycloak's answer against. */
    record Pending(State state, Nonce nonce, CodeVerifier verifier, String language) {
    }

    /**
     * A signed-in member, from a validated ID token; {@code subject} and {@code keycloakSession} ({@code sub},
     * {@code sid}) name the Keycloak session a back-channel logout ends.
     */
    record Member(String name, String userId, List<String> amr, String acr, String chosenMethod, JWT idToken,
                  String subject, String keycloakSession) {
    }

    static final class Session {
        final String csrf;
        /** Logins in flight by their state, oldest first: a member may start one in several tabs. */
        private final Map<String, Pending> pending = new LinkedHashMap<>();
        volatile Member member;
        volatile Instant lastSeen;

        Session(String csrf, Instant now) {
            this.csrf = csrf;
            this.lastSeen = now;
        }

        /** A login has started; beyond {@value #MAX_PENDING} in flight the oldest is forgotten. */
        synchronized void expect(Pending login) {
            pending.put(login.state().getValue(), login);
            var oldest = pending.keySet().iterator();
            while (pending.size() > MAX_PENDING) {
                oldest.next();
                oldest.remove();
            }
        }

        /** The login Keycloak answers with {@code state}, once: a second answer with the same state finds nothing. */
        synchronized Optional<Pending> take(String state) {
            return state == null ? Optional.empty() : Optional.ofNullable(pending.remove(state));
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

    /**
     * Keycloak ended a session (back-channel logout): every portal session signed in with it ends too. The logout
     * names the session ({@code sid}), or only the member ({@code sub}), then all of the member's sessions end.
     *
     * @return how many portal sessions ended
     */
    int endKeycloakSession(String subject, String keycloakSession) {
        int before = sessions.size();
        sessions.values().removeIf(s -> {
            Member member = s.member;
            if (member == null) {
                return false;
            }
            return keycloakSession != null ? keycloakSession.equals(member.keycloakSession())
                    : subject != null && subject.equals(member.subject());
        });
        return before - sessions.size();
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
