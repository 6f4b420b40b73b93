package jp.kosmo.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MailedCodeTest {

    private static final long T0 = 2_000_000;
    private final MapCodeStore store = new MapCodeStore();
    private final MailedCode mailed = new MailedCode(store, "login-code", 600, 60, 3);
    /** The mails handed over to be sent after the request (none is sent here). */
    private final List<MailedCode.Pending> queued = new ArrayList<>();
    private final Map<String, IssuedCode> kept = new HashMap<>();

    private MailedCode.Result send(long now) {
        return mailed.send("member-1", now, queued::add, (user, code, at) -> kept.put(user, code));
    }

    @Nested
    @DisplayName("queued")
    class Queued {
        @Test
        @DisplayName("the queued mail carries the kept code; the code is kept before the mail goes")
        void theQueuedCodeIsTheKeptOne() {
            MailedCode.Result result = send(T0);
            assertEquals(MailedCode.Outcome.QUEUED, result.outcome());
            assertTrue(result.queued());
            assertEquals(1, queued.size());
            MailedCode.Pending mail = queued.get(0);
            assertTrue(mail.code().matches("[0-9]{6}"), mail.code());
            assertEquals("member-1", mail.userId());
            assertEquals("login-code", mail.kind());
            assertEquals(T0, mail.reservedAt());
            IssuedCode code = kept.get("member-1");
            assertEquals(code, mail.kept());
            assertEquals(T0 + 600, code.expiresAt());
            assertEquals(CodeAttempts.Outcome.OK, new CodeAttempts(store).verify(code, mail.code(), T0 + 1, 5).outcome());
        }

        @Test
        @DisplayName("the code is never part of the pending mail's text form (logs)")
        void noCodeInToString() {
            send(T0);
            MailedCode.Pending mail = queued.get(0);
            assertFalse(mail.toString().contains(mail.code()), mail.toString());
        }

        @Test
        @DisplayName("a queued mail starts the cooldown")
        void cooldown() {
            send(T0);
            assertEquals(MailedCode.Outcome.REFUSED, send(T0 + 10).outcome());
        }
    }

    @Nested
    @DisplayName("refused")
    class Refused {
        @Test
        @DisplayName("within the cooldown nothing is queued or kept")
        void withinTheCooldownNothingIsMailedOrKept() {
            send(T0);
            kept.clear();
            MailedCode.Result result = send(T0 + 10);
            assertEquals(MailedCode.Outcome.REFUSED, result.outcome());
            assertEquals(MemberMailLimit.Reason.COOLDOWN, result.allowance().refusedBecause());
            assertEquals(1, queued.size());
            assertNull(kept.get("member-1"));
        }

        @Test
        @DisplayName("past the hourly cap")
        void pastTheHourlyCap() {
            send(T0);
            send(T0 + 60);
            send(T0 + 120);
            MailedCode.Result result = send(T0 + 180);
            assertEquals(MemberMailLimit.Reason.HOURLY_CAP, result.allowance().refusedBecause());
            assertEquals(3, queued.size());
        }
    }

    @Nested
    @DisplayName("a mail that did not go")
    class Failed {
        @Test
        @DisplayName("gives the allowance back and is known as failed for that code only")
        void givesTheAllowanceBack() {
            send(T0);
            MailedCode.Pending mail = queued.get(0);
            assertFalse(mailed.lastMailFailed("member-1", mail.kept()));
            MailedCode.failed(store, mail);
            assertTrue(mailed.lastMailFailed("member-1", mail.kept()), "the page says so at its next view");
            assertEquals(MailedCode.Outcome.QUEUED, send(T0 + 1).outcome(), "the failed mail used up no cooldown");
            assertFalse(mailed.lastMailFailed("member-1", queued.get(1).kept()), "the new mail is not the failed one");
        }

        @Test
        @DisplayName("the code's tries still count: the kept code is not removed")
        void triesStillCount() {
            send(T0);
            MailedCode.Pending mail = queued.get(0);
            MailedCode.failed(store, mail);
            assertEquals(mail.kept(), kept.get("member-1"));
            String wrong = mail.code().equals("000000") ? "111111" : "000000";
            assertEquals(CodeAttempts.Outcome.WRONG, new CodeAttempts(store).verify(mail.kept(), wrong, T0 + 1, 5).outcome());
        }

        @Test
        @DisplayName("a failure of another kind of mail is not this page's")
        void otherKind() {
            send(T0);
            MailedCode.Pending mail = queued.get(0);
            MailedCode.failed(store, new MailedCode.Pending("recovery-code", mail.userId(), mail.code(), mail.kept(),
                    mail.lifetimeSeconds(), mail.reservedAt()));
            assertFalse(mailed.lastMailFailed("member-1", mail.kept()));
        }
    }
}
