package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** Later logins with a one-time password by email (authenticator kosmo-email-otp): the ways it can go wrong. */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class EmailOtpIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String EXECUTION = "kosmo-email-otp";

    private Map<String, String> originalConfig;

    @BeforeEach
    void setUp() {
        originalConfig = members.configureExecution(EXECUTION, Map.of());
    }

    @AfterEach
    void restore() {
        members.configureExecution(EXECUTION, originalConfig);
    }

    /** A member who already chose email codes at their first login; returns their address. */
    private String emailOtpMember(String member) {
        String address = members.find(member).getEmail();
        firstLogin.choosingEmailCodes(member, PASSWORD);
        return address;
    }

    private void laterLogin(String member) {
        firstLogin.laterLogin(member, PASSWORD, OnboardingPages.EMAIL_OTP);
    }

    @Test
    @DisplayName("the code typed in full-width digits with a space gets in; the mail says when it expires")
    void fullWidth() {
        String member = members.create("fw", "1979-08-22", PASSWORD);
        String address = emailOtpMember(member);
        laterLogin(member);
        MimeMessage mail = mails.awaitMail(address, 1);
        assertTrue(Mails.text(mail).contains("有効期限は 5 分"), Mails.text(mail));
        assertTrue(Mails.html(mail).contains(Mails.code(mail)), "the HTML part carries the code too");
        String code = Mails.code(mail);
        pages.enterEmailCode(FirstLoginStoriesIT.toFullWidth(code.substring(0, 3)) + "　" + FirstLoginStoriesIT.toFullWidth(code.substring(3)));
        browser.waitForPortal();
    }

    @Test
    @DisplayName("a wrong code: message on the page and a failed login for the brute-force detector; malformed input: no failure")
    void wrongCode() {
        String member = members.create("wrong", "1979-08-22", PASSWORD);
        String address = emailOtpMember(member);
        laterLogin(member);
        String code = Mails.code(mails.awaitMail(address, 1));

        pages.enterEmailCode("12345");
        assertEquals("ワンタイムパスワードは6桁の数字で入力してください。", pages.fieldError("otp"));
        assertEquals(0, failures(members.bruteForceStatus(member)));

        pages.enterEmailCode(code.equals("000000") ? "111111" : "000000");
        assertEquals("ワンタイムパスワードが正しくありません。", pages.fieldError("otp"));
        assertEquals(1, failures(members.awaitBruteForceStatus(member, s -> failures(s) == 1)));

        clock.pastQuickLoginCheck();
        pages.enterEmailCode(code);
        browser.waitForPortal();
    }

    @Test
    @DisplayName("5 wrong codes: that code is dead and the member is locked at the realm's failure factor")
    void fiveWrong() {
        String member = members.create("five", "1979-08-22", PASSWORD);
        String address = emailOtpMember(member);
        laterLogin(member);
        String code = Mails.code(mails.awaitMail(address, 1));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 5; i++) {
            clock.pastQuickLoginCheck();
            pages.enterEmailCode(wrong);
        }
        assertEquals("誤りが続いたため、このワンタイムパスワードは使えなくなりました。「メールを再送信」で新しいワンタイムパスワードを受け取ってください。",
                pages.fieldError("otp"));
        Map<String, Object> status = members.awaitBruteForceStatus(member, s -> Boolean.TRUE.equals(s.get("disabled")));
        assertEquals(Boolean.TRUE, status.get("disabled"), "locked: " + status);

        // while locked even the right code is refused
        pages.enterEmailCode(code);
        assertEquals("入力の誤りが続いたため、一時的にログインできなくなっています。しばらく時間をおいてから再度お試しください。", pages.alert());

        // unlocked by an admin, the dead code still does not work: a new one is needed
        members.unlock(member);
        members.awaitBruteForceStatus(member, s -> !Boolean.TRUE.equals(s.get("disabled")));
        pages.enterEmailCode(code);
        assertTrue(pages.fieldError("otp").startsWith("誤りが続いたため"), pages.fieldError("otp"));
    }

    @Test
    @DisplayName("a resend before the cooldown (the design's 60 s) is refused with the time left; after it a new mail comes and the old code is dead")
    void resend() {
        String member = members.create("resend", "1979-08-22", PASSWORD);
        String address = emailOtpMember(member);
        laterLogin(member);
        String first = Mails.code(mails.awaitMail(address, 1));

        pages.resendEmailCode();
        assertTrue(pages.alert().matches("再送信はあと[0-9]+秒お待ちください。"), pages.alert());
        assertEquals(1, mails.to(address).size(), "no mail sent before the cooldown");

        clock.advanceSeconds(61);
        pages.resendEmailCode();
        String second = Mails.code(mails.awaitMail(address, 2));
        if (!second.equals(first)) {
            pages.enterEmailCode(first);
            assertEquals("ワンタイムパスワードが正しくありません。", pages.fieldError("otp"));
            clock.pastQuickLoginCheck();
        }
        pages.enterEmailCode(second);
        browser.waitForPortal();
    }

    @Test
    @DisplayName("an English member gets the mail and the page in English")
    void english() {
        String member = members.create("en", "1979-08-22", PASSWORD);
        var user = members.find(member);
        user.singleAttribute("locale", "en");
        members.user(member).update(user);
        String address = emailOtpMember(member);
        laterLogin(member);
        MimeMessage mail = mails.awaitMail(address, 1);
        assertEquals("[KOSMO Communication Web] Your one-time password", Mails.subject(mail));
        assertTrue(Mails.text(mail).contains("valid for 5 minutes"), Mails.text(mail));
        assertEquals("Enter your one-time password", pages.heading());
        pages.enterEmailCode(Mails.code(mail));
        browser.waitForPortal();
    }

    @Test
    @DisplayName("an expired code is refused with its own message")
    void expired() {
        String member = members.create("exp", "1979-08-22", PASSWORD);
        String address = emailOtpMember(member);
        members.configureExecution(EXECUTION, Map.of("kosmo.email-otp.lifetime-seconds", "30"));
        laterLogin(member);
        MimeMessage mail = mails.awaitMail(address, 1);
        assertTrue(Mails.text(mail).contains("有効期限は 1 分"), Mails.text(mail));
        clock.advanceSeconds(31);
        pages.enterEmailCode(Mails.code(mail));
        assertEquals("ワンタイムパスワードの有効期限が切れています。「メールを再送信」で新しいワンタイムパスワードを受け取ってください。",
                pages.fieldError("otp"));
    }

    private static int failures(Map<String, Object> status) {
        Object value = status.get("numFailures");
        return value == null ? 0 : ((Number) value).intValue();
    }
}
