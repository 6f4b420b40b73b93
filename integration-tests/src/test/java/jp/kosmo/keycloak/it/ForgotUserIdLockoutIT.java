package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kosmo.keycloak.it.support.ForgotUserIdClient;
import jp.kosmo.keycloak.it.support.ForgotUserIdEvents;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Guesses on the forgot-user-ID page count for the member they target: a wrong birthdate for a member's verified
 * address is a failed login for Keycloak's brute-force detector, and a locked member is mailed nothing. The page
 * never shows any of it. Holds whether the realm locks temporarily or (after some temporary lockouts) for good.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class ForgotUserIdLockoutIT extends KosmoTestBase {

    private static final String LOGIN_FORM = "kosmo-login-form";
    private static final String BIRTHDATE = "1979-08-22";
    private static final String RIGHT = "19790822";
    private static final String SENT = "ご登録のメールアドレスにユーザIDをお送りしました。届かない場合は健康保険組合にお問い合わせください。";

    private ForgotUserIdEvents events;
    private Map<String, String> shippedSettings;
    private RealmRepresentation shippedDetection;

    @BeforeEach
    void setUp() {
        events = new ForgotUserIdEvents(realm.admin());
        // every request comes from 127.0.0.1, and more than the shipped 5 per address are needed here
        shippedSettings = members.configureExecution(LOGIN_FORM, Map.of(
                "kosmo.forgot-user-id.per-ip-per-hour", "0",
                "kosmo.forgot-user-id.per-address-per-hour", "50"));
        // The background jobs of consecutive requests run well within a second of each other, and Keycloak's
        // quick-login check would then lock after the 2nd failure. It is switched off here to see every guess counted
        // up to the failure factor, with a lockout long enough to outlast the test. Whatever the realm says about
        // permanent lockout is left as it is.
        RealmRepresentation current = realm.admin().toRepresentation();
        shippedDetection = new RealmRepresentation();
        shippedDetection.setQuickLoginCheckMilliSeconds(current.getQuickLoginCheckMilliSeconds());
        shippedDetection.setWaitIncrementSeconds(current.getWaitIncrementSeconds());
        shippedDetection.setMaxFailureWaitSeconds(current.getMaxFailureWaitSeconds());
        current.setQuickLoginCheckMilliSeconds(1L);
        current.setWaitIncrementSeconds(Math.max(300, current.getWaitIncrementSeconds()));
        current.setMaxFailureWaitSeconds(Math.max(900, current.getMaxFailureWaitSeconds()));
        realm.admin().update(current);
    }

    @AfterEach
    void restore() {
        members.configureExecution(LOGIN_FORM, shippedSettings);
        RealmRepresentation current = realm.admin().toRepresentation();
        current.setQuickLoginCheckMilliSeconds(shippedDetection.getQuickLoginCheckMilliSeconds());
        current.setWaitIncrementSeconds(shippedDetection.getWaitIncrementSeconds());
        current.setMaxFailureWaitSeconds(shippedDetection.getMaxFailureWaitSeconds());
        realm.admin().update(current);
    }

    @Test
    @DisplayName("failure-factor (5) wrong birthdates for a member's address lock the member (admin API); every answer is the unknown address's; "
            + "while locked the right birthdate mails nothing; once unlocked it does")
    void wrongBirthdatesLock() {
        String member = members.create("fuid-lock", BIRTHDATE, "Kosmo-Pass-2026!");
        String memberId = members.find(member).getId();
        String address = member + "@example.com";
        int failureFactor = realm.admin().toRepresentation().getFailureFactor();
        ForgotUserIdClient client = new ForgotUserIdClient(urls);
        client.open();
        ForgotUserIdClient.Answer unknown = client.submit("nobody-" + address, RIGHT);
        assertTrue(unknown.text().contains(SENT), unknown.text());
        try {
            for (int guess = 1; guess <= failureFactor; guess++) {
                ForgotUserIdClient.Answer answer = client.submit(address, wrongBirthdate(guess));
                assertSameAnswer(unknown, answer, "wrong birthdate " + guess);

                EventRepresentation event = events.await(List.of(address), guess).get(0);
                assertEquals("birthdate_mismatch", event.getDetails().get("reason"));
                assertEquals(memberId, event.getUserId());
                int counted = guess;
                Map<String, Object> status = members.awaitBruteForceStatus(member, s -> numFailures(s) >= counted);
                assertEquals(guess, numFailures(status), "every wrong birthdate is one failed login: " + status);
                assertEquals(guess == failureFactor, locked(status), "locked from the failure factor on: " + status);
                assertEquals("127.0.0.1", status.get("lastIPFailure"), "the requester's IP is recorded");
            }

            ForgotUserIdClient.Answer right = client.submit(address, RIGHT);
            assertSameAnswer(unknown, right, "the right birthdate while locked");
            EventRepresentation refused = events.await(List.of(address), failureFactor + 1).get(0);
            assertEquals("member_locked", refused.getDetails().get("reason"));
            assertEquals(memberId, refused.getUserId());
            assertTrue(Set.of("user_temporarily_disabled", "user_disabled").contains(refused.getError()), refused.getError());
            assertEquals(0, mails.to(address).size(), "nothing is mailed to a locked member");
            Map<String, Object> status = members.bruteForceStatus(member);
            assertTrue(locked(status), "still locked: " + status);
            assertEquals(failureFactor, numFailures(status), "nothing more is counted while locked: " + status);
        } finally {
            unlock(member);
        }

        ForgotUserIdClient.Answer afterUnlock = client.submit(address, RIGHT);
        assertSameAnswer(unknown, afterUnlock, "the right birthdate once unlocked");
        assertTrue(Mails.text(mails.awaitMail(address, 1)).contains("ユーザID: " + member), "unlocked, the member gets the mail again");
    }

    @Test
    @DisplayName("wrong birthdates count nothing where no one member's birthdate is asked: an unverified address, no birthdate on file")
    void notCounted() {
        String unverified = members.create("fuid-unv", BIRTHDATE, "Kosmo-Pass-2026!",
                u -> { u.setEmail(u.getUsername() + "@example.com"); u.setEmailVerified(false); });
        String noBirthdate = members.create("fuid-nobd", null, "Kosmo-Pass-2026!");
        ForgotUserIdClient client = new ForgotUserIdClient(urls);
        client.open();
        ForgotUserIdClient.Answer first = client.submit(unverified + "@example.com", wrongBirthdate(1));
        ForgotUserIdClient.Answer second = client.submit(noBirthdate + "@example.com", wrongBirthdate(1));
        assertSameAnswer(first, second, "no birthdate on file");

        assertEquals("address_not_verified", events.await(List.of(unverified + "@example.com"), 1).get(0).getDetails().get("reason"));
        assertEquals("no_birthdate_on_file", events.await(List.of(noBirthdate + "@example.com"), 1).get(0).getDetails().get("reason"));
        Members.sleep(1_000); // Keycloak's detector records on its own thread: give a wrongly counted failure time to show
        assertEquals(0, numFailures(members.bruteForceStatus(unverified)));
        assertEquals(0, numFailures(members.bruteForceStatus(noBirthdate)));
        assertFalse(locked(members.bruteForceStatus(unverified)));
    }

    /** The admin's unlock: clear the detector's record and, after a permanent lockout, enable the member again. */
    private void unlock(String member) {
        members.unlock(member);
        if (!Boolean.TRUE.equals(members.find(member).isEnabled())) {
            members.update(member, u -> u.setEnabled(true));
        }
        Map<String, Object> status = members.awaitBruteForceStatus(member, s -> !locked(s));
        assertFalse(locked(status), "unlocked: " + status);
    }

    private static String wrongBirthdate(int guess) {
        return LocalDate.parse(BIRTHDATE).plusDays(guess).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static void assertSameAnswer(ForgotUserIdClient.Answer expected, ForgotUserIdClient.Answer actual, String what) {
        assertEquals(expected.status(), actual.status(), what + ": status");
        assertEquals(expected.body(), actual.body(), what + ": body");
        assertEquals(expected.setCookies(), actual.setCookies(), what + ": cookies");
        assertEquals(expected.headers().get("cache-control"), actual.headers().get("cache-control"), what + ": cache-control");
    }

    /** Temporarily or permanently locked, as the admin API's attack-detection status says. */
    private static boolean locked(Map<String, Object> status) {
        return Boolean.TRUE.equals(status.get("disabled"));
    }

    private static int numFailures(Map<String, Object> status) {
        Object value = status.get("numFailures");
        return value == null ? 0 : ((Number) value).intValue();
    }
}
