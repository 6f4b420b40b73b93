package jp.kosmo.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailException;

class MailedCodeTest {

    private static final long T0 = 2_000_000;
    private final MapCodeStore store = new MapCodeStore();
    private final MailedCode mailed = new MailedCode(store, "login-code", 600, 60, 3);
    private final List<String> mails = new ArrayList<>();
    private final Map<String, IssuedCode> kept = new HashMap<>();

    private MailedCode.Result send(long now) {
        return mailed.send("member-1", now, (code, lifetime, expiresAt) -> mails.add(code), (user, code, at) -> kept.put(user, code));
    }

    @Nested
    class Sent {
        @Test
        void theMailedCodeIsTheKeptOne() {
            MailedCode.Result result = send(T0);
            assertEquals(MailedCode.Outcome.SENT, result.outcome());
            assertEquals(1, mails.size());
            assertTrue(mails.get(0).matches("[0-9]{6}"), mails.get(0));
            IssuedCode code = kept.get("member-1");
            assertEquals(T0 + 600, code.expiresAt());
            assertTrue(new CodeAttempts(store).verify(code, mails.get(0), T0 + 1, 5).outcome() == CodeAttempts.Outcome.OK);
        }
    }

    @Nested
    class Refused {
        @Test
        void withinTheCooldownNothingIsMailedOrKept() {
            send(T0);
            kept.clear();
            MailedCode.Result result = send(T0 + 10);
            assertEquals(MailedCode.Outcome.REFUSED, result.outcome());
            assertEquals(MemberMailLimit.Reason.COOLDOWN, result.allowance().refusedBecause());
            assertEquals(1, mails.size());
            assertNull(kept.get("member-1"));
        }

        @Test
        void pastTheHourlyCap() {
            send(T0);
            send(T0 + 60);
            send(T0 + 120);
            MailedCode.Result result = send(T0 + 180);
            assertEquals(MemberMailLimit.Reason.HOURLY_CAP, result.allowance().refusedBecause());
            assertEquals(3, mails.size());
        }
    }

    @Nested
    class Failed {
        @Test
        void aFailedMailKeepsNothingAndGivesTheAllowanceBack() {
            MailedCode.Result failed = mailed.send("member-1", T0, (code, lifetime, expiresAt) -> {
                throw new EmailException("smtp down");
            }, (user, code, at) -> kept.put(user, code));
            assertEquals(MailedCode.Outcome.SEND_FAILED, failed.outcome());
            assertEquals("smtp down", failed.failure().getMessage());
            assertNull(kept.get("member-1"), "no code the member never received");
            assertEquals(MailedCode.Outcome.SENT, send(T0 + 1).outcome(), "the failed mail used up no cooldown");
        }
    }
}
