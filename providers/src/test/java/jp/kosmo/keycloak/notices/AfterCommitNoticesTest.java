package jp.kosmo.keycloak.notices;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSessionFactory;

class AfterCommitNoticesTest {

    /** Counts the sessions asked for and fails every one of them, as a broken mail or database path would. */
    private final AtomicInteger sessionsAsked = new AtomicInteger();
    private final KeycloakSessionFactory failing = (KeycloakSessionFactory) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {KeycloakSessionFactory.class}, (proxy, method, args) -> {
                if (method.getName().equals("create")) {
                    sessionsAsked.incrementAndGet();
                }
                throw new IllegalStateException("no session today");
            });

    private static NoticeDelivery delivery(String userId) {
        return new NoticeDelivery(new Notice(Notice.Kind.CHANGE_REQUESTED, "old@example.com", "n***@example.org"),
                "realm-id", userId, "ja", 0L);
    }

    @Nested
    @DisplayName("when the member's request commits")
    class Commit {

        @Test
        @DisplayName("each notice is sent in a session of its own; one that fails neither stops the others nor throws")
        void failuresStayInside() {
            AfterCommitNotices notices = new AfterCommitNotices(failing);
            notices.begin();
            notices.add(delivery("a"));
            notices.add(delivery("b"));
            assertDoesNotThrow(notices::commit);
            assertEquals(2, sessionsAsked.get());
        }

        @Test
        @DisplayName("sent right away (no request transaction), a failure does not throw either")
        void sendNow() {
            assertDoesNotThrow(() -> AfterCommitNotices.sendNow(failing, delivery("c")));
            assertEquals(1, sessionsAsked.get());
        }
    }

    @Nested
    @DisplayName("when the member's request rolls back")
    class Rollback {

        @Test
        @DisplayName("no notice is sent")
        void nothingSent() {
            AfterCommitNotices notices = new AfterCommitNotices(failing);
            notices.begin();
            notices.add(delivery("a"));
            notices.rollback();
            assertEquals(0, sessionsAsked.get());
        }
    }
}
