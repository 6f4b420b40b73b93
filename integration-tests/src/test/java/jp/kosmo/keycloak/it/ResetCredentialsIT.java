package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
import jp.kosmo.keycloak.it.support.Passkeys;
import jp.kosmo.keycloak.it.support.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * Passwords a member's card cannot guess (policy kosmo-not-birthdate) and 「パスワードを忘れた方はこちら」, which
 * never skips the member's second factor.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class ResetCredentialsIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String RESET_TO = "Nagoya-Sakura-2027";
    private static final String POLICY_MESSAGE = "パスワードに生年月日や保険証の記号・番号を含めることはできません。";

    @InjectWebDriver(ref = "elsewhere")
    ManagedWebDriver elsewhere;

    private BirthdatePage birthdate;

    @BeforeEach
    void setUp() {
        birthdate = browser.page(BirthdatePage.class);
        browser.forgetSession();
    }

    /** First login up to the chooser; the method's own enrolment is done by the caller. */
    private void toChooser(String member) {
        firstLogin.untilChooser(member, PASSWORD);
    }

    /** 「パスワードを忘れた方はこちら」 → user ID → the answer page. */
    private String requestReset(String userId) {
        browser.forgetSession();
        browser.openPortal();
        browser.driver().findElement(By.linkText("パスワードを忘れた方はこちら")).click();
        browser.waitForPageId("login-login-reset-password");
        browser.driver().findElement(By.id("username")).sendKeys(userId);
        browser.submitWith(By.id("kc-form-buttons"));
        browser.waitForPageId(LoginPage.PAGE_ID);
        return browser.text(By.cssSelector(".pf-v5-c-alert"));
    }

    private void openResetLink(String address, int mailCount) {
        MimeMessage mail = mails.awaitMail(address, mailCount);
        browser.driver().navigate().to(Mails.link(mail));
    }

    private void newPassword() {
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        assertTrue(browser.driver().findElement(By.id("logout-sessions")).isSelected(),
                "全てのデバイスからサインアウトする is on by default after a reset");
        pages.setNewPassword(RESET_TO);
        browser.waitForPortal();
    }

    @Test
    @DisplayName("a new password with the birthdate (any form) or the card number is refused; a strong one passes")
    void policy() {
        String member = members.create("policy", "1979-08-22", PASSWORD);
        UserRepresentation user = members.find(member);
        user.singleAttribute("insuranceSymbol", "1234");
        user.singleAttribute("insuranceNumber", "567890");
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        members.user(member).update(user);
        toChooser(member);
        pages.choose("email-otp");
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        for (String weak : List.of("Sakura19790822", "Sakura-1979-08-22", "Sakura790822", "0822-Sakura-1979",
                "Ｓａｋｕｒａ１９７９０８２２", "Sakura-567890", "Sakura-1234-x")) {
            pages.setNewPassword(weak);
            browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
            assertEquals(POLICY_MESSAGE, browser.text(By.cssSelector(".pf-m-error, .pf-v5-c-alert.pf-m-danger")), weak);
        }
        pages.setNewPassword("Nagoya-Castle-2026");
        browser.waitForPageId(OnboardingPages.COMPLETE);
    }

    @Test
    @DisplayName("the initial password the union sets (記号+番号+生年月日) is accepted from the admin API")
    void adminMayStillSetInitialPasswords() {
        String member = members.createLetterMember("letter", "1979-08-22", "1234567819790822", null);
        assertEquals(member, members.find(member).getUsername());
    }

    @Test
    @DisplayName("app-OTP member: the mailed link, then a code before the new password; without the code no session")
    void appOtpMember() {
        String member = members.create("rapp", "1979-08-22", PASSWORD);
        String address = members.find(member).getEmail();
        toChooser(member);
        pages.choose("app-otp");
        String key = pages.totpKeyFromUnableToScan();
        pages.submitTotp(Totp.now(key), "phone");
        pages.complete();
        browser.waitForPortal();

        assertTrue(requestReset(member).startsWith("ユーザIDが登録されている場合は"));
        openResetLink(address, 1);
        browser.waitForPageId(OnboardingPages.OTP_LOGIN);
        browser.openPortal();

        requestReset(member);
        openResetLink(address, 2);
        browser.waitForPageId(OnboardingPages.OTP_LOGIN);
        pages.enterAppCode(Totp.nextPeriod(key));
        newPassword();
    }

    @Test
    @DisplayName("email-code member: the link, then a code by mail and the birthdate")
    void emailCodeMember() {
        String member = members.create("rmail", "1979-08-22", PASSWORD);
        String address = members.find(member).getEmail();
        toChooser(member);
        pages.choose("email-otp");
        pages.complete();
        browser.waitForPortal();

        requestReset(member);
        openResetLink(address, 1);
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        pages.enterEmailCode(Mails.code(mails.awaitMail(address, 2)));
        birthdate.assertCurrent();
        birthdate.enter("19790822");
        newPassword();
    }

    @Test
    @DisplayName("passkey member: the link, then the passkey")
    void passkeyMember() {
        String member = members.create("rpk", "1979-08-22", PASSWORD);
        String address = members.find(member).getEmail();
        try (Passkeys phone = Passkeys.platformAuthenticator(webDriver.driver())) {
            toChooser(member);
            pages.choose("passkey");
            pages.registerPasskey("スマホ");
            pages.complete();
            browser.waitForPortal();

            phone.userVerified(false);
            requestReset(member);
            openResetLink(address, 1);
            browser.waitForPageId(OnboardingPages.PASSKEY_LOGIN);
            phone.userVerified(true);
            pages.signInWithPasskey();
            newPassword();
        }
    }

    @Test
    @DisplayName("unknown and known user IDs get the identical answer; only the known one gets a mail")
    void noEnumeration() {
        String member = members.create("known", "1979-08-22", PASSWORD);
        String address = members.find(member).getEmail();
        int before = mailServer.getReceivedMessages().length;
        String unknown = requestReset("no-such-member-" + System.nanoTime());
        clock.pastQuickLoginCheck();
        assertEquals(before, mailServer.getReceivedMessages().length, "no mail for an unknown user ID");
        String known = requestReset(member);
        assertEquals(unknown, known);
        mails.awaitMail(address, 1);
    }

    @Test
    @DisplayName("after a reset with 全てのデバイスからサインアウトする, the member's session elsewhere is gone")
    void signsOutElsewhere() {
        String member = members.create("rout", "1979-08-22", PASSWORD);
        String address = members.find(member).getEmail();
        toChooser(member);
        pages.choose("email-otp");
        pages.complete();
        browser.waitForPortal();

        members.user(member).logout(); // start from no session: only the one on the other device below
        Browser other = browserOf(elsewhere);
        other.forgetSession();
        other.openPortal();
        other.page(LoginPage.class).logIn(member, PASSWORD);
        new OnboardingPages(other).enterEmailCode(Mails.code(mails.awaitMail(address, 1)));
        other.waitForPortal();
        assertEquals(1, members.user(member).getUserSessions().size());

        requestReset(member);
        openResetLink(address, 2);
        pages.enterEmailCode(Mails.code(mails.awaitMail(address, 3)));
        birthdate.enter("19790822");
        newPassword();

        assertEquals(1, members.user(member).getUserSessions().size(), "only the session of the reset remains");
        other.openPortal();
    }
}
