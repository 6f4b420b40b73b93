package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.EmailCodePage;
import jp.kosmo.keycloak.it.pages.EmailLinkPage;
import jp.kosmo.keycloak.it.pages.ForgotUserIdPage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.RecoveryPage;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.pages.VerifiedEmailPage;
import jp.kosmo.keycloak.it.support.Accessibility;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mailbox;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Passkeys;
import jp.kosmo.keycloak.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * Every page a member sees, audited with axe-core (WCAG 2.2 A/AA, serious and critical findings) at 1280 px and
 * 390 px, with and without an error shown: each story is walked once and each page audited on the way. Each page's
 * title names its step and the service, and no two pages share a title. Field errors must be tied to their field
 * and announced (see {@link Accessibility}).
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class AccessibilityIT extends KosmoTestBase {

    private static final String SERVICE = "KOSMO Communication Web";
    private static final String INITIAL = "Kosmo-19790822";
    private static final String PASSWORD = "Correct-Horse-7";
    private static final String NEW_PASSWORD = "Sakura-Nagoya-2026";

    private BirthdatePage birthdate;
    private Accessibility audit;

    @BeforeEach
    void setUp() {
        birthdate = browser.page(BirthdatePage.class);
        audit = new Accessibility(browser);
        browser.forgetSession();
    }

    @AfterEach
    void report() {
        System.out.println("audited:\n  " + String.join("\n  ", audit.audited().stream().map(Object::toString).toList()));
        assertEquals(List.of(), audit.findings(), () -> "accessibility findings:\n  " + String.join("\n  ", audit.findings()));
        audit.audited().forEach(page -> assertTrue(page.title().endsWith(" | " + SERVICE),
                () -> page + ": the title names the step, then the service"));
        assertEquals(List.of(), audit.sharedTitles(), "two pages with the same title");
    }

    @Test
    @DisplayName("first login without an address: login, birthdate, terms, address, code, link, chooser, TOTP, new password, done; the later login's code page")
    void firstLoginWithAddressAndAppOtp() {
        // as the union's letter creates a member without an address: the verified-email gate 【5】-【7】 comes
        String member = members.create("a11y", "1979-08-22", INITIAL, user -> user.setRequiredActions(List.of("UPDATE_PASSWORD")));
        Mailbox mailbox = new Mailbox(mailServer);

        browser.openPortal();
        audit.audit("login");
        login.logIn(member, "Wrong-Password-1");
        browser.waitForPageId(LoginPage.PAGE_ID);
        audit.audit("login, wrong password");

        login.logIn(member, INITIAL);
        birthdate.assertCurrent();
        audit.audit("birthdate");
        birthdate.enter("19800101");
        birthdate.assertCurrent();
        audit.audit("birthdate, wrong date");
        birthdate.enter("19790822");

        TermsPage terms = browser.page(TermsPage.class);
        terms.assertCurrent();
        audit.audit("terms");
        terms.accept();

        VerifiedEmailPage address = browser.page(VerifiedEmailPage.class);
        address.assertCurrent();
        audit.audit("address");
        address.submit("not-an-address");
        address.assertCurrent();
        audit.audit("address, bad address");
        address.submit(member + "@example.com");

        EmailCodePage code = browser.page(EmailCodePage.class);
        code.assertCurrent();
        audit.audit("address code");
        code.enterCode("000000");
        code.assertCurrent();
        audit.audit("address code, wrong code");

        // the mail's link, in a new tab of the same browser
        String original = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        EmailLinkPage link = browser.page(EmailLinkPage.class);
        link.open(mailbox.await(1).get(0).link());
        audit.audit("link, confirm");
        link.confirm();
        assertEquals("VERIFIED", link.state());
        audit.audit("link, verified");
        browser.driver().close();
        browser.driver().switchTo().window(original);
        code.refresh();

        browser.waitForPageId(OnboardingPages.CHOOSER);
        audit.audit("chooser");
        browser.submitWith(By.id("kc-auth-method-submit"));
        browser.waitForPageId(OnboardingPages.CHOOSER);
        audit.audit("chooser, nothing chosen");
        pages.choose("app-otp");

        browser.waitForPageId(OnboardingPages.TOTP_SETUP);
        audit.audit("TOTP set-up");
        pages.submitTotp("000000", "phone");
        browser.waitForPageId(OnboardingPages.TOTP_SETUP);
        audit.audit("TOTP set-up, wrong code");
        String key = pages.totpKeyFromUnableToScan();
        audit.audit("TOTP set-up, key as text");
        pages.submitTotp(Totp.nextPeriod(key), "phone");

        browser.waitForPageId(OnboardingPages.RECOVERY_CODES);
        audit.audit("recovery codes offered");
        RecoveryPage recovery = new RecoveryPage(browser);
        recovery.saveOnboardingCodes(false);
        browser.waitForPageId(OnboardingPages.RECOVERY_CODES);
        audit.audit("recovery codes, not ticked");
        pages.recoveryCodesLater();

        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        audit.audit("new password");
        browser.driver().findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
        browser.driver().findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD + "x");
        browser.submitWith(By.id("kc-submit"));
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        audit.audit("new password, not the same twice");
        pages.setNewPassword(NEW_PASSWORD);

        browser.waitForPageId(OnboardingPages.COMPLETE);
        audit.audit("done");
        pages.complete();
        browser.waitForPortal();

        browser.forgetSession();
        browser.openPortal();
        login.logIn(member, NEW_PASSWORD);
        browser.waitForPageId(OnboardingPages.OTP_LOGIN);
        audit.audit("later login, app code");
        pages.enterAppCode("000000");
        browser.waitForPageId(OnboardingPages.OTP_LOGIN);
        audit.audit("later login, app code, wrong code");
    }

    @Test
    @DisplayName("email codes, password reset and forgot user ID: the code page, the reset pages, the forgot-user-ID page")
    void emailCodeResetAndForgotUserId() {
        String member = members.create("a11ym", "1979-08-22", PASSWORD);
        String address = members.find(member).getEmail();
        browser.openPortal();
        login.logIn(member, PASSWORD);
        birthdate.enter("19790822");
        browser.page(TermsPage.class).accept();
        pages.choose("email-otp");
        pages.complete();
        browser.waitForPortal();

        browser.forgetSession();
        browser.openPortal();
        login.logIn(member, PASSWORD);
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        audit.audit("later login, mailed code");
        String mailed = Mails.code(mails.awaitMail(address, 1));
        pages.enterEmailCode("000000");
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        audit.audit("later login, mailed code, wrong code");
        pages.enterEmailCode(mailed);
        browser.waitForPortal();

        // 「パスワードを忘れた方はこちら」
        browser.forgetSession();
        browser.openPortal();
        browser.driver().findElement(By.cssSelector("a[href*='login-actions/reset-credentials']")).click();
        browser.waitForPageId("login-login-reset-password");
        audit.audit("reset, user ID");
        browser.submitWith(By.id("kc-form-buttons"));
        browser.waitForPageId("login-login-reset-password");
        audit.audit("reset, user ID, nothing typed");
        browser.driver().findElement(By.id("username")).sendKeys(member);
        browser.submitWith(By.id("kc-form-buttons"));
        browser.waitForPageId(LoginPage.PAGE_ID);
        audit.audit("login, reset mail sent");
        MimeMessage resetMail = mails.awaitMail(address, 2);
        browser.driver().navigate().to(Mails.link(resetMail));
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        pages.enterEmailCode(Mails.code(mails.awaitMail(address, 3)));
        birthdate.assertCurrent();
        audit.audit("reset, birthdate");
        birthdate.enter("19790822");
        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        audit.audit("reset, new password");
        pages.setNewPassword(NEW_PASSWORD);
        browser.waitForPortal();

        // 「ユーザIDを忘れた方はこちら」
        browser.forgetSession();
        browser.openPortal();
        login.openForgotUserId();
        ForgotUserIdPage forgot = browser.page(ForgotUserIdPage.class);
        forgot.heading();
        audit.audit("forgot user ID");
        forgot.submit("not-an-address", "1979");
        forgot.heading();
        audit.audit("forgot user ID, bad input");
        forgot.submit(address, "19790822");
        forgot.heading();
        audit.audit("forgot user ID, sent");
    }

    @Test
    @DisplayName("passkey: the registration page and the later login's passkey page")
    void passkey() {
        String member = members.create("a11yp", "1979-08-22", PASSWORD);
        try (Passkeys phone = Passkeys.platformAuthenticator(webDriver.driver())) {
            browser.openPortal();
            login.logIn(member, PASSWORD);
            birthdate.enter("19790822");
            browser.page(TermsPage.class).accept();
            pages.choose("passkey");
            browser.waitForPageId(OnboardingPages.PASSKEY_REGISTER);
            audit.audit("passkey registration");
            pages.registerPasskey("スマホ");
            pages.complete();
            browser.waitForPortal();

            phone.userVerified(false);
            browser.forgetSession();
            browser.openPortal();
            login.logIn(member, PASSWORD);
            browser.waitForPageId(OnboardingPages.PASSKEY_LOGIN);
            audit.audit("later login, passkey");

            // the phone is lost: the recovery link, a code by mail and the birthdate
            RecoveryPage recovery = new RecoveryPage(browser);
            recovery.start();
            audit.audit("phone recovery, code by mail and birthdate");
            recovery.enterMailCodeAndBirthdate("000000", "19790823");
            browser.waitForPageId(RecoveryPage.PAGE_ID);
            audit.audit("phone recovery, wrong code and birthdate");
        }
    }
}
