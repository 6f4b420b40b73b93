package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jp.kosmo.keycloak.it.pages.ForgotUserIdPage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.DemoPortal;
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
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** 「ユーザIDを忘れた方はこちら」: the user ID by mail, and the same answer whoever asks. */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class ForgotUserIdIT extends KosmoTestBase {

    private static final String LOGIN_FORM = "kosmo-login-form";
    private static final String SENT = "ご登録のメールアドレスにユーザIDをお送りしました。届かない場合は健康保険組合にお問い合わせください。";
    private static final String TRY_LATER = "お問い合わせが集中しているため、ただいま受け付けできません。しばらく時間をおいてから再度お試しください。";

    private ForgotUserIdEvents events;
    private Map<String, String> shippedSettings;

    @BeforeEach
    void setUp() {
        events = new ForgotUserIdEvents(realm.admin());
        // every request of this class comes from 127.0.0.1: the per-IP limit has its own test
        shippedSettings = members.configureExecution(LOGIN_FORM, Map.of("kosmo.forgot-user-id.per-ip-per-hour", "0"));
    }

    @AfterEach
    void restore() {
        members.configureExecution(LOGIN_FORM, shippedSettings);
    }

    @Test
    @DisplayName("story: login page → 「ユーザIDを忘れた方はこちら」 → address + birthdate → the page's text, one mail with the user ID, its link (the portal) opens the login page")
    void story() {
        String member = members.create("fuid", "1979-08-22", "Kosmo-Pass-2026!");
        String address = member + "@example.com";
        browser.forgetSession();
        browser.openPortal();
        LoginPage login = browser.page(LoginPage.class);
        assertEquals("ユーザIDを忘れた方はこちら", login.forgotUserIdLink());
        login.openForgotUserId();

        ForgotUserIdPage page = browser.page(ForgotUserIdPage.class);
        assertEquals("ユーザIDの確認", page.heading());
        assertEquals("ご登録のメールアドレスと生年月日を入力して「送信」を押してください。ご登録内容と一致した場合、そのメールアドレスにユーザIDをお送りします。",
                page.instruction());
        browser.setWindowWidth(390, 844);
        assertFalse(browser.scrollsHorizontally(), () -> "the page scrolls sideways at 390 px: " + browser.overflowingElements());
        browser.saveScreenshot("forgot-user-id-390.png");
        assertEquals("メールアドレス", page.label("email"));
        assertEquals("生年月日(入力例:19790822)", page.label("birthdate"));
        page.submit(address.toUpperCase(), "１９７９０８２２");
        assertEquals(SENT, page.sentText());
        assertEquals("ログイン画面に戻る", page.backLink());

        MimeMessage mail = mails.awaitMail(address, 1);
        assertEquals("【KOSMO Communication Web】ユーザIDのお知らせ", Mails.subject(mail));
        assertTrue(Mails.text(mail).contains("ユーザID: " + member), Mails.text(mail));
        assertTrue(Mails.html(mail).contains(member), Mails.html(mail));
        assertEquals(DemoPortal.topPage(urls).toString(), Mails.link(mail), "the mail leads back to the portal the member came from");
        assertFalse(Mails.text(mail).contains("19790822") || Mails.text(mail).contains("1979-08-22"));

        EventRepresentation event = events.await(List.of(address), 1).get(0);
        assertEquals("CUSTOM_REQUIRED_ACTION", event.getType());
        assertEquals(members.find(member).getId(), event.getUserId());
        assertEquals("found", event.getDetails().get("reason"));
        assertEquals(address, event.getDetails().get("email"));
        assertNoBirthdate(event);

        page.backToLogin();
        browser.waitForPageId(LoginPage.PAGE_ID);
        browser.driver().get(Mails.link(mail));
        browser.waitForPageId(LoginPage.PAGE_ID);
        assertEquals(1, mails.to(address).size(), "exactly one mail");
    }

    @Test
    @DisplayName("English page and English mail for a member whose browser asks for English")
    void english() {
        String member = members.create("fuid-en", "1985-03-15", "Kosmo-Pass-2026!");
        String address = member + "@example.com";
        browser.forgetSession();
        browser.driver().get(urls.base() + ForgotUserIdClient.PATH + "?client_id=account-console&kc_locale=en");
        ForgotUserIdPage page = browser.page(ForgotUserIdPage.class);
        assertEquals("Find your user ID", page.heading());
        assertEquals("Email address", page.label("email"));
        page.submit(address, "19850315");
        assertEquals("We have sent your user ID to your registered email address. If it does not arrive, please contact your health insurance union.",
                page.sentText());
        MimeMessage mail = mails.awaitMail(address, 1);
        assertEquals("[KOSMO Communication Web] Your user ID", Mails.subject(mail));
        assertTrue(Mails.text(mail).contains("User ID: " + member), Mails.text(mail));
        browser.forgetSession();
    }

    @Test
    @DisplayName("unknown address, wrong birthdate, unverified address: the identical answer (status, body, cookies) and no mail")
    void identicalAnswers() {
        String member = members.create("fuid-same", "1979-08-22", "Kosmo-Pass-2026!");
        String unverified = members.create("fuid-unverified", "1979-08-22", "Kosmo-Pass-2026!",
                u -> { u.setEmail(u.getUsername() + "@example.com"); u.setEmailVerified(false); });
        ForgotUserIdClient client = new ForgotUserIdClient(urls);
        ForgotUserIdClient.Answer opened = client.open();
        assertEquals(200, opened.status());
        assertTrue(opened.setCookies().stream().anyMatch(c -> c.startsWith("KOSMO_FORGOT_USER_ID=") && c.contains("SameSite=Strict")
                && c.contains("HttpOnly")), opened.setCookies().toString());

        ForgotUserIdClient.Answer matching = client.submit(member + "@example.com", "19790822");
        ForgotUserIdClient.Answer unknown = client.submit("nobody-" + member + "@example.com", "19790822");
        ForgotUserIdClient.Answer wrongBirthdate = client.submit(member + "@example.com", "19790823");
        ForgotUserIdClient.Answer notVerified = client.submit(unverified + "@example.com", "19790822");

        assertEquals(200, matching.status());
        assertTrue(matching.text().contains(SENT), matching.text());
        for (ForgotUserIdClient.Answer other : List.of(unknown, wrongBirthdate, notVerified)) {
            assertEquals(matching.status(), other.status());
            assertEquals(matching.body(), other.body());
            assertEquals(matching.setCookies(), other.setCookies());
            assertEquals(matching.headers().get("cache-control"), other.headers().get("cache-control"));
            assertEquals(matching.headers().get("location"), other.headers().get("location"));
        }
        assertEquals(List.of(), matching.setCookies(), "the answer sets no cookie at all");

        List<EventRepresentation> recorded = events.await(List.of(member + "@example.com", "nobody-" + member + "@example.com",
                unverified + "@example.com"), 4);
        assertEquals(java.util.Set.of(
                        member + "@example.com CUSTOM_REQUIRED_ACTION found",
                        member + "@example.com CUSTOM_REQUIRED_ACTION_ERROR birthdate_mismatch",
                        "nobody-" + member + "@example.com CUSTOM_REQUIRED_ACTION_ERROR no_member_with_address",
                        unverified + "@example.com CUSTOM_REQUIRED_ACTION_ERROR address_not_verified"),
                recorded.stream().map(e -> e.getDetails().get("email") + " " + e.getType() + " " + e.getDetails().get("reason"))
                        .collect(java.util.stream.Collectors.toSet()));
        recorded.forEach(ForgotUserIdIT::assertNoBirthdate);

        assertEquals(1, mails.to(member + "@example.com").size(), "one mail, for the matching request only");
        assertEquals(0, mails.to(unverified + "@example.com").size());
        assertEquals(0, mails.to("nobody-" + member + "@example.com").size());
    }

    @Test
    @DisplayName("per-address limit: the same \"try later\" page for a known and an unknown address, and no further mail")
    void perAddressLimit() {
        members.configureExecution(LOGIN_FORM, Map.of("kosmo.forgot-user-id.per-address-per-hour", "2"));
        String member = members.create("fuid-limit", "1979-08-22", "Kosmo-Pass-2026!");
        String known = member + "@example.com";
        String unknown = "nobody-" + member + "@example.com";
        ForgotUserIdClient client = new ForgotUserIdClient(urls);
        client.open();
        for (int i = 0; i < 2; i++) {
            assertTrue(client.submit(known, "19790822").text().contains(SENT));
            assertTrue(client.submit(unknown, "19790822").text().contains(SENT));
        }
        ForgotUserIdClient.Answer knownLimited = client.submit(known, "19790822");
        ForgotUserIdClient.Answer unknownLimited = client.submit(unknown, "19790822");
        assertTrue(knownLimited.text().contains(TRY_LATER), knownLimited.text());
        assertFalse(knownLimited.text().contains(SENT), "no claim that a mail went out");
        assertEquals(knownLimited.status(), unknownLimited.status());
        assertEquals(knownLimited.body(), unknownLimited.body());
        assertEquals(knownLimited.setCookies(), unknownLimited.setCookies());

        List<EventRepresentation> recorded = events.await(List.of(known, unknown), 6);
        List<EventRepresentation> limited = recorded.stream().filter(e -> "slow_down".equals(e.getError())).toList();
        assertEquals(2, limited.size(), recorded::toString);
        assertTrue(limited.stream().allMatch(e -> "address".equals(e.getDetails().get("kosmo_limit"))
                && "rate_limited".equals(e.getDetails().get("reason"))), limited::toString);
        assertEquals(2, mails.to(known).size(), "two mails, none for the limited request");
    }

    @Test
    @DisplayName("per-IP limit: every address gets \"try later\" once the client IP used up its requests")
    void perIpLimit() {
        members.configureExecution(LOGIN_FORM, Map.of("kosmo.forgot-user-id.per-ip-per-hour", "3"));
        ForgotUserIdClient client = new ForgotUserIdClient(urls);
        client.open();
        String answer = "";
        for (int i = 0; i < 4; i++) {
            answer = client.submit("ip-" + i + "-" + System.nanoTime() + "@example.com", "19790822").text();
        }
        assertTrue(answer.contains(TRY_LATER), answer);
    }

    @Test
    @DisplayName("bad input: a message on its field, the input kept, no 500, markup shown as text, no mail and no event")
    void badInput() {
        ForgotUserIdClient client = new ForgotUserIdClient(urls);
        client.open();
        assertFieldErrors(client.submit("", ""), "メールアドレスを入力してください。", "生年月日を入力してください。");
        assertFieldErrors(client.submit("taro@", "19790822"), "メールアドレスの形式が正しくありません(例: taro@example.com)。入力内容をご確認ください。", null);
        assertFieldErrors(client.submit("taro@example.com", "1979082"), null,
                "生年月日は数字8桁(西暦の年4桁・月2桁・日2桁)で入力してください(例:19790822)。");
        assertFieldErrors(client.submit("taro@example.com", "19790230"), null, "存在しない日付です。入力内容をご確認ください。");
        String big = "x".repeat(10 * 1024);
        assertFieldErrors(client.submit(big + "@example.com", big), "メールアドレスが長すぎます。入力内容をご確認ください。",
                "入力が長すぎます。生年月日を数字8桁で入力してください(例:19790822)。");

        String markup = "<script>alert('kosmo')</script>@example.com";
        ForgotUserIdClient.Answer answer = client.submit(markup, "<b>19790822</b>");
        assertEquals(200, answer.status());
        assertFalse(answer.body().contains("<script>alert"), "markup is escaped");
        assertFalse(answer.body().contains("<b>19790822"), "markup is escaped");
        assertTrue(answer.body().contains("&lt;script&gt;alert"), "the input is kept, as text");

        ForgotUserIdClient.Answer kept = client.submit("taro@example.com", "abc");
        assertTrue(kept.body().contains("value=\"taro@example.com\""), "the address typed is kept");

        Members.sleep(1_000);
        assertEquals(List.of(), events.about(List.of("taro@example.com", "<script>alert('kosmo')</script>@example.com")),
                "nothing was looked up");
        assertEquals(0, mails.to("taro@example.com").size());
    }

    @Test
    @DisplayName("a post without the page's token (another site, an old tab) is refused with a message and sends nothing")
    void crossSitePost() {
        String member = members.create("fuid-csrf", "1979-08-22", "Kosmo-Pass-2026!");
        ForgotUserIdClient forger = new ForgotUserIdClient(urls);
        ForgotUserIdClient.Answer noCookie = forger.post(Map.of("email", member + "@example.com", "birthdate", "19790822"));
        assertEquals(200, noCookie.status());
        assertTrue(noCookie.text().contains("画面の有効期限が切れたため受け付けできませんでした。"), noCookie.text());
        assertTrue(noCookie.body().contains("value=\"" + member + "@example.com\""), "what was typed is kept");

        ForgotUserIdClient victim = new ForgotUserIdClient(urls);
        victim.open();
        ForgotUserIdClient.Answer wrongToken = victim.post(Map.of("csrf", "A".repeat(43),
                "email", member + "@example.com", "birthdate", "19790822"));
        assertTrue(wrongToken.text().contains("画面の有効期限が切れたため受け付けできませんでした。"), wrongToken.text());

        Members.sleep(1_000);
        assertEquals(0, mails.to(member + "@example.com").size());
        assertEquals(List.of(), events.about(List.of(member + "@example.com")));
    }

    @Test
    @DisplayName("birthdate not asked (setting off): the form has the address only, and the address alone is enough")
    void addressOnly() {
        members.configureExecution(LOGIN_FORM, Map.of("kosmo.forgot-user-id.birthdate-required", "false"));
        String member = members.create("fuid-addr", "1979-08-22", "Kosmo-Pass-2026!");
        browser.forgetSession();
        browser.driver().get(urls.base() + ForgotUserIdClient.PATH);
        ForgotUserIdPage page = browser.page(ForgotUserIdPage.class);
        assertEquals("ユーザIDの確認", page.heading());
        assertFalse(page.hasBirthdateField());
        page.submit(member + "@example.com", null);
        assertEquals(SENT, page.sentText());
        assertNotNull(mails.awaitMail(member + "@example.com", 1));
    }

    @Test
    @DisplayName("switched off: no link on the login page and the page answers 404")
    void switchedOff() {
        members.configureExecution(LOGIN_FORM, Map.of("kosmo.forgot-user-id.enabled", "false"));
        browser.forgetSession();
        browser.openPortal();
        LoginPage login = browser.page(LoginPage.class);
        browser.waitForPageId(LoginPage.PAGE_ID);
        assertFalse(login.hasForgotUserIdLink());
        assertEquals(404, new ForgotUserIdClient(urls).open().status());
    }

    private static void assertFieldErrors(ForgotUserIdClient.Answer answer, String emailError, String birthdateError) {
        assertEquals(200, answer.status(), answer.text());
        assertFalse(answer.text().contains(SENT), answer.text());
        if (emailError != null) {
            assertTrue(answer.body().contains("id=\"input-error-email\""), answer.text());
            assertTrue(answer.text().contains(emailError), answer.text());
        } else {
            assertFalse(answer.body().contains("id=\"input-error-email\""), answer.text());
        }
        if (birthdateError != null) {
            assertTrue(answer.body().contains("id=\"input-error-birthdate\""), answer.text());
            assertTrue(answer.text().contains(birthdateError), answer.text());
        } else {
            assertFalse(answer.body().contains("id=\"input-error-birthdate\""), answer.text());
        }
    }

    private static void assertNoBirthdate(EventRepresentation event) {
        String details = String.valueOf(event.getDetails());
        assertFalse(details.contains("1979") || details.contains("0822") || details.contains("0823"), details);
    }
}
