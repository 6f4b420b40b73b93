package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kosmo.keycloak.it.pages.EmailCodePage;
import jp.kosmo.keycloak.it.pages.EmailLinkPage;
import jp.kosmo.keycloak.it.pages.ErrorPage;
import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.VerifiedEmailPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mailbox;
import jp.kosmo.keycloak.it.support.Mailbox.Mail;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.WindowType;

/**
 * 【5】-【7】 The verified-email gate (required action kosmo-verified-email) on the shipped realm: set the address,
 * verify it by the mail's link (in any browser) or code, continue on the original screen.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class VerifiedEmailIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String BIRTHDATE = "1979-08-22";
    private static final String BIRTHDATE_TYPED = "19790822";
    private static final String ACTION = "kosmo-verified-email";
    private static final String COOLDOWN = "kosmo.verified-email.resend-cooldown-seconds";
    private static final String LINK_LIFESPAN = "actionTokenGeneratedByUserLifespan.kosmo-verify-email";
    private static final String VERIFIED_BY = "kosmo_verified_by";
    private static final String UPDATE_PASSWORD_PAGE = "login-login-update-password";

    /** A second browser: another device, such as the member's phone. */
    @InjectWebDriver(ref = "second")
    ManagedWebDriver secondWebDriver;

    private Browser phone;
    private EmailCodePage codePage;
    private Mailbox mailbox;

    @BeforeEach
    void setUp() {
        phone = browserOf(secondWebDriver);
        codePage = browser.page(EmailCodePage.class);
        mailbox = new Mailbox(mailServer);
        browser.forgetSession();
        phone.forgetSession();
        // 【8】 and the pages after it are covered by FirstLoginStoriesIT; here the member goes straight on
        members.enableRequiredAction("kosmo-auth-method", false);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // reaching the page, the one mail

    @Test
    @DisplayName("testuser01 (no email) reaches 【5】 after the birthdate; one Japanese mail with link and code; the code continues to 【9】")
    void demoMemberWithoutEmail() {
        assertNull(members.find("testuser01").getEmail(), "the demo members have no email: the gate is for them");
        VerifiedEmailPage page = firstLogin.untilVerifiedEmail("testuser01", "Kosmo-19790822", BIRTHDATE_TYPED);
        assertEquals("メールアドレスの設定", page.heading());
        assertEquals("アカウントを有効にするにはメールアドレスの設定が必要です。", page.instruction());
        assertEquals("* 必須フィールド", page.requiredFieldsNote());
        assertEquals("メールアドレス *", page.label());
        assertEquals("", page.value());
        assertEquals("全てのデバイスからサインアウトする", page.checkboxLabel());
        assertFalse(page.checkboxSelected());
        assertEquals("実行", page.button());
        // birthdate, terms, email, new password (the chooser is switched off in this class)
        assertEquals("ステップ 3 / 4", browser.text(org.openqa.selenium.By.id("kosmo-step")));

        page.submit("Taro.Kenpo@example.com");
        codePage.assertCurrent();
        assertEquals("ステップ 3 / 4", browser.text(org.openqa.selenium.By.id("kosmo-step")), "both email pages are one step");
        assertEquals("メールアドレスの確認", codePage.heading());
        assertEquals("taro.kenpo@example.com", codePage.address());
        assertEquals("確認コード(数字6桁)", codePage.codeLabel());
        assertEquals("メールを再送信", codePage.resendButton());
        assertTrue(codePage.resendHint().contains("60秒"), codePage.resendHint());
        assertEquals("メールアドレスを変更する", codePage.changeButton());
        assertEquals("次へ", codePage.continueButton());

        UserRepresentation stored = members.find("testuser01");
        assertNull(stored.getEmail(), "the address stays pending in the login until it is verified");

        List<Mail> mails = mailbox.await(1);
        assertEquals(1, mails.size(), "exactly one mail");
        Mail mail = mails.get(0);
        mail.assertSentTo("taro.kenpo@example.com");
        assertEquals("【KOSMO Communication Web】メールアドレスの確認", mail.subject());
        assertEquals("ja", mail.htmlLanguage());
        assertTrue(mail.code().matches("[0-9]{6}"));
        assertTrue(mail.text().contains("次のリンクを開き"), mail.text());
        assertTrue(mail.text().contains("確認コード: " + mail.code()), mail.text());
        assertEquals(mail.link(), mail.htmlLink(), "HTML and text carry the same link");
        assertEquals(mail.code(), mail.htmlCode(), "HTML and text carry the same code");

        codePage.enterCode(mail.code());
        browser.waitForPageId(UPDATE_PASSWORD_PAGE);
        assertTrue(members.find("testuser01").isEmailVerified());
        assertEquals(1, mailbox.count());

        EventRepresentation sent = awaitEvent("testuser01", EventType.SEND_VERIFY_EMAIL, e -> true);
        assertEquals("taro.kenpo@example.com", sent.getDetails().get("email"));
        EventRepresentation verified = awaitEvent("testuser01", EventType.VERIFY_EMAIL, e -> true);
        assertEquals("code", verified.getDetails().get(VERIFIED_BY));
        // one event for the verification: Keycloak's own for the action, named VERIFY_EMAIL, and no generic one beside it
        assertEquals(1, members.events("testuser01", EventType.VERIFY_EMAIL.name()).size());
        assertEquals("kosmo-verified-email", verified.getDetails().get(Details.CUSTOM_REQUIRED_ACTION));
        assertTrue(members.events("testuser01", EventType.CUSTOM_REQUIRED_ACTION.name()).stream()
                .noneMatch(e -> "kosmo-verified-email".equals(e.getDetails().get(Details.CUSTOM_REQUIRED_ACTION))));
    }

    @Test
    @DisplayName("an English member gets the pages and the mail in English")
    void englishMember() {
        String member = members.create("en", BIRTHDATE, PASSWORD, user -> user.getAttributes().put("locale", List.of("en")));
        VerifiedEmailPage page = firstLogin.untilVerifiedEmail(member, PASSWORD, BIRTHDATE_TYPED);
        assertEquals("Set your email address", page.heading());
        assertEquals("To activate your account, please set your email address.", page.instruction());
        assertEquals("Sign out from all devices", page.checkboxLabel());
        page.submit(member + "@example.com");
        codePage.assertCurrent();
        assertEquals("Verify your email address", codePage.heading());
        assertEquals("Resend the mail", codePage.resendButton());

        Mail mail = mailbox.await(1).get(0);
        assertEquals("[KOSMO Communication Web] Verify your email address", mail.subject());
        assertEquals("en", mail.htmlLanguage());
        assertTrue(mail.text().contains("Verification code: " + mail.code()), mail.text());
        assertTrue(mail.text().contains("Open the following link"), mail.text());
        mail.link();

        codePage.enterCode(mail.code());
        browser.waitForPortal();
    }

    @Test
    @DisplayName("a member whose email is already verified never sees the page and gets no mail")
    void verifiedMemberSkipsTheGate() {
        String member = members.create("verified", BIRTHDATE, PASSWORD);
        firstLogin.throughBirthdate(member, PASSWORD, BIRTHDATE_TYPED);
        browser.waitForPortal();
        assertEquals(0, mailbox.count());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the link, in another browser or this one

    @Test
    @DisplayName("link confirmed in a second browser: it says go back, has no session; the first tab, refreshed, continues")
    void linkInAnotherBrowser() {
        String member = memberWithoutEmail("link");
        Mail mail = submitAndReceive(member);

        EmailLinkPage link = phone.page(EmailLinkPage.class);
        link.open(mail.link());
        assertEquals("CONFIRM", link.state());
        assertEquals("メールアドレスの確認", link.heading());
        assertEquals(address(member), link.address());
        assertFalse(members.find(member).isEmailVerified(), "opening the link alone (as a mail scanner does) verifies nothing");

        link.confirm();
        assertEquals("VERIFIED", link.state());
        assertEquals("メールアドレスを確認しました", link.heading());
        assertTrue(link.text().startsWith("メールアドレスの確認が完了しました。元の画面に戻り"), link.text());
        assertFalse(link.hasLinkAway(), "the phone does not continue the login");
        assertTrue(members.find(member).isEmailVerified());
        assertTrue(members.sessions(member).isEmpty(), "the phone got no session");
        assertEquals("link", awaitEvent(member, EventType.VERIFY_EMAIL, e -> true).getDetails().get(VERIFIED_BY));

        phone.openPortal(); // the account page asks the phone to log in

        codePage.refresh();
        browser.waitForPortal();
        assertEquals(1, members.sessions(member).size(), "only the original tab's login made a session");

        link.open(mail.link());
        assertEquals("ALREADY_VERIFIED", link.state(), "a used link shows a clear page");
        assertEquals("確認済みのメールアドレスです", link.heading());
    }

    @Test
    @DisplayName("before the link, refresh keeps 【6】 (no new mail) and 次へ says not yet; after it, 次へ continues")
    void continueButton() {
        String member = memberWithoutEmail("cont");
        Mail mail = submitAndReceive(member);

        codePage.refresh();
        codePage.assertCurrent();
        assertEquals(address(member), codePage.address());
        codePage.continueAfterLink();
        codePage.assertCurrent();
        assertEquals("メールアドレスの確認がまだ完了していません。メールのリンクを開くか、確認コードを入力してください。",
                codePage.alert("warning"));
        assertEquals(1, mailbox.count(), "neither refresh nor 次へ sends a mail");

        EmailLinkPage link = phone.page(EmailLinkPage.class);
        link.open(mail.link());
        link.confirm();
        assertEquals("VERIFIED", link.state());

        codePage.continueAfterLink();
        browser.waitForPortal();
    }

    @Test
    @DisplayName("link opened in a new tab of the same browser: confirmed there, the original tab still continues")
    void linkInSameBrowser() {
        String member = memberWithoutEmail("tab");
        Mail mail = submitAndReceive(member);

        String original = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        EmailLinkPage link = browser.page(EmailLinkPage.class);
        link.open(mail.link());
        assertEquals("CONFIRM", link.state());
        link.confirm();
        assertEquals("VERIFIED", link.state());
        browser.driver().close();
        browser.driver().switchTo().window(original);

        codePage.refresh();
        browser.waitForPortal();
    }

    @Test
    @DisplayName("an expired link shows a clear page and verifies nothing")
    void expiredLink() {
        String member = memberWithoutEmail("exp");
        String previous = members.setRealmAttribute(LINK_LIFESPAN, "1");
        try {
            Mail mail = submitAndReceive(member);
            Instant sent = Instant.now();
            // the link lives 1 s (whole seconds of the server's clock): wait until it is certainly over
            clock.advanceSeconds(3);
            phone.driver().navigate().to(mail.link());
            ErrorPage error = phone.page(ErrorPage.class);
            error.assertCurrent();
            assertEquals("このリンクは有効期限が切れています。お手数ですが、元の画面からもう一度お試しください"
                    + "(メールアドレスの確認では「メールを再送信」を押すと新しいリンクが届きます)。", error.message());
            assertFalse(members.find(member).isEmailVerified());
        } finally {
            members.setRealmAttribute(LINK_LIFESPAN, previous);
        }
        codePage.refresh();
        codePage.assertCurrent();
    }

    @Test
    @DisplayName("「メールアドレスを変更する」: back to 【5】 prefilled; the new address gets a new mail, the old link is stale")
    void changeAddress() {
        String member = memberWithoutEmail("change");
        Mail first = submitAndReceive(member);
        Map<String, String> previous = members.configureRequiredAction(ACTION, Map.of(COOLDOWN, "1"));
        try {
            codePage.changeAddress();
            VerifiedEmailPage page = browser.page(VerifiedEmailPage.class);
            page.assertCurrent();
            assertEquals(address(member), page.value());
            clock.advanceSeconds(2); // the (shortened) cooldown applies to any mail
            page.submit("other-" + address(member));
            codePage.assertCurrent();
            assertEquals("other-" + address(member), codePage.address());
            Mail second = mailbox.await(2).get(1);
            second.assertSentTo("other-" + address(member));
            assertNull(members.find(member).getEmail(), "still pending");

            EmailLinkPage link = phone.page(EmailLinkPage.class);
            link.open(first.link());
            assertEquals("STALE", link.state());
            assertFalse(members.find(member).isEmailVerified());

            codePage.enterCode(second.code());
            browser.waitForPortal();
            assertTrue(members.find(member).isEmailVerified());
            assertEquals("other-" + address(member), members.find(member).getEmail());
        } finally {
            members.restoreRequiredAction(ACTION, previous);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the code

    @Test
    @DisplayName("the code typed with full-width digits and spaces verifies and continues")
    void fullWidthCode() {
        String member = memberWithoutEmail("fw");
        Mail mail = submitAndReceive(member);
        String code = mail.code();
        codePage.enterCode(fullWidth(code.substring(0, 3)) + "　" + fullWidth(code.substring(3)) + " ");
        browser.waitForPortal();
        assertTrue(members.find(member).isEmailVerified());
    }

    @Test
    @DisplayName("a wrong code: message, VERIFY_EMAIL_ERROR, one brute-force failure (otp); the right code still works")
    void wrongCode() {
        String member = memberWithoutEmail("wrong");
        Mail mail = submitAndReceive(member);
        codePage.enterCode(otherCode(mail.code(), 1));
        codePage.assertCurrent();
        assertEquals("確認コードが正しくありません。あと4回入力できます。", codePage.fieldError());
        assertEquals(1, numFailures(members.awaitBruteForceStatus(member, s -> numFailures(s) == 1)));
        assertEquals(Errors.INVALID_CODE, awaitEvent(member, EventType.VERIFY_EMAIL_ERROR, e -> true).getError());
        assertFalse(members.find(member).isEmailVerified());

        clock.advanceSeconds(2); // Keycloak's quick-login check
        codePage.enterCode(mail.code());
        browser.waitForPortal();
    }

    @Test
    @DisplayName("5 wrong codes: the code is dead, a resend is needed; the detector counted 5 and now refuses codes; the link still works")
    void fiveWrongCodes() {
        String member = memberWithoutEmail("five");
        Mail mail = submitAndReceive(member);
        Map<String, String> previous = members.configureRequiredAction(ACTION, Map.of(COOLDOWN, "1"));
        try {
            for (int attempt = 1; attempt <= 5; attempt++) {
                clock.advanceSeconds(2); // slower than Keycloak's quick-login check, as a member types
                codePage.enterCode(otherCode(mail.code(), attempt));
                codePage.assertCurrent();
                if (attempt < 5) {
                    assertEquals("確認コードが正しくありません。あと" + (5 - attempt) + "回入力できます。", codePage.fieldError());
                }
            }
            String dead = "入力の誤りが上限に達したため、この確認コードは使用できなくなりました。「メールを再送信」を押して、新しい確認コードを受け取ってください。";
            assertEquals(dead, codePage.fieldError());
            Map<String, Object> status = members.awaitBruteForceStatus(member, s -> numFailures(s) == 5);
            assertEquals(5, numFailures(status), "every wrong code is a failed login: " + status);

            clock.advanceSeconds(2);
            codePage.enterCode(mail.code());
            assertEquals(dead, codePage.fieldError(), "the right code no longer works either");
            assertFalse(members.find(member).isEmailVerified());
            assertEquals(5, numFailures(members.bruteForceStatus(member)), "a dead code counts nothing more");

            codePage.resend();
            Mail second = mailbox.await(2).get(1);
            assertEquals(5, numFailures(members.bruteForceStatus(member)), "a resend never resets the count");
            codePage.enterCode(second.code());
            assertEquals("入力の誤りが続いたため、一時的に確認コードを受け付けられません。メールのリンクから確認するか、しばらく時間をおいてから再度お試しください。",
                    codePage.alert("danger"));
            assertFalse(members.find(member).isEmailVerified());

            EmailLinkPage link = phone.page(EmailLinkPage.class);
            link.open(second.link());
            link.confirm();
            assertEquals("VERIFIED", link.state());
            codePage.refresh();
            browser.waitForPortal();
        } finally {
            members.restoreRequiredAction(ACTION, previous);
        }
    }

    @Test
    @DisplayName("resend before the cooldown is refused with the seconds left; after it a new mail comes and the old code is dead")
    void resendCooldown() {
        String member = memberWithoutEmail("resend");
        Mail first = submitAndReceive(member);

        codePage.resend();
        codePage.assertCurrent();
        Matcher wait = Pattern.compile("メールは続けて送信できません。あと([0-9]+)秒お待ちください。").matcher(codePage.alert("danger"));
        assertTrue(wait.matches(), codePage.alert("danger"));
        int seconds = Integer.parseInt(wait.group(1));
        assertTrue(seconds > 40 && seconds <= 60, "default cooldown 60 s: " + seconds);
        assertEquals(1, mailbox.count(), "refused: no mail");

        Map<String, String> previous = members.configureRequiredAction(ACTION, Map.of(COOLDOWN, "1"));
        try {
            clock.advanceSeconds(2); // the shortened cooldown has to pass
            codePage.resend();
            codePage.assertCurrent();
            assertEquals(address(member) + " に確認メールを再送信しました。新しいメールの確認コードを入力してください(以前の確認コードは使用できません)。",
                    codePage.alert("success"));
            Mail second = mailbox.await(2).get(1);
            second.assertSentTo(address(member));
            assertEquals(2, mailbox.count());

            if (!first.code().equals(second.code())) { // one chance in a million that the new code is the old one
                codePage.enterCode(first.code());
                assertEquals("確認コードが正しくありません。あと4回入力できます。", codePage.fieldError());
                clock.advanceSeconds(2);
            }
            codePage.enterCode(second.code());
            browser.waitForPortal();
            assertEquals(2, members.events(member, EventType.SEND_VERIFY_EMAIL.name()).size());
        } finally {
            members.restoreRequiredAction(ACTION, previous);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // bad addresses

    static List<Arguments> badAddresses() {
        String local = "a".repeat(64);
        String tooLong = local + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(4) + ".jp";
        return List.of(
                Arguments.of("empty", "", "メールアドレスを入力してください。"),
                Arguments.of("blank", "   ", "メールアドレスを入力してください。"),
                Arguments.of("malformed", "taro.example.com", "メールアドレスが無効です。"),
                Arguments.of("two at signs", "taro@@example.com", "メールアドレスが無効です。"),
                Arguments.of("255 characters", tooLong, "最大の長さは254です。"),
                Arguments.of("markup", "<script>alert(1)</script>@example.com", "メールアドレスが無効です。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAddresses")
    @DisplayName("a bad address: its message on the same page, the typed value kept, nothing saved, no mail")
    void badAddress(String name, String typed, String message) {
        if (name.equals("255 characters")) {
            assertEquals(255, typed.length());
        }
        String member = memberWithoutEmail("bad");
        VerifiedEmailPage page = firstLogin.untilVerifiedEmail(member, PASSWORD, BIRTHDATE_TYPED);
        page.submit(typed, true);

        page.assertCurrent();
        assertTrue(page.fieldError().contains(message), () -> "expected '" + message + "' in '" + page.fieldError() + "'");
        assertEquals(typed, page.value(), "the typed value is kept");
        assertTrue(page.checkboxSelected(), "the checkbox too");
        assertNull(members.find(member).getEmail(), "nothing saved");
        assertEquals(0, mailbox.count());

        page.submit(address(member));
        codePage.assertCurrent();
    }

    @Test
    @DisplayName("an address another member uses (any case): the page of a free address, nothing saved, only a notice to the owner")
    void duplicateAddress() {
        String other = members.create("taken", BIRTHDATE, PASSWORD);
        String taken = members.find(other).getEmail();
        String member = memberWithoutEmail("dup");
        VerifiedEmailPage page = firstLogin.untilVerifiedEmail(member, PASSWORD, BIRTHDATE_TYPED);

        page.submit(taken.toUpperCase());
        codePage.assertCurrent();
        assertEquals(taken, codePage.address());

        assertNull(members.find(member).getEmail(), "nothing saved");
        assertEquals(taken, members.find(other).getEmail());
        List<Mail> mails = mailbox.await(1);
        assertEquals(1, mails.size());
        mails.get(0).assertSentTo(taken);
        assertEquals("【KOSMO Communication Web】メールアドレスの登録が試みられました", mails.get(0).subject());
        assertFalse(mails.get(0).text().matches("(?s).*(?<![0-9])[0-9]{6}(?![0-9]).*"), "no code for the owner");
    }

    @Test
    @DisplayName("mail server down: the code page (no 500), the failure at its next view, nothing saved; once it is back, the resend works")
    void mailServerDown() {
        String member = memberWithoutEmail("smtp");
        VerifiedEmailPage page = firstLogin.untilVerifiedEmail(member, PASSWORD, BIRTHDATE_TYPED);
        Map<String, String> smtp = realm.admin().toRepresentation().getSmtpServer();
        Map<String, String> broken = new HashMap<>(smtp);
        broken.put("port", "1"); // nothing listens there
        setSmtp(broken);
        try {
            page.submit(address(member), true);
            // the mail goes after the answer: the page says it is on its way
            codePage.assertCurrent();
            assertEquals(address(member), codePage.address());
            assertEquals(Errors.EMAIL_SEND_FAILED, awaitEvent(member, EventType.SEND_VERIFY_EMAIL_ERROR, e -> true).getError());
            codePage.refresh();
            assertEquals("確認メールを送信できませんでした。メールアドレスに誤りがないかご確認のうえ、しばらくしてから「メールを再送信」を押してください。",
                    codePage.alert("danger"));
            assertNull(members.find(member).getEmail(), "nothing saved");
        } finally {
            setSmtp(smtp);
        }
        codePage.resend();
        codePage.assertCurrent();
        assertEquals(1, mailbox.await(1).size());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // sign out from all devices

    @Test
    @DisplayName("with 「全てのデバイスからサインアウトする」, the member's session in another browser is gone")
    void signOutAllDevices() {
        String member = members.create("logout", BIRTHDATE, PASSWORD);
        new FirstLogin(phone).throughBirthdate(member, PASSWORD, BIRTHDATE_TYPED);
        phone.waitForPortal();
        assertEquals(1, members.sessions(member).size());

        members.update(member, user -> user.setEmailVerified(false));
        VerifiedEmailPage page = logInAgain(member);
        assertEquals(address(member), page.value(), "prefilled with the address on file");
        page.submit(page.value(), true);
        codePage.assertCurrent();

        assertTrue(members.sessions(member).isEmpty(), "the other browser's session is gone");
        phone.openPortal(); // Keycloak's back-channel logout ended the portal there too: it asks for the login again
        assertEquals(1, mailbox.count());
    }

    @Test
    @DisplayName("without the checkbox, the member's session in another browser stays")
    void keepOtherDevices() {
        String member = members.create("keep", BIRTHDATE, PASSWORD);
        new FirstLogin(phone).throughBirthdate(member, PASSWORD, BIRTHDATE_TYPED);
        phone.waitForPortal();

        members.update(member, user -> user.setEmailVerified(false));
        VerifiedEmailPage page = logInAgain(member);
        page.submit(page.value(), false);
        codePage.assertCurrent();

        assertEquals(1, members.sessions(member).size());
        // still signed in there: the portal, or (the address is unverified again) the gate itself — never the login page
        phone.driver().navigate().to(urls.account());
        new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), java.time.Duration.ofSeconds(20)).until(d ->
                "login-kosmo-verified-email".equals(phone.pageId()) || "login-login".equals(phone.pageId())
                        || (d.getCurrentUrl().startsWith(urls.account()) && phone.pageId() != null
                        && !phone.pageId().startsWith("login-")));
        assertNotEquals("login-login", phone.pageId(), "the other device was signed out");
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("both pages fit a 390 px wide phone, with an error shown")
    void phoneWidth() {
        browser.setWindowWidth(390, 844);
        String member = memberWithoutEmail("narrow");
        VerifiedEmailPage page = firstLogin.untilVerifiedEmail(member, PASSWORD, BIRTHDATE_TYPED);
        page.submit("not-an-address");
        assertFalse(page.fieldError().isEmpty());
        assertFalse(browser.scrollsHorizontally(), () -> "【5】 scrolls sideways at 390 px: " + browser.overflowingElements());
        page.submit("a-rather-long-address-for-a-phone-screen-" + address(member));
        codePage.assertCurrent();
        codePage.enterCode("12");
        assertFalse(codePage.fieldError().isEmpty());
        assertFalse(browser.scrollsHorizontally(), () -> "【6】 scrolls sideways at 390 px: " + browser.overflowingElements());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String memberWithoutEmail(String prefix) {
        return members.create(prefix, BIRTHDATE, PASSWORD, user -> { });
    }

    private static String address(String member) {
        return member + "@example.com";
    }

    /** 【2】-【5】 for a member without email, 実行 with {@code <member>@example.com}, and the one mail. */
    private Mail submitAndReceive(String member) {
        VerifiedEmailPage page = firstLogin.untilVerifiedEmail(member, PASSWORD, BIRTHDATE_TYPED);
        page.submit(address(member));
        codePage.assertCurrent();
        List<Mail> mails = mailbox.await(1);
        assertEquals(1, mails.size());
        return mails.get(0);
    }

    private void setSmtp(Map<String, String> smtp) {
        RealmRepresentation patch = new RealmRepresentation();
        patch.setSmtpServer(smtp);
        realm.admin().update(patch);
    }

    /** A later login of a member who passed the birthdate check once: 【2】, then straight to 【5】. */
    private VerifiedEmailPage logInAgain(String member) {
        browser.forgetSession();
        browser.openPortal();
        browser.page(LoginPage.class).logIn(member, PASSWORD);
        VerifiedEmailPage page = browser.page(VerifiedEmailPage.class);
        page.assertCurrent();
        return page;
    }

    private EventRepresentation awaitEvent(String member, EventType type, Predicate<EventRepresentation> check) {
        Instant until = Instant.now().plusSeconds(10);
        while (true) {
            List<EventRepresentation> events = members.events(member, type.name());
            for (EventRepresentation event : events) {
                if (check.test(event)) {
                    return event;
                }
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no " + type + " event for " + member + " among " + events);
            }
            Members.sleep(200);
        }
    }

    /** A 6-digit code that is not {@code code}, different for each {@code n}. */
    private static String otherCode(String code, int n) {
        int value = (Integer.parseInt(code) + 1000 * n + 7) % 1_000_000;
        String other = String.format("%06d", value);
        assertNotEquals(code, other);
        return other;
    }

    private static String fullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) ('０' + (c - '0'))));
        return out.toString();
    }

    private static int numFailures(Map<String, Object> status) {
        Object value = status.get("numFailures");
        return value == null ? 0 : ((Number) value).intValue();
    }
}
