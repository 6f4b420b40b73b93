package jp.kosmo.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;

/** What a realm admin does through the admin REST API, as the tests need it. */
public final class Members {

    public static final String BROWSER_FLOW = "kosmo browser";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final RealmResource realm;

    public Members(RealmResource realm) {
        this.realm = realm;
    }

    public RealmResource realm() {
        return realm;
    }

    /**
     * A new member with a unique user ID, a non-temporary password, unless null a birthdate on file, and a verified
     * email ({@code <user ID>@example.com}), so that the verified-email gate 【5】-【7】 lets them through.
     */
    public String create(String prefix, String birthdate, String password) {
        return create(prefix, birthdate, password, user -> {
            user.setEmail(user.getUsername() + "@example.com");
            user.setEmailVerified(true);
        });
    }

    /** Like {@link #create(String, String, String)} without an email, changed by {@code adjust} before it is created. */
    public String create(String prefix, String birthdate, String password, Consumer<UserRepresentation> adjust) {
        String username = prefix + "-" + System.currentTimeMillis() % 100000 + "-" + SEQ.incrementAndGet();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("Test");
        user.setLastName("Member");
        Map<String, List<String>> attributes = new HashMap<>();
        if (birthdate != null) {
            attributes.put("birthdate", List.of(birthdate));
        }
        user.setAttributes(attributes);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        adjust.accept(user);
        try (Response response = realm.users().create(user)) {
            assertEquals(201, response.getStatus(), "create member " + username);
        }
        return username;
    }

    /**
     * A member as the union's letter creates them: a temporary initial password (Keycloak asks for a new one,
     * 【9】), a birthdate on file and, unless null, a verified email address.
     */
    public String createLetterMember(String prefix, String birthdate, String initialPassword, String email) {
        String username = create(prefix, birthdate, initialPassword);
        UserRepresentation user = find(username);
        if (email != null) {
            user.setEmail(email.replace("@", "+" + username + "@"));
            user.setEmailVerified(true);
        }
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        realm.users().get(user.getId()).update(user);
        return username;
    }

    public List<CredentialRepresentation> credentials(String username) {
        return user(username).credentials();
    }

    public UserRepresentation find(String username) {
        return realm.users().search(username, true).get(0);
    }

    public UserResource user(String username) {
        return realm.users().get(find(username).getId());
    }

    public String attribute(String username, String name) {
        Map<String, List<String>> attributes = find(username).getAttributes();
        List<String> values = attributes == null ? null : attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, Object> bruteForceStatus(String username) {
        return realm.attackDetection().bruteForceUserStatus(find(username).getId());
    }

    /** Brute-force bookkeeping runs on Keycloak's own executor: wait until the status satisfies the check. */
    public Map<String, Object> awaitBruteForceStatus(String username, Predicate<Map<String, Object>> check) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        Map<String, Object> status = bruteForceStatus(username);
        while (!check.test(status) && Instant.now().isBefore(until)) {
            sleep(200);
            status = bruteForceStatus(username);
        }
        return status;
    }

    public void unlock(String username) {
        realm.attackDetection().clearBruteForceForUser(find(username).getId());
    }

    public List<EventRepresentation> events(String username, String type) {
        return realm.getEvents(List.of(type), null, find(username).getId(), null, null, null, 0, 100);
    }

    /** Changes the kosmo-birthdate execution's configuration; returns the previous values to restore. */
    public Map<String, String> configureBirthdate(Map<String, String> changes) {
        return configureExecution("kosmo-birthdate", changes);
    }

    /** Changes the configuration of the execution of this authenticator in the kosmo browser flow. */
    public Map<String, String> configureExecution(String providerId, Map<String, String> changes) {
        AuthenticationExecutionInfoRepresentation execution = realm.flows().getExecutions(BROWSER_FLOW).stream()
                .filter(e -> providerId.equals(e.getProviderId()))
                .findFirst().orElseThrow();
        AuthenticatorConfigRepresentation config = realm.flows().getAuthenticatorConfig(execution.getAuthenticationConfig());
        Map<String, String> previous = Map.copyOf(config.getConfig());
        Map<String, String> next = new java.util.HashMap<>(previous);
        next.putAll(changes);
        config.setConfig(next);
        realm.flows().updateAuthenticatorConfig(config.getId(), config);
        return previous;
    }

    /** Changes the configuration of a required action (by alias); returns the previous values to restore. */
    public Map<String, String> configureRequiredAction(String alias, Map<String, String> changes) {
        RequiredActionConfigRepresentation config = realm.flows().getRequiredActionConfig(alias);
        Map<String, String> previous = config.getConfig() == null ? Map.of() : Map.copyOf(config.getConfig());
        Map<String, String> next = new HashMap<>(previous);
        next.putAll(changes);
        config.setConfig(next);
        realm.flows().updateRequiredActionConfig(alias, config);
        return previous;
    }

    /** Puts the required action's configuration back as it was (as returned by {@link #configureRequiredAction}). */
    public void restoreRequiredAction(String alias, Map<String, String> previous) {
        RequiredActionConfigRepresentation config = realm.flows().getRequiredActionConfig(alias);
        config.setConfig(new HashMap<>(previous));
        realm.flows().updateRequiredActionConfig(alias, config);
    }

    /** Sets a realm attribute (e.g. an action-token lifespan override); returns the previous value, null if none. */
    public String setRealmAttribute(String name, String value) {
        RealmRepresentation rep = realm.toRepresentation();
        Map<String, String> attributes = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
        String previous = attributes.get(name);
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
        rep.setAttributes(attributes);
        realm.update(rep);
        return previous;
    }

    public void update(String username, Consumer<UserRepresentation> change) {
        UserResource user = user(username);
        UserRepresentation rep = user.toRepresentation();
        change.accept(rep);
        user.update(rep);
    }

    public List<UserSessionRepresentation> sessions(String username) {
        return user(username).getUserSessions();
    }

    /**
     * Switches a required action on or off in this test class's realm. Tests that look at one onboarding page
     * alone switch off the ones after it (each class imports its own copy of the realm).
     */
    public void enableRequiredAction(String alias, boolean enabled) {
        var action = realm.flows().getRequiredAction(alias);
        action.setEnabled(enabled);
        realm.flows().updateRequiredAction(alias, action);
    }

    /** The longest pause a test may take (TestSourceRulesTest checks every call): longer waits move the server clock. */
    public static final long MAX_SLEEP_MILLIS = 1000;

    /** A short pause (at most {@link #MAX_SLEEP_MILLIS}), e.g. between two polls of the admin API. */
    public static void sleep(long millis) {
        if (millis > MAX_SLEEP_MILLIS) {
            throw new IllegalArgumentException(millis + " ms: move the server clock (ServerClock) instead of sleeping");
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
