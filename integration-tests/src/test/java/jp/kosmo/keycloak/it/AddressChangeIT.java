package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.kosmo.keycloak.it.pages.AccountConsolePage;
import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.EmailCodePage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.pages.UpdateEmailPage;
import jp.kosmo.keycloak.it.pages.VerifiedEmailPage;
import jp.kosmo.keycloak.it.support.AccountApi;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.HttpBrowser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
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

/**
 * An email-code member changes the address in the portal (account console): Keycloak's update-email action with
 * verification of the new address, the old address in force until then, and the notices of
 * {@code kosmo-security-notices} to the old address.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class AddressChangeIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String REQUESTED_SUBJECT = "【KOSMO Communication Web】メールアドレス変更のお申し込みがありました";
    private static final String CHANGED_SUBJECT = "【KOSMO Communication Web】メールアドレスが変更されました";

    private AccountConsolePage console;
    private UpdateEmailPage updateEmail;

    @BeforeEach
    void setUp() {
        console = new AccountConsolePage(browser);
        updateEmail = browser.page(UpdateEmailPage.class);
    }

    @Test
    @DisplayName("address changed in the portal: the next login still needs a code sent to the old address; "
            + "the old address is told, and the change happens only when the new address's link is opened")
    void changeInPortal() {
        String member = members.create("addr", "1979-08-22", PASSWORD);
        String oldAddress = emailCodeMember(member);
        String newAddress = "n" + member + "@example.org";

        // in the portal: the email cannot be typed over, only changed through Keycloak's update-email page
        console.openPersonalInfo();
        assertEquals(oldAddress, console.email());
        assertFalse(console.emailEditable(), "the email field of the personal-info page is read-only");
        assertEquals("メールアドレスの更新", console.updateEmailLabel());
        console.updateEmail();
        assertEquals("メールアドレスの更新", updateEmail.heading());
        updateEmail.submit(newAddress);
        browser.waitForPageId(UpdateEmailPage.INFO_PAGE_ID);
        assertTrue(updateEmail.pageText().contains("確認メールが" + newAddress + "に送信されました。"), updateEmail.pageText());

        MimeMessage confirmation = mails.awaitMail(newAddress, 1);
        MimeMessage requested = awaitSubject(oldAddress, REQUESTED_SUBJECT);
        String requestedText = Mails.text(requested);
        assertTrue(requestedText.contains("n***@example.org"), requestedText);
        assertTrue(requestedText.contains("新しいアドレスに送られたリンクが開かれたときにだけ変更されます"), requestedText);
        assertTrue(requestedText.contains("すぐにパスワードを変更し、健康保険組合にお問い合わせください"), requestedText);
        assertTrue(Mails.html(requested).contains("n***@example.org"), "the HTML part names the masked address too");
        assertNothingOfTheNewAddress(requested, newAddress, confirmation);

        UserRepresentation before = members.find(member);
        assertEquals(oldAddress, before.getEmail(), "the old address stays in force");
        assertTrue(before.isEmailVerified());

        // signed out, the password alone does not get in: a code goes to the old, verified address
        int oldMails = mails.to(oldAddress).size();
        browser.forgetSession();
        browser.openPortal();
        login.logIn(member, PASSWORD);
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        MimeMessage code = mails.awaitMail(oldAddress, oldMails + 1);
        assertEquals(1, mails.to(newAddress).size(), "no code to the new address");
        pages.enterEmailCode(Mails.code(code));

        // past the code, Keycloak asks to finish the change: the new address is pending, not in force
        updateEmail.assertCurrent();
        assertTrue(updateEmail.pageText().contains("確認メールが" + newAddress + "に送信されました。"), updateEmail.pageText());
        assertEquals(oldAddress, members.find(member).getEmail());

        // the link sent to the new address (opened anywhere, e.g. on a phone) makes the change
        browser.forgetSession();
        browser.driver().navigate().to(Mails.link(confirmation));
        browser.waitForPageId(UpdateEmailPage.INFO_PAGE_ID);
        assertTrue(updateEmail.pageText().contains("アカウントのメールアドレスが" + newAddress + "に更新されました。"),
                updateEmail.pageText());
        UserRepresentation after = members.find(member);
        assertEquals(newAddress, after.getEmail());
        assertTrue(after.isEmailVerified(), "the new address is verified by its link");

        MimeMessage changed = awaitSubject(oldAddress, CHANGED_SUBJECT);
        String changedText = Mails.text(changed);
        assertTrue(changedText.contains("変更前: " + oldAddress), changedText);
        assertTrue(changedText.contains("変更後: n***@example.org"), changedText);
        assertNothingOfTheNewAddress(changed, newAddress, confirmation);

        // from now on the codes go to the new address
        int newMails = mails.to(newAddress).size();
        oldMails = mails.to(oldAddress).size();
        browser.forgetSession();
        browser.openPortal();
        login.logIn(member, PASSWORD);
        pages.enterEmailCode(Mails.code(mails.awaitMail(newAddress, newMails + 1)));
        browser.waitForPortal();
        assertEquals(oldMails, mails.to(oldAddress).size(), "nothing more to the old address");
    }

    @Test
    @DisplayName("the account REST API does not take a new email from the member: refused, the address unchanged, no mail")
    void accountApiRefusesEmail() {
        String member = members.create("rest", "1979-08-22", PASSWORD);
        String oldAddress = emailCodeMember(member);
        HttpBrowser.ensureClient(realm.admin());
        AccountApi account = AccountApi.of(browser);
        int mailsBefore = mailServer.getReceivedMessages().length;

        ObjectNode me = account.get();
        assertEquals(oldAddress, me.get("email").asText());
        me.put("email", "attacker-" + member + "@example.org");
        HttpResponse<String> response = account.save(me);

        assertEquals(400, response.statusCode(), response.body());
        UserRepresentation after = members.find(member);
        assertEquals(oldAddress, after.getEmail());
        assertTrue(after.isEmailVerified(), "still verified");
        assertEquals(oldAddress, account.get().get("email").asText());
        assertEquals(mailsBefore, mailServer.getReceivedMessages().length, "no mail sent");
    }

    @Test
    @DisplayName("a first verification at 【5】-【7】 sends no notice, not even to an unverified address on file")
    void firstVerificationIsSilent() {
        String unverified = "typo-" + System.nanoTime() + "@example.org";
        String member = members.create("first", "1979-08-22", PASSWORD, user -> {
            user.setEmail(unverified);
            user.setEmailVerified(false);
        });
        String address = "first-" + member + "@example.org";
        firstLogin.untilVerifiedEmail(member, PASSWORD, FirstLogin.BIRTHDATE_TYPED).submit(address);
        MimeMessage verification = mails.awaitMail(address, 1);
        browser.page(EmailCodePage.class).enterCode(Mails.code(verification));
        browser.waitForPageId(OnboardingPages.CHOOSER);

        UserRepresentation user = members.find(member);
        assertEquals(address, user.getEmail());
        assertTrue(user.isEmailVerified());
        // a notice would go out after the request; the chooser page came after it, so it would be here by now
        assertEquals(List.of(), mails.to(unverified).stream().map(Mails::subject).toList(), "nothing to the unverified address");
        assertEquals(1, mails.to(address).size(), "only the verification mail to the new address");
        assertEquals(1, mailServer.getReceivedMessages().length, "no mail anywhere else");
    }

    /** A member who chose email codes at their first login and is now in the portal; returns their address. */
    private String emailCodeMember(String member) {
        String address = members.find(member).getEmail();
        firstLogin.choosingEmailCodes(member, PASSWORD);
        assertTrue(members.credentials(member).stream().anyMatch(c -> "kosmo-email-otp".equals(c.getType())),
                "the member has the kosmo-email-otp credential");
        return address;
    }

    /** Waits for a mail with this subject at this address. */
    private MimeMessage awaitSubject(String address, String subject) {
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage mail : mails.to(address)) {
                if (subject.equals(Mails.subject(mail))) {
                    return mail;
                }
            }
            Members.sleep(200);
        }
        throw new AssertionError("no mail '" + subject + "' to " + address + "; got "
                + mails.to(address).stream().map(Mails::subject).toList());
    }

    /** A notice names the new address only masked and carries no link or code of the new address's mail. */
    private static void assertNothingOfTheNewAddress(MimeMessage notice, String newAddress, MimeMessage confirmation) {
        String text = Mails.text(notice);
        String html = Mails.html(notice);
        assertFalse(text.contains(newAddress) || html.contains(newAddress), "the new address in full: " + text);
        assertFalse(text.contains("action-token") || html.contains("action-token"), "a link in the notice: " + text);
        assertFalse(text.contains("http") || html.contains("href"), "a link in the notice: " + text);
        String key = Mails.link(confirmation).replaceAll(".*[?&]key=([^&]+).*", "$1");
        assertFalse(text.contains(key) || html.contains(key), "the new address's token in the notice");
    }
}
