package jp.kosmo.keycloak.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

class BuiltInRequestTest {

    private static final String OURS = RequiredActionIds.UPDATE_PASSWORD;
    private static final String BUILT_IN = RequiredActionIds.KEYCLOAK_UPDATE_PASSWORD;
    private static final BuiltInRequest REQUEST = BuiltInRequest.of(OURS, BUILT_IN);

    @Nested
    @DisplayName("the built-in action is pending")
    class Pending {

        @Test
        @DisplayName("when it is on the member (temporary password, admin)")
        void onMember() {
            assertTrue(REQUEST.isPending(Stream.of("kosmo-terms", BUILT_IN), Set.of(), null));
        }

        @Test
        @DisplayName("when it is on the authentication session (the reset flow's Reset Password)")
        void onSession() {
            assertTrue(REQUEST.isPending(Stream.empty(), Set.of(BUILT_IN), null));
        }

        @Test
        @DisplayName("not when nobody asked for it")
        void notAsked() {
            assertFalse(REQUEST.isPending(Stream.of(OURS, "CONFIGURE_TOTP"), Set.of("kosmo-terms"), null));
        }

        @Test
        @DisplayName("not when an application asked for it (kc_action): Keycloak runs the built-in itself")
        void applicationInitiated() {
            assertFalse(REQUEST.isPending(Stream.of(BUILT_IN), Set.of(BUILT_IN), BUILT_IN));
            assertTrue(REQUEST.isPending(Stream.of(BUILT_IN), Set.of(), "CONFIGURE_TOTP"));
        }
    }

    @Nested
    @DisplayName("taking over (evaluateTriggers)")
    class TakeOver {

        @Test
        @DisplayName("asks for our action in the authentication session and writes nothing on the member")
        void asksInSession() {
            Fake fake = new Fake(RequiredActionContext.Status.CHALLENGE);
            fake.memberActions.add(BUILT_IN);
            REQUEST.takeOver(fake.context());
            assertEquals(Set.of(OURS), fake.sessionActions);
            assertEquals(Set.of(BUILT_IN), fake.memberActions);
            assertEquals(0, fake.memberWrites);
        }

        @Test
        @DisplayName("leaves an application-initiated request (kc_action client note) to Keycloak")
        void kcActionNote() {
            Fake fake = new Fake(RequiredActionContext.Status.CHALLENGE);
            fake.memberActions.add(BUILT_IN);
            fake.clientNotes.put(Constants.KC_ACTION, BUILT_IN);
            REQUEST.takeOver(fake.context());
            assertEquals(Set.of(), fake.sessionActions);
        }

        @Test
        @DisplayName("does nothing when the built-in is not pending")
        void nothingPending() {
            Fake fake = new Fake(RequiredActionContext.Status.CHALLENGE);
            REQUEST.takeOver(fake.context());
            assertEquals(Set.of(), fake.sessionActions);
        }
    }

    @Nested
    @DisplayName("settling (after our page)")
    class Settle {

        @Test
        @DisplayName("on success removes the built-in's request from member and authentication session")
        void success() {
            Fake fake = new Fake(RequiredActionContext.Status.SUCCESS);
            fake.memberActions.add(BUILT_IN);
            fake.sessionActions.add(BUILT_IN);
            fake.sessionActions.add(OURS);
            REQUEST.settle(fake.context());
            assertEquals(Set.of(), fake.memberActions);
            assertEquals(Set.of(OURS), fake.sessionActions, "our own request is Keycloak's to remove");
        }

        @Test
        @DisplayName("while the page is shown again (wrong input) keeps the built-in's request")
        void challenge() {
            Fake fake = new Fake(RequiredActionContext.Status.CHALLENGE);
            fake.memberActions.add(BUILT_IN);
            fake.sessionActions.add(BUILT_IN);
            REQUEST.settle(fake.context());
            assertEquals(Set.of(BUILT_IN), fake.memberActions);
            assertEquals(Set.of(BUILT_IN), fake.sessionActions);
        }
    }

    /** The member's and the authentication session's required actions, behind interface proxies. */
    private static final class Fake {

        final Set<String> memberActions = new LinkedHashSet<>();
        final Set<String> sessionActions = new LinkedHashSet<>();
        final Map<String, String> clientNotes = new HashMap<>();
        final RequiredActionContext.Status status;
        int memberWrites;

        Fake(RequiredActionContext.Status status) {
            this.status = status;
        }

        RequiredActionContext context() {
            UserModel user = proxy(UserModel.class, (method, args) -> switch (method) {
                case "getRequiredActionsStream" -> memberActions.stream();
                case "removeRequiredAction" -> {
                    memberWrites++;
                    memberActions.remove(args[0].toString());
                    yield null;
                }
                case "addRequiredAction" -> {
                    memberWrites++;
                    memberActions.add(args[0].toString());
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method);
            });
            AuthenticationSessionModel authSession = proxy(AuthenticationSessionModel.class, (method, args) -> switch (method) {
                case "getRequiredActions" -> Set.copyOf(sessionActions);
                case "addRequiredAction" -> {
                    sessionActions.add(args[0].toString());
                    yield null;
                }
                case "removeRequiredAction" -> {
                    sessionActions.remove(args[0].toString());
                    yield null;
                }
                case "getClientNote" -> clientNotes.get(args[0].toString());
                default -> throw new UnsupportedOperationException(method);
            });
            return proxy(RequiredActionContext.class, (method, args) -> switch (method) {
                case "getUser" -> user;
                case "getAuthenticationSession" -> authSession;
                case "getStatus" -> status;
                default -> throw new UnsupportedOperationException(method);
            });
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, Handler handler) {
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (self, method, args) -> handler.handle(method.getName(), args));
        }

        @FunctionalInterface
        private interface Handler {
            Object handle(String method, Object[] args);
        }
    }
}
