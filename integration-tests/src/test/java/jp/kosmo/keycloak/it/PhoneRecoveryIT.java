package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.RecoveryPage;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.Passkeys;
import jp.kosmo.keycloak.it.support.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Issue 16, changed or lost phone (機種変更): self-service recovery from the second-factor page (mailed code +
 * birthdate, or a recovery code), the lost credential removed only after the new one works, the notice mail, the
 * lockout count, an abandoned recovery, and the admin's reset through the admin REST API.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class PhoneRecoveryIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String BIRTHDATE = "1979-08-22";
    private static final String TYPED_BIRTHDATE = "19790822";
    private static final String RESET_ACTION = "kosmo-reset-sign-in-method";
    private static final String NOTICE_SUBJECT = "【KOSMO Communication Web】認証方法が変更されました";

    private RecoveryPage recovery;

    @BeforeEach
    void setUp() {
        recovery = new RecoveryPage(browser);
    }

    /**
     * First login of a member who enrols the authenticator app; the recovery codes the onboarding offers after it are
     * saved if asked, else put off.
     */
    private List<String> appOtpMember(String member, boolean recoveryCodes) {
        firstLogin.throughBirthdate(member, PASSWORD, TYPED_BIRTHDATE);
        pages.choose("app-otp");
        String key = pages.totpKeyFromUnableToScan();
        pages.submitTotp(Totp.nextPeriod(key), "Old phone");
        List<String> codes = List.of();
        if (recoveryCodes) {
            codes = recovery.onboardingCodes();
            recovery.saveOnboardingCodes(true);
        }
        pages.complete();
        browser.waitForPortal();
        assertEquals(List.of("otp"), signInTypes(member));
        return codes;
    }

    private void laterLogin(String member) {
        firstLogin.logIn(member, PASSWORD);
    }

    /** The member's credential types other than the password and recovery codes, sorted. */
    private List<String> signInTypes(String member) {
        return members.credentials(member).stream().map(CredentialRepresentation::getType)
                .filter(t -> !t.equals("password") && !t.equals("recovery-authn-codes")).sorted().toList();
    }

    private EventRepresentation resetEvent(String member) {
        List<EventRepresentation> events = members.events(member, "CUSTOM_REQUIRED_ACTION").stream()
                .filter(e -> e.getDetails() != null && RESET_ACTION.equals(e.getDetails().get("custom_required_action")))
                .toList();
        assertEquals(1, events.size(), "one event for the reset: " + events);
        return events.get(0);
    }

    private static int failures(Map<String, Object> status) {
        return ((Number) status.get("numFailures")).intValue();
    }

    @Test
    @DisplayName("app OTP, new browser without the app: OTP page → link → mailed code + birthdate → chooser → new passkey; TOTP gone, notice mail, later logins ask for the passkey")
    void appOtpToPasskeyByMail() {
        String member = members.create("lost", BIRTHDATE, PASSWORD);
        String address = members.find(member).getEmail();
        appOtpMember(member, false);

        try (Passkeys phone = Passkeys.platformAuthenticator(webDriver.driver())) {
            laterLogin(member);
            browser.waitForPageId(OnboardingPages.OTP_LOGIN);
            assertEquals("スマートフォンを変更した・認証できない方はこちら", recovery.linkText());
            recovery.start();
            assertEquals("本人確認（認証方法の再設定）", recovery.heading());
            assertTrue(recovery.instruction().contains("生年月日"), recovery.instruction());
            String code = Mails.code(mails.awaitMail(address, 1));

            recovery.enterMailCodeAndBirthdate(code, "19790823");
            assertEquals("生年月日が登録内容と一致しません。入力内容をご確認ください。", recovery.fieldError("birthdate"));
            assertEquals(1, failures(members.awaitBruteForceStatus(member, s -> failures(s) == 1)),
                    "a wrong birthdate is a failed login");
            clock.pastQuickLoginCheck();
            recovery.enterMailCodeAndBirthdate(code, TYPED_BIRTHDATE);

            browser.waitForPageId(OnboardingPages.CHOOSER);
            assertEquals(List.of("otp"), signInTypes(member), "nothing removed before the new method works");
            pages.choose("passkey");
            pages.registerPasskey("新しいスマホ");
            // a member without recovery codes is offered them after the new passkey
            pages.recoveryCodesLater();
            browser.waitForPortal();
            assertEquals(1, phone.count());
            assertEquals(List.of("webauthn-passwordless"), signInTypes(member), "the old TOTP credential is gone");
            assertEquals("passkey", members.attribute(member, "kosmoAuthMethod"));

            MimeMessage notice = mails.awaitMail(address, 2);
            assertEquals(NOTICE_SUBJECT, Mails.subject(notice));
            String text = Mails.text(notice);
            assertTrue(text.contains("新しい認証方法: 生体認証"), text);
            assertTrue(text.contains("削除された認証方法: ワンタイムパスワード認証（アプリ）"), text);
            assertTrue(text.contains("本人確認の方法: メールのワンタイムパスワードと生年月日"), text);
            assertTrue(text.contains("ブラウザ: Mozilla/5.0"), text);
            assertTrue(text.contains("健康保険組合にお問い合わせください"), text);

            Map<String, String> details = resetEvent(member).getDetails();
            assertEquals("email-code", details.get("kosmo_recovered_by"));
            assertEquals("passkey", details.get("kosmo_auth_method"));
            assertEquals("app-otp", details.get("kosmo_removed_methods"));

            // later logins: password, then the passkey
            phone.userVerified(false);
            laterLogin(member);
            browser.waitForPageId(OnboardingPages.PASSKEY_LOGIN);
            phone.userVerified(true);
            pages.signInWithPasskey();
            browser.waitForPortal();
        }
    }

    @Test
    @DisplayName("with a recovery code instead of the mail; a used code is refused the second time; wrong codes lock at the realm's factor")
    void recoveryCode() {
        String member = members.create("codes", BIRTHDATE, PASSWORD);
        String address = members.find(member).getEmail();
        List<String> codes = appOtpMember(member, true);
        assertEquals(12, codes.size(), "Keycloak's 12 codes: " + codes);

        laterLogin(member);
        browser.waitForPageId(OnboardingPages.OTP_LOGIN);
        recovery.start();
        assertTrue(recovery.instruction().contains("1番目"), recovery.instruction());
        recovery.enterRecoveryCode(codes.get(0));
        browser.waitForPageId(OnboardingPages.CHOOSER);
        pages.choose("app-otp");
        String newKey = pages.totpKeyFromUnableToScan();
        pages.submitTotp(Totp.nextPeriod(newKey), "New phone");
        browser.waitForPortal();
        List<CredentialRepresentation> otps = members.credentials(member).stream()
                .filter(c -> "otp".equals(c.getType())).toList();
        assertEquals(1, otps.size());
        assertEquals("New phone", otps.get(0).getUserLabel(), "the old app is gone, the new one stays");
        assertTrue(Mails.text(mails.awaitMail(address, 1)).contains("本人確認の方法: リカバリーコード"),
                "the notice is the only mail: no code was mailed");
        assertEquals("recovery-code", resetEvent(member).getDetails().get("kosmo_recovered_by"));

        // the same code again: refused and counted
        laterLogin(member);
        browser.waitForPageId(OnboardingPages.OTP_LOGIN);
        recovery.start();
        assertTrue(recovery.instruction().contains("2番目"), recovery.instruction());
        recovery.enterRecoveryCode(codes.get(0));
        assertEquals("リカバリーコードが正しくありません。", recovery.fieldError("recoveryCode"));
        assertEquals(1, failures(members.awaitBruteForceStatus(member, s -> failures(s) == 1)));

        // malformed input counts for nothing
        clock.pastQuickLoginCheck();
        recovery.enterRecoveryCode("***");
        assertEquals("リカバリーコードを英数字で入力してください。", recovery.fieldError("recoveryCode"));
        assertEquals(1, failures(members.bruteForceStatus(member)));

        for (int i = 2; i <= 5; i++) {
            clock.pastQuickLoginCheck();
            recovery.enterRecoveryCode("ZZZZ-ZZZZ-ZZZ" + i);
        }
        Map<String, Object> status = members.awaitBruteForceStatus(member, s -> Boolean.TRUE.equals(s.get("disabled")));
        assertEquals(Boolean.TRUE, status.get("disabled"), "locked at the realm's failure factor: " + status);
    }

    @Test
    @DisplayName("recovery abandoned at the chooser: the old passkey still works and nothing was removed")
    void abandoned() {
        String member = members.create("gaveup", BIRTHDATE, PASSWORD);
        String address = members.find(member).getEmail();
        try (Passkeys phone = Passkeys.platformAuthenticator(webDriver.driver())) {
            firstLogin.throughBirthdate(member, PASSWORD, TYPED_BIRTHDATE);
            pages.choose("passkey");
            pages.registerPasskey("わたしのスマホ");
            pages.complete();
            browser.waitForPortal();

            phone.userVerified(false);
            laterLogin(member);
            browser.waitForPageId(OnboardingPages.PASSKEY_LOGIN);
            recovery.start();
            recovery.enterMailCodeAndBirthdate(Mails.code(mails.awaitMail(address, 1)), TYPED_BIRTHDATE);
            browser.waitForPageId(OnboardingPages.CHOOSER);

            // gives up: a new login
            laterLogin(member);
            browser.waitForPageId(OnboardingPages.PASSKEY_LOGIN);
            phone.userVerified(true);
            pages.signInWithPasskey();
            browser.waitForPortal();
            assertEquals(List.of("webauthn-passwordless"), signInTypes(member));
            assertEquals("passkey", members.attribute(member, "kosmoAuthMethod"));
            assertEquals(1, mails.to(address).size(), "no notice: nothing changed");
            assertTrue(members.events(member, "CUSTOM_REQUIRED_ACTION").stream()
                    .noneMatch(e -> RESET_ACTION.equals(e.getDetails().get("custom_required_action"))));
        }
    }

    @Test
    @DisplayName("admin reset through the admin REST API: password + birthdate → chooser → email codes; old app gone, notice mail, admin event")
    void adminReset() {
        String member = members.create("reset", BIRTHDATE, PASSWORD);
        String address = members.find(member).getEmail();
        appOtpMember(member, false);
        String userId = members.find(member).getId();
        long before = Instant.now().toEpochMilli() - 1000;

        members.update(member, u -> u.setRequiredActions(List.of(RESET_ACTION)));

        laterLogin(member);
        BirthdatePage birthdate = browser.page(BirthdatePage.class);
        birthdate.assertCurrent();
        birthdate.enter(TYPED_BIRTHDATE);
        browser.waitForPageId(OnboardingPages.CHOOSER);
        assertEquals(List.of("otp"), signInTypes(member), "nothing removed before the new method works");
        pages.choose("email-otp");
        browser.waitForPortal();

        assertEquals(List.of("kosmo-email-otp"), signInTypes(member));
        assertEquals(List.of(), members.find(member).getRequiredActions(), "the reset is done");
        String text = Mails.text(mails.awaitMail(address, 1));
        assertTrue(text.contains("新しい認証方法: ワンタイムパスワード認証（メール）"), text);
        assertTrue(text.contains("本人確認の方法: 健康保険組合による認証方法のリセット"), text);
        assertEquals("admin", resetEvent(member).getDetails().get("kosmo_recovered_by"));

        List<AdminEventRepresentation> updates = realm.admin().getAdminEvents(List.of("UPDATE"), null, null, null, null,
                "users/" + userId, null, null, 0, 100);
        assertFalse(updates.isEmpty(), "the admin's update of the member is an admin event");
        AdminEventRepresentation event = updates.get(updates.size() - 1);
        assertNotNull(event.getAuthDetails().getUserId(), "it says which admin did it");
        assertTrue(event.getTime() >= before);

        // later logins: password, then a code by mail
        laterLogin(member);
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        pages.enterEmailCode(Mails.code(mails.awaitMail(address, 2)));
        browser.waitForPortal();
    }

    @Test
    @DisplayName("the recovery page in English")
    void english() {
        String member = members.create("en", BIRTHDATE, PASSWORD);
        appOtpMember(member, false);
        laterLogin(member);
        browser.waitForPageId(OnboardingPages.OTP_LOGIN);
        browser.selectLanguage("en");
        assertEquals("Changed or lost your phone, or cannot sign in? Click here", recovery.linkText());
        recovery.start();
        assertEquals("Confirm it is you (set up your sign-in method again)", recovery.heading());
        assertTrue(recovery.instruction().contains("birthdate"), recovery.instruction());
    }

    @Test
    @DisplayName("recovery codes offered in the onboarding after a passkey: a counted, printable step; ticked and saved; then they recover the member")
    void recoveryCodesOffered() {
        Map<String, String> previous = members.configureRequiredAction("kosmo-recovery-codes",
                Map.of("kosmo.recovery-codes.onboarding", "offered"));
        try (Passkeys phone = Passkeys.platformAuthenticator(webDriver.driver())) {
            String member = members.create("offered", BIRTHDATE, PASSWORD);
            browser.forgetSession();
            browser.openPortal();
            login.logIn(member, PASSWORD);
            BirthdatePage birthdate = browser.page(BirthdatePage.class);
            birthdate.assertCurrent();
            assertEquals("ステップ 1 / 6", pages.step(), "birthdate, terms, method, enrolment, recovery codes, done");
            birthdate.enter(TYPED_BIRTHDATE);
            browser.page(TermsPage.class).accept();
            pages.choose("passkey");
            pages.registerPasskey("わたしのスマホ");

            browser.waitForPageId(RecoveryPage.RECOVERY_CODES_ONBOARDING);
            assertEquals("ステップ 5 / 6", pages.step());
            assertEquals("リカバリーコードの保存", pages.heading());
            assertTrue(recovery.hasPrintButton());
            assertTrue(recovery.hasSkipButton(), "offered: the member may set them up later");
            List<String> first = recovery.onboardingCodes();
            recovery.saveOnboardingCodes(false);
            assertEquals("保管したことを確認するチェックを入れてください。新しいリカバリーコードを表示しましたので、こちらを保管してください。",
                    recovery.fieldError("kosmoSaved"));
            List<String> codes = recovery.onboardingCodes();
            assertEquals(12, codes.size());
            assertFalse(codes.equals(first), "new codes after the refusal");
            recovery.saveOnboardingCodes(true);
            browser.waitForPageId(OnboardingPages.COMPLETE);
            assertEquals("ステップ 6 / 6", pages.step());
            pages.complete();
            browser.waitForPortal();
            assertTrue(members.credentials(member).stream().anyMatch(c -> "recovery-authn-codes".equals(c.getType())));

            // the phone is lost: the first code recovers the member
            phone.userVerified(false);
            laterLogin(member);
            browser.waitForPageId(OnboardingPages.PASSKEY_LOGIN);
            recovery.start();
            recovery.enterRecoveryCode(codes.get(0).toLowerCase());
            browser.waitForPageId(OnboardingPages.CHOOSER);
        } finally {
            members.restoreRequiredAction("kosmo-recovery-codes", previous);
        }
    }

    @Test
    @DisplayName("recovery codes required: no way to skip; email codes chosen: no recovery-codes page and one step less")
    void recoveryCodesRequired() {
        Map<String, String> previous = members.configureRequiredAction("kosmo-recovery-codes",
                Map.of("kosmo.recovery-codes.onboarding", "required"));
        try {
            String member = members.create("required", BIRTHDATE, PASSWORD);
            firstLogin.throughBirthdate(member, PASSWORD, TYPED_BIRTHDATE);
            pages.choose("app-otp");
            String key = pages.totpKeyFromUnableToScan();
            pages.submitTotp(Totp.nextPeriod(key), "Phone");
            browser.waitForPageId(RecoveryPage.RECOVERY_CODES_ONBOARDING);
            assertFalse(recovery.hasSkipButton(), "required: no skip");
            recovery.saveOnboardingCodes(true);
            pages.complete();
            browser.waitForPortal();

            String mailMember = members.create("mailonly", BIRTHDATE, PASSWORD);
            firstLogin.throughBirthdate(mailMember, PASSWORD, TYPED_BIRTHDATE);
            pages.choose("email-otp");
            browser.waitForPageId(OnboardingPages.COMPLETE);
            assertEquals("ステップ 4 / 4", pages.step(), "no enrolment and no recovery codes for email codes");
        } finally {
            members.restoreRequiredAction("kosmo-recovery-codes", previous);
        }
    }
}
