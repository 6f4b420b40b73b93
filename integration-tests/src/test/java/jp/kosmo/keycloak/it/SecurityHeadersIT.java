package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.ForgotUserIdPage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.pages.VerifiedEmailPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.CspViolations;
import jp.kosmo.keycloak.it.support.ForgotUserIdClient;
import jp.kosmo.keycloak.it.support.HttpBrowser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The realm template's browser security headers (realm-export/kosmo-realm.json, {@code browserSecurityHeaders}):
 * every kind of member page answers with them, our own forgot-user-ID page included, and under them Chromium
 * shows each page of a first login working, without a single Content-Security-Policy violation.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class SecurityHeadersIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String BIRTHDATE = "1979-08-22";
    private static final String TYPED_BIRTHDATE = "19790822";
    private static final String NEW_PASSWORD = "Sakura-Nagoya-2026";
    /** The directives the template adds to or keeps from Keycloak's default policy. */
    private static final Set<String> REQUIRED_CSP = Set.of("frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'");


    @BeforeEach
    void setUp() {
        HttpBrowser.ensureClient(realm.admin());
        browser.forgetSession();
    }

    @Test
    @DisplayName("over HTTP: login, birthdate, terms and email pages, the forgot-user-ID page and its answer, the portal: CSP with frame-ancestors/object-src/base-uri, nosniff, Referrer-Policy")
    void headersOnEveryKindOfPage() {
        // no email on file: after the terms comes 【5】, our second required-action page
        String member = members.create("headers", BIRTHDATE, PASSWORD, user -> { });
        HttpBrowser http = new HttpBrowser(urls, Browser.REALM);

        HttpBrowser.Page page = http.open();
        HttpBrowser.expect(page, LoginPage.PAGE_ID);
        assertBrowserSecurityHeaders("login page", page::header);

        page = http.submit(page, "kc-form-login", Map.of("username", member, "password", PASSWORD));
        HttpBrowser.expect(page, BirthdatePage.PAGE_ID);
        assertBrowserSecurityHeaders("birthdate page", page::header);

        page = http.submit(page, "kc-birthdate-form", Map.of("birthdate", TYPED_BIRTHDATE));
        HttpBrowser.expect(page, TermsPage.PAGE_ID);
        assertBrowserSecurityHeaders("terms page (required action kosmo-terms)", page::header);

        page = http.submit(page, "kc-terms-form", Map.of("accept", ""));
        HttpBrowser.expect(page, VerifiedEmailPage.PAGE_ID);
        assertBrowserSecurityHeaders("email page (required action kosmo-verified-email)", page::header);

        ForgotUserIdClient forgot = new ForgotUserIdClient(urls);
        ForgotUserIdClient.Answer form = forgot.open();
        assertEquals(200, form.status(), form.body());
        assertTrue(form.body().contains("data-page-id=\"" + ForgotUserIdPage.PAGE_ID + "\""), form.text());
        assertBrowserSecurityHeaders("forgot-user-ID page", name -> header(form, name));
        ForgotUserIdClient.Answer sent = forgot.submit("nobody-" + System.nanoTime() + "@example.com", TYPED_BIRTHDATE);
        assertEquals(200, sent.status(), sent.body());
        assertTrue(sent.text().contains("ご登録のメールアドレスにユーザIDをお送りしました。"), sent.text());
        assertBrowserSecurityHeaders("forgot-user-ID answer", name -> header(sent, name));

        HttpBrowser.Page portal = new HttpBrowser(urls, Browser.REALM).get(URI.create(urls.account()));
        assertEquals(200, portal.status(), portal.uri().toString());
        assertBrowserSecurityHeaders("portal (account console)", portal::header);
    }

    @Test
    @DisplayName("in Chromium: login page, forgot-user-ID page, birthdate, terms, method, new password, completion and the portal work with no CSP violation (and a forbidden object and base are reported)")
    void firstLoginWithoutViolations() {
        String member = members.createLetterMember("csp", BIRTHDATE, PASSWORD, "member@kosmo.example");
        LoginPage login = browser.page(LoginPage.class);
        OnboardingPages pages = new OnboardingPages(browser);
        try (CspViolations violations = CspViolations.record(webDriver.driver())) {
            browser.openPortal();
            assertEquals("<日本工営>KOSMO Communication Web(加入者)", login.heading());
            assertEquals("ユーザIDを忘れた方はこちら", login.forgotUserIdLink());
            assertEquals(List.of(), violations.seen(), "login page");

            login.openForgotUserId();
            ForgotUserIdPage forgot = browser.page(ForgotUserIdPage.class);
            assertEquals("ユーザIDの確認", forgot.heading());
            forgot.submit("nobody-" + System.nanoTime() + "@example.com", TYPED_BIRTHDATE);
            assertEquals("ご登録のメールアドレスにユーザIDをお送りしました。届かない場合は健康保険組合にお問い合わせください。",
                    forgot.sentText());
            assertEquals(List.of(), violations.seen(), "forgot-user-ID page and its answer");

            browser.openPortal();
            login.logIn(member, PASSWORD);
            BirthdatePage birthdate = browser.page(BirthdatePage.class);
            assertEquals("生年月日の入力", birthdate.heading());
            birthdate.enter(TYPED_BIRTHDATE);

            TermsPage terms = browser.page(TermsPage.class);
            terms.assertCurrent();
            assertEquals("KOSMO Communication Web 利用規約", terms.heading());
            assertTrue(terms.text().contains("第1条(適用)"), terms.text());
            assertEquals(List.of(), violations.seen(), "birthdate and terms pages");
            terms.accept();

            browser.waitForPageId(OnboardingPages.CHOOSER);
            assertEquals("認証方法を選択します", pages.heading());
            pages.choose("email-otp");

            browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
            assertEquals("新しいパスワードの設定", pages.heading());
            pages.setNewPassword(NEW_PASSWORD);
            browser.waitForPageId(OnboardingPages.COMPLETE);
            assertEquals("初回ログインが完了しました", pages.heading());
            assertEquals(List.of(), violations.seen(), "method, new password and completion pages");
            pages.complete();

            browser.waitForPortal();
            assertTrue(browser.text(By.id("portal-member")).endsWith("様"), "the portal greets the member");
            assertEquals(List.of(), violations.seen(), "portal KOSMO Web");

            // the recorder itself: what the policy forbids is reported on a page of the realm
            browser.forgetSession();
            browser.openPortal();
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "var o = document.createElement('object'); o.data = '/realms/kosmo/.well-known/openid-configuration';"
                            + " document.body.appendChild(o);"
                            + " var b = document.createElement('base'); b.href = 'http://127.0.0.1:1/'; document.head.appendChild(b);");
            violations.awaitViolationOf("object-src");
            List<String> seen = violations.awaitViolationOf("base-uri");
            assertEquals(2, seen.size(), "exactly the two forbidden elements: " + seen);
        }
    }

    private static List<String> header(ForgotUserIdClient.Answer answer, String name) {
        return answer.headers().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    private static void assertBrowserSecurityHeaders(String where, Function<String, List<String>> header) {
        List<String> csp = header.apply("Content-Security-Policy");
        assertEquals(1, csp.size(), where + ": one Content-Security-Policy header, was " + csp);
        Set<String> directives = Arrays.stream(csp.get(0).split(";"))
                .map(String::trim).filter(d -> !d.isEmpty()).collect(Collectors.toSet());
        assertTrue(directives.containsAll(REQUIRED_CSP), where + ": " + csp.get(0));
        assertEquals(List.of("nosniff"), header.apply("X-Content-Type-Options"), where);
        assertEquals(List.of("no-referrer"), header.apply("Referrer-Policy"), where);
        assertEquals(List.of("SAMEORIGIN"), header.apply("X-Frame-Options"), where);
    }
}
