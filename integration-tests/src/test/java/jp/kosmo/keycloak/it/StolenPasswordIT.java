package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.EmailCodePage;
import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.pages.VerifiedEmailPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 12, as an attacker who has a member's password (or nothing) would try it: the email-code factor fails closed,
 * the address gate neither tells nor squats taken addresses, and restarting logins does not flood a mailbox.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class StolenPasswordIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String BIRTHDATE = "1979-08-22";
    private static final String BIRTHDATE_TYPED = "19790822";
    private static final String EXECUTION = "kosmo-email-otp";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    private Map<String, String> originalConfig;

    @BeforeEach
    void setUp() {
        originalConfig = members.configureExecution(EXECUTION, Map.of());
    }

    @AfterEach
    void restore() {
        members.configureExecution(EXECUTION, originalConfig);
    }

    /** A member who chose email codes at their first login (verified address on file); returns the address. */
    private String emailCodeMember(String member) {
        String address = members.find(member).getEmail();
        firstLogin.choosingEmailCodes(member, PASSWORD);
        return address;
    }

    private void passwordOnly(String member) {
        browser.forgetSession();
        browser.openPortal();
        login.logIn(member, PASSWORD);
    }

    @Test
    @DisplayName("the password alone gets no token through a password grant, not even with the realm's admin-cli client")
    void passwordGrantIsDenied() throws Exception {
        String member = members.create("grant", BIRTHDATE, PASSWORD);
        emailCodeMember(member);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                urls.base() + "/realms/" + Browser.REALM + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli"
                                + "&username=" + member + "&password=" + PASSWORD))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 400 || response.statusCode() == 401, response.statusCode() + " " + response.body());
        assertFalse(response.body().contains("access_token"), response.body());
    }

    @Test
    @DisplayName("an email-code member whose address is no longer verified: the password alone gets nowhere, no mail goes out")
    void unverifiedAddressFailsClosed() {
        String member = members.create("unverified", BIRTHDATE, PASSWORD);
        String address = emailCodeMember(member);
        members.update(member, user -> user.setEmailVerified(false));

        passwordOnly(member);
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        assertEquals("確認済みのメールアドレスが登録されていないため、ワンタイムパスワードを送信できません。"
                + "お手数ですが、健康保険組合にお問い合わせください。", pages.alert());
        assertFalse(browser.isPresent(By.id("otp")), "no code field: there is no way on");
        assertEquals(0, mails.to(address).size(), "no code mailed to an unverified address");
        assertFalse(browser.pageId().equals(VerifiedEmailPage.PAGE_ID), "never 【5】 for an address of the attacker's choice");

        // signing in again changes nothing
        passwordOnly(member);
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        assertFalse(browser.isPresent(By.id("otp")));
        assertEquals(0, mails.to(address).size());
    }

    @Test
    @DisplayName("a member whose only method was removed is asked for a code to the verified address before the chooser")
    void removedMethodNeedsTheMailboxFirst() {
        String member = members.create("removed", BIRTHDATE, PASSWORD);
        String address = emailCodeMember(member);
        for (CredentialRepresentation credential : members.credentials(member)) {
            if (EXECUTION.equals(credential.getType())) {
                members.user(member).removeCredential(credential.getId());
            }
        }

        passwordOnly(member);
        browser.waitForPageId(OnboardingPages.EMAIL_OTP);
        MimeMessage mail = mails.awaitMail(address, 1);
        pages.enterEmailCode(Mails.code(mail));
        browser.waitForPageId(OnboardingPages.CHOOSER);
    }

    @Test
    @DisplayName("restarting the login 10 times sends at most the hourly cap of code mails; the page says when the next can go")
    void restartingTheLoginDoesNotFloodTheMailbox() {
        String member = members.create("flood", BIRTHDATE, PASSWORD);
        String address = emailCodeMember(member);
        members.configureExecution(EXECUTION, Map.of(
                "kosmo.email-otp.resend-cooldown-seconds", "1",
                "kosmo.email-otp.max-sends", "3"));

        String lastAlert = "";
        for (int attempt = 1; attempt <= 10; attempt++) {
            passwordOnly(member);
            browser.waitForPageId(OnboardingPages.EMAIL_OTP);
            clock.pastQuickLoginCheck();
            pages.resendEmailCode();
            browser.waitForPageId(OnboardingPages.EMAIL_OTP);
            lastAlert = pages.alert();
        }
        mails.awaitMail(address, 3); // mails go after the page has answered
        assertEquals(3, mails.to(address).size(), "the hourly cap per member holds across 10 logins");
        assertTrue(lastAlert.matches("1時間あたりの送信回数の上限に達しました。次のワンタイムパスワードは約[0-9]+分後に送信できます。"),
                lastAlert);

        // the code of the last mail still works in yet another login
        String code = Mails.code(mails.to(address).get(2));
        passwordOnly(member);
        pages.enterEmailCode(code);
        browser.waitForPortal();
    }

    @Test
    @DisplayName("a newcomer typing another member's address at 【5】 sees the page of a free address; the owner is told, nobody gets a code")
    void takenAddressLooksFree() {
        String owner = members.create("owner", BIRTHDATE, PASSWORD);
        String ownerAddress = members.find(owner).getEmail();
        String freeAddress = "free-" + System.nanoTime() + "@example.org";
        String freeNewcomer = members.create("newfree", BIRTHDATE, PASSWORD, user -> { });
        String squatter = members.create("squat", BIRTHDATE, PASSWORD, user -> { });

        Seen free = submitAtGate(freeNewcomer, freeAddress);
        Seen taken = submitAtGate(squatter, ownerAddress);

        assertEquals(free.status(), taken.status(), "status");
        assertEquals(free.text(), taken.text(), "visible text, the address masked");
        assertEquals(free.cookies(), taken.cookies(), "cookie names");
        assertEquals(EmailCodePage.PAGE_ID, taken.pageId());

        assertNull(members.find(squatter).getEmail(), "nothing is written on the newcomer before verification");
        assertNull(members.find(freeNewcomer).getEmail(), "not even for a free address");
        assertEquals(ownerAddress, members.find(owner).getEmail());

        MimeMessage verification = mails.awaitMail(freeAddress, 1);
        assertTrue(SIX_DIGITS.matcher(Mails.text(verification)).find(), "the free address got its code");
        MimeMessage notice = mails.awaitMail(ownerAddress, 1);
        assertEquals("【KOSMO Communication Web】メールアドレスの登録が試みられました", Mails.subject(notice));
        assertFalse(SIX_DIGITS.matcher(Mails.text(notice)).find(), "no code in the notice: " + Mails.text(notice));
        assertFalse(Mails.text(notice).contains("action-token"), "no link in the notice");
        assertEquals(1, mails.to(ownerAddress).size(), "the owner got the notice only");

        // whatever the squatter types, the address never becomes theirs
        browser.page(EmailCodePage.class).enterCode("123456");
        assertNull(members.find(squatter).getEmail());
    }

    /** What a browser sees after 実行 at 【5】: status, visible text (address and user ID masked), cookie names. */
    private record Seen(long status, String text, Set<String> cookies, String pageId) {
    }

    private Seen submitAtGate(String member, String address) {
        VerifiedEmailPage gate = firstLogin.untilVerifiedEmail(member, PASSWORD, BIRTHDATE_TYPED);
        gate.submit(address);
        browser.waitForPageId(EmailCodePage.PAGE_ID);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long status = ((Number) js.executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus || 0;")).longValue();
        String text = ((String) js.executeScript("return document.body.innerText;"))
                .replace(address, "ADDRESS").replace(member, "MEMBER");
        Set<String> cookies = new TreeSet<>();
        for (Cookie cookie : browser.driver().manage().getCookies()) {
            cookies.add(cookie.getName());
        }
        return new Seen(status, text, cookies, browser.pageId());
    }
}
