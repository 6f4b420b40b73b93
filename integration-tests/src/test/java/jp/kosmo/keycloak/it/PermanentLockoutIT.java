package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.ErrorPage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Lockouts;
import jp.kosmo.keycloak.it.support.Lockouts.Status;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.By;

/**
 * Temporary lockouts end in a permanent lock (realm {@code permanentLockout} with {@code maxTemporaryLockouts} 3,
 * failure factor 5). Keycloak keeps counting after the first lockout, so once a temporary lockout is over the
 * next wrong entry locks again: lockouts at the 5th, 6th and 7th consecutive failure are temporary, the 8th
 * failure is the 4th lockout and it is permanent (the member is disabled). Then the right birthdate, app code or
 * email code ends the login on Keycloak's error page, and the right password gets the login page's answer for a
 * wrong password, until an admin turns the member on again.
 *
 * <p>The test realm's wait increment is 3 s instead of the shipped 300 s (reset after each test); the lockouts are
 * waited out by moving the server clock (the framework's time offset), never by sleeps. Keycloak's quick-login check (1 s)
 * is kept as shipped: the first four wrong entries come more than a second apart on the server clock, as a member types.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class PermanentLockoutIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String BIRTHDATE = "1979-08-22";
    private static final String TYPED_BIRTHDATE = "19790822";
    private static final int WAIT_SECONDS = 3;
    private static final int FAILURE_FACTOR = 5;
    private static final int MAX_TEMPORARY_LOCKOUTS = 3;
    /** The consecutive failure that is the (MAX_TEMPORARY_LOCKOUTS + 1)th lockout, the permanent one. */
    private static final int PERMANENT_AT = FAILURE_FACTOR + MAX_TEMPORARY_LOCKOUTS;

    private static final String LOGIN_REFUSED = "ユーザIDまたはパスワードが正しくありません。";
    private static final String LOCKED_FOR_A_WHILE = "入力の誤りが続いたため、一時的にログインできなくなっています。しばらく時間をおいてから再度お試しください。";
    /** Keycloak ends a login whose member has been disabled meanwhile with its error page (accountDisabledMessage). */
    private static final String DISABLED = "このユーザIDは現在ご利用いただけません。健康保険組合にお問い合わせください。";

    /** A second browser: someone elsewhere typing the member's user ID with wrong passwords. */
    @InjectWebDriver(ref = "elsewhere")
    ManagedWebDriver elsewhere;

    private BirthdatePage birthdate;
    private Lockouts lockouts;

    @BeforeEach
    void setUp() {
        birthdate = browser.page(BirthdatePage.class);
        lockouts = new Lockouts(members);
        browser.forgetSession();
        // the framework puts the realm back as imported after each test
        realm.updateWithCleanup(r -> r.update(rep -> rep.setWaitIncrementSeconds(WAIT_SECONDS)));
    }

    @Test
    @DisplayName("both realm templates: permanent after 3 temporary lockouts of failure factor 5, far below 100 failures")
    void templates() throws IOException {
        for (String file : new String[] {"/kosmo-realm.json", "/kosmo-realm-production.json"}) {
            RealmRepresentation template = read(file);
            assertEquals(Boolean.TRUE, template.isBruteForceProtected(), file);
            assertEquals(Boolean.TRUE, template.isPermanentLockout(), file);
            assertEquals(MAX_TEMPORARY_LOCKOUTS, template.getMaxTemporaryLockouts(), file);
            assertEquals(FAILURE_FACTOR, template.getFailureFactor(), file);
            assertEquals(RealmRepresentation.BruteForceStrategy.MULTIPLE, template.getBruteForceStrategy(), file);
            // NIST SP 800-63B rev 4: at most 100 consecutive failures; Keycloak locks for good at the
            // (failureFactor + maxTemporaryLockouts)th. The stricter bound failureFactor × (lockouts + 1) holds too.
            assertTrue(template.getFailureFactor() * (template.getMaxTemporaryLockouts() + 1) <= 100, file);
            // a temporary lockout must end long before the failures are forgotten, or the count never grows
            assertTrue(template.getMaxDeltaTimeSeconds() > 10 * template.getMaxFailureWaitSeconds(), file);
        }
        RealmRepresentation imported = realm.admin().toRepresentation();
        assertEquals(Boolean.TRUE, imported.isPermanentLockout());
        assertEquals(MAX_TEMPORARY_LOCKOUTS, imported.getMaxTemporaryLockouts());
    }

    @Test
    @DisplayName("wrong birthdates: lockouts at the 5th, 6th, 7th failure are temporary, the 8th is permanent; only an admin unlocks")
    void birthdates() {
        String member = members.create("permbd", BIRTHDATE, PASSWORD);
        logIn(member);

        wrongEntriesUpToFirstLockout(member, n -> birthdate.enter("1979010" + n));
        birthdate.enter(TYPED_BIRTHDATE);
        assertEquals(LOCKED_FOR_A_WHILE, birthdate.alert(), "the right birthdate during a temporary lockout");
        assertNull(members.attribute(member, "kosmoBirthdateVerifiedAt"));

        for (int failure = FAILURE_FACTOR + 1; failure <= PERMANENT_AT; failure++) {
            endTemporaryLockout(member);
            int n = failure;
            nextLockout(member, failure, () -> birthdate.enter("1979020" + n));
        }
        assertPermanentlyLocked(member);
        assertTrue(members.realm().users().searchByAttributes("disabledReason:" + Lockouts.PERMANENT_LOCKOUT).stream()
                .anyMatch(u -> member.equals(u.getUsername())), "the admin guide's search for permanently locked members");

        birthdate.enter(TYPED_BIRTHDATE);
        assertDisabledPage("the right birthdate after the permanent lockout");
        assertNull(members.attribute(member, "kosmoBirthdateVerifiedAt"));
        outlastTemporaryLockout(member);

        // the right password: the login page answers as for an unknown user ID, so it tells nobody about the lock
        String lockedAnswer = refusedLogin(member);
        assertEquals(LOGIN_REFUSED, login.error());
        assertEquals(refusedLogin("nobody-" + System.nanoTime()), lockedAnswer, "same page as for an unknown user ID");

        // the admin console's "Temporarily locked" switch (DELETE attack-detection) does not end a permanent lock:
        // it drops the count (the status then says "not locked"), the member stays disabled
        members.unlock(member);
        assertEquals(new Status(false, 0, 0, 0), lockouts.status(member));
        assertFalse(lockouts.enabled(member));
        assertEquals(Lockouts.PERMANENT_LOCKOUT, lockouts.disabledReason(member));
        refusedLogin(member);
        assertEquals(LOGIN_REFUSED, login.error());

        lockouts.enable(member);
        assertNull(lockouts.disabledReason(member), "Keycloak clears the lockout reason when the member is enabled");
        assertEquals(new Status(false, 0, 0, 0), lockouts.status(member));
        logIn(member);
        birthdate.enter(TYPED_BIRTHDATE);
        browser.waitForPastBirthdate();
    }

    @Test
    @DisplayName("wrong app codes lock for good at the 8th; the right app code is then refused until the member is enabled again")
    void appCodes() {
        String member = members.create("permapp", BIRTHDATE, PASSWORD);
        String key = appOtpMember(member);

        laterLogin(member, OnboardingPages.OTP_LOGIN);
        wrongEntriesUpToFirstLockout(member, n -> pages.enterAppCode(wrongAppCode(key)));
        pages.enterAppCode(Totp.code(key, System.currentTimeMillis() / 1000));
        assertEquals(LOCKED_FOR_A_WHILE, pages.fieldError("otp"), "the right app code during a temporary lockout");

        for (int failure = FAILURE_FACTOR + 1; failure <= PERMANENT_AT; failure++) {
            endTemporaryLockout(member);
            // Keycloak's OTP form ends a login that has met a lockout: the member signs in again
            laterLogin(member, OnboardingPages.OTP_LOGIN);
            nextLockout(member, failure, () -> pages.enterAppCode(wrongAppCode(key)));
        }
        assertPermanentlyLocked(member);

        pages.enterAppCode(Totp.code(key, System.currentTimeMillis() / 1000));
        assertDisabledPage("the right app code after the permanent lockout");
        outlastTemporaryLockout(member);

        refusedLogin(member);
        assertEquals(LOGIN_REFUSED, login.error());

        // turning "Enabled" on is all an admin needs to do: Keycloak also drops the failure count
        lockouts.enable(member);
        assertEquals(new Status(false, 0, 0, 0), lockouts.status(member));
        laterLogin(member, OnboardingPages.OTP_LOGIN);
        // next period's code: accepted (look-around window 1) and never the one used at enrolment
        pages.enterAppCode(Totp.code(key, System.currentTimeMillis() / 1000 + 30));
        browser.waitForPortal();
    }

    @Test
    @DisplayName("wrong email codes and wrong passwords elsewhere add up; after the permanent lockout the right email code is refused")
    void emailCodes() {
        String member = members.create("permmail", BIRTHDATE, PASSWORD);
        String address = emailOtpMember(member);
        Browser other = browserOf(elsewhere);
        LoginPage otherLogin = other.page(LoginPage.class);

        laterLogin(member, OnboardingPages.EMAIL_OTP);
        String code = Mails.code(mails.awaitMail(address, 1));
        String wrong = code.equals("000000") ? "111111" : "000000";
        // four wrong codes here (the code stays usable: 5 tries), the fifth failure is a wrong password elsewhere
        for (int failure = 1; failure < FAILURE_FACTOR; failure++) {
            pages.enterEmailCode(wrong);
            assertEquals("ワンタイムパスワードが正しくありません。", pages.fieldError("otp"));
            lockouts.awaitFailures(member, failure);
            clock.pastQuickLoginCheck(); // a member types slower than Keycloak's quick-login check (1 s)
        }
        wrongPasswordElsewhere(other, otherLogin, member);
        Status first = lockouts.awaitFailures(member, FAILURE_FACTOR);
        assertEquals(new Status(true, FAILURE_FACTOR, 1, FAILURE_FACTOR - 1), first, "the first lockout");
        pages.enterEmailCode(code);
        assertEquals(LOCKED_FOR_A_WHILE, pages.alert(), "the right email code during a temporary lockout");

        for (int failure = FAILURE_FACTOR + 1; failure <= PERMANENT_AT; failure++) {
            endTemporaryLockout(member);
            nextLockout(member, failure, () -> wrongPasswordElsewhere(other, otherLogin, member));
        }
        assertPermanentlyLocked(member);

        pages.enterEmailCode(code);
        assertDisabledPage("the right email code after the permanent lockout");
        outlastTemporaryLockout(member);
        refusedLogin(member);
        assertEquals(LOGIN_REFUSED, login.error(), "the right password");

        // enabled again by an admin, the member signs in with the password and the code already in the mailbox:
        // codes are kept per member while they are good (it has one try left), so no second mail goes out
        lockouts.enable(member);
        assertEquals(new Status(false, 0, 0, 0), lockouts.status(member));
        laterLogin(member, OnboardingPages.EMAIL_OTP);
        assertEquals(1, mails.to(address).size(), "no new mail while the first code is good");
        pages.enterEmailCode(code);
        browser.waitForPortal();
    }

    @Test
    @DisplayName("a successful email-code login clears the failure count the same way an app-code login does")
    void successClearsFailures() {
        String mailMember = members.create("clrmail", BIRTHDATE, PASSWORD);
        String address = emailOtpMember(mailMember);
        laterLogin(mailMember, OnboardingPages.EMAIL_OTP);
        String code = Mails.code(mails.awaitMail(address, 1));
        Status before = twoWrong(mailMember, () -> pages.enterEmailCode(code.equals("000000") ? "111111" : "000000"));
        pages.enterEmailCode(code);
        browser.waitForPortal();
        Status afterEmailCode = awaitCleared(mailMember);

        String appMember = members.create("clrapp", BIRTHDATE, PASSWORD);
        String key = appOtpMember(appMember);
        laterLogin(appMember, OnboardingPages.OTP_LOGIN);
        Status beforeApp = twoWrong(appMember, () -> pages.enterAppCode(wrongAppCode(key)));
        pages.enterAppCode(Totp.code(key, System.currentTimeMillis() / 1000 + 30));
        browser.waitForPortal();
        Status afterAppCode = awaitCleared(appMember);

        assertEquals(beforeApp, before, "both counted two wrong second-factor codes");
        assertEquals(new Status(false, 0, 0, 0), afterAppCode, "an app-code login clears everything");
        assertEquals(afterAppCode, afterEmailCode, "an email-code login clears the same");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private interface Entry {
        void type(int n);
    }

    /** FAILURE_FACTOR wrong entries, a member's pace apart: the detector counts each and locks at the last. */
    private void wrongEntriesUpToFirstLockout(String member, Entry wrong) {
        for (int failure = 1; failure <= FAILURE_FACTOR; failure++) {
            wrong.type(failure);
            Status status = lockouts.awaitFailures(member, failure);
            if (failure < FAILURE_FACTOR) {
                assertFalse(status.locked(), "no lockout before the failure factor: " + status);
                clock.pastQuickLoginCheck(); // a member types slower than Keycloak's quick-login check (1 s)
            }
        }
        assertEquals(new Status(true, FAILURE_FACTOR, 1, lockouts.status(member).secondFactorFailures()),
                lockouts.status(member), "the first lockout, temporary");
        assertTrue(lockouts.enabled(member));
    }

    /** After a temporary lockout, one more wrong entry is the next lockout. */
    private void nextLockout(String member, int failure, Runnable wrong) {
        wrong.run();
        Status status = lockouts.awaitFailures(member, failure);
        assertTrue(status.locked(), "failure " + failure + " locks again: " + status);
        assertEquals(failure - FAILURE_FACTOR + 1, status.temporaryLockouts(), "lockouts so far: " + status);
        if (failure < PERMANENT_AT) {
            assertTrue(lockouts.enabled(member), "lockout " + status.temporaryLockouts() + " is temporary");
        }
    }

    private void assertPermanentlyLocked(String member) {
        assertTrue(lockouts.awaitDisabled(member), "the permanent lockout disables the member");
        assertEquals(Lockouts.PERMANENT_LOCKOUT, lockouts.disabledReason(member));
        Status status = lockouts.status(member);
        assertTrue(status.locked(), status.toString());
        assertEquals(PERMANENT_AT, status.failures());
        assertEquals(MAX_TEMPORARY_LOCKOUTS + 1, status.temporaryLockouts());
    }

    /** Keycloak's error page, which ends this login: the member was disabled while on the page. */
    private void assertDisabledPage(String what) {
        ErrorPage error = browser.page(ErrorPage.class);
        error.assertCurrent();
        // the message, then Keycloak's link back to the application
        assertEquals(DISABLED, error.message().lines().findFirst().orElse(""), what);
        assertFalse(driverUrl().startsWith(urls.account()), "no way into the portal");
    }

    /** Moves the server clock (in 1 s steps) past the end a temporary lockout would have; the member stays locked. */
    private void outlastTemporaryLockout(String member) {
        for (int second = 0; second <= WAIT_SECONDS; second++) {
            clock.advanceSeconds(1);
            assertTrue(lockouts.status(member).locked(), "still locked after " + (second + 1) + " s");
        }
        assertFalse(lockouts.enabled(member));
    }

    /** Moves the server clock past the temporary lockout (the test realm's wait increment) and sees it end. */
    private void endTemporaryLockout(String member) {
        clock.advanceSeconds(WAIT_SECONDS + 1);
        assertFalse(lockouts.awaitUnlocked(member).locked(), "the temporary lockout is over");
    }

    private Status twoWrong(String member, Runnable wrong) {
        wrong.run();
        lockouts.awaitFailures(member, 1);
        clock.pastQuickLoginCheck();
        wrong.run();
        return lockouts.awaitFailures(member, 2);
    }

    private Status awaitCleared(String member) {
        return lockouts.awaitFailures(member, 0);
    }

    private void logIn(String member) {
        browser.forgetSession();
        browser.openPortal();
        login.logIn(member, PASSWORD);
    }

    private void laterLogin(String member, String secondFactorPage) {
        logIn(member);
        browser.waitForPageId(secondFactorPage);
    }

    /** The right password is refused on the login page; returns the page's visible text. */
    private String refusedLogin(String userId) {
        logIn(userId);
        browser.waitForPageId(LoginPage.PAGE_ID);
        assertFalse(driverUrl().startsWith(urls.account()), "no way into the portal");
        return browser.text(By.tagName("body"));
    }

    private void wrongPasswordElsewhere(Browser other, LoginPage otherLogin, String member) {
        other.forgetSession();
        other.openPortal();
        otherLogin.logIn(member, "Wrong-Guess-" + System.nanoTime());
        other.waitForPageId(LoginPage.PAGE_ID);
        assertEquals(LOGIN_REFUSED, otherLogin.error());
    }

    private String driverUrl() {
        return browser.driver().getCurrentUrl();
    }

    /** First login up to the portal, choosing the app OTP; returns the key as the page showed it. */
    private String appOtpMember(String member) {
        return firstLogin.choosingApp(member, PASSWORD, "phone");
    }

    /** First login up to the portal, choosing email codes; returns the member's verified address. */
    private String emailOtpMember(String member) {
        String address = members.find(member).getEmail();
        firstLogin.choosingEmailCodes(member, PASSWORD);
        return address;
    }

    /** A six-digit code no window the server accepts now (look-around 1) would take. */
    private static String wrongAppCode(String key) {
        long now = System.currentTimeMillis() / 1000;
        Set<String> valid = Set.of(Totp.code(key, now - 30), Totp.code(key, now), Totp.code(key, now + 30),
                Totp.code(key, now + 60));
        for (String candidate : new String[] {"000000", "111111", "222222", "333333", "444444"}) {
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no wrong code found");
    }

    private static RealmRepresentation read(String resource) throws IOException {
        try (InputStream in = PermanentLockoutIT.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the test class path");
            }
            return JsonSerialization.readValue(in, RealmRepresentation.class);
        }
    }
}
