package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.EmailCodePage;
import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.VerifiedEmailPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.ForgotUserIdClient;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.Totp;
import jp.kosmo.keycloak.it.support.MetricsEndpoint;
import jp.kosmo.keycloak.it.support.MetricsEndpoint.Counter;
import jp.kosmo.keycloak.it.support.MetricsEndpoint.Scrape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmEventsConfigRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Our {@code kosmo_…} counters on Keycloak's management interface ({@code /metrics}, metrics on in
 * {@link KosmoServerConfig}) move by exactly what members do in Chromium: a first login choosing email codes, a
 * later login with a wrong code, the verification of an address with a wrong code, wrong birthdates up to a
 * lockout, forgot-user-ID requests, an admin's reset of the sign-in method. The server and the realm's name are shared with other classes, so every check
 * is a difference between two scrapes. No tag carries a member's user ID or address; a realm that does not list the
 * listener {@code kosmo-metrics} counts nothing.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class MetricsIT extends KosmoTestBase {

    private static final String PASSWORD = "Kosmo-Pass-2026!";
    private static final String BIRTHDATE = "1979-08-22";
    private static final String WRONG_BIRTHDATE = "19790823";
    private static final String REALM = Browser.REALM;
    private static final String LOGIN_FORM = "kosmo-login-form";

    private static final String STEPS = "kosmo_onboarding_steps_total";
    private static final String METHODS = "kosmo_sign_in_methods_chosen_total";
    private static final String MAILS = "kosmo_mails_total";
    private static final String WRONG_CODES = "kosmo_wrong_codes_total";
    private static final String WRONG_BIRTHDATES = "kosmo_wrong_birthdates_total";
    private static final String LOCKOUTS = "kosmo_lockouts_total";
    private static final String FORGOT_USER_ID = "kosmo_forgot_user_id_requests_total";
    private static final String RECOVERIES = "kosmo_recoveries_total";

    private MetricsEndpoint metrics;
    private Map<String, String> shippedLoginForm;

    @BeforeEach
    void setUp() {
        metrics = new MetricsEndpoint(keycloakUrls);
        // every request comes from 127.0.0.1: no per-IP limit; two requests per address and hour
        shippedLoginForm = members.configureExecution(LOGIN_FORM, Map.of(
                "kosmo.forgot-user-id.per-ip-per-hour", "0", "kosmo.forgot-user-id.per-address-per-hour", "2"));
    }

    @AfterEach
    void restore() {
        members.configureExecution(LOGIN_FORM, shippedLoginForm);
    }

    private static Counter counter(String name, String... labels) {
        String[] all = new String[labels.length + 2];
        all[0] = "realm";
        all[1] = REALM;
        System.arraycopy(labels, 0, all, 2, labels.length);
        return Counter.of(name, all);
    }

    /** Waits until every counter moved by at least its amount, then asserts each moved by exactly that. */
    private void assertMoved(Scrape before, Map<Counter, Double> expected) {
        Map<Counter, Double> moved = metrics.awaitMoved(before, expected);
        assertEquals(expected, moved);
    }

    private static Map<Counter, Double> moves(Object... counterAmount) {
        Map<Counter, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < counterAmount.length; i += 2) {
            map.put((Counter) counterAmount[i], ((Number) counterAmount[i + 1]).doubleValue());
        }
        return map;
    }

    private void assertNoMemberData(Scrape scrape, String... memberData) {
        for (String line : scrape.kosmoLines()) {
            for (String data : memberData) {
                assertFalse(line.toLowerCase().contains(data.toLowerCase()), () -> "member data in a metric: " + line);
            }
        }
    }

    @Test
    @DisplayName("a first login choosing email codes, then a later login with one wrong code: the steps, the method, the code mail, the wrong code")
    void firstLoginWithEmailCodes() {
        String member = members.create("metrics-otp", BIRTHDATE, PASSWORD);
        String address = members.find(member).getEmail();
        Scrape before = metrics.scrape();

        firstLogin.choosingEmailCodes(member, PASSWORD);
        assertMoved(before, moves(
                counter(STEPS, "step", "birthdate"), 1,
                counter(STEPS, "step", "terms"), 1,
                counter(STEPS, "step", "email_verified"), 0,
                counter(STEPS, "step", "method_chosen"), 1,
                counter(STEPS, "step", "complete"), 1,
                counter(METHODS, "method", "email_otp", "context", "onboarding"), 1,
                counter(METHODS, "method", "passkey"), 0,
                counter(MAILS, "mail", "email_code"), 0));

        Scrape beforeLater = metrics.scrape();
        firstLogin.laterLogin(member, PASSWORD, OnboardingPages.EMAIL_OTP);
        String code = Mails.code(mails.awaitMail(address, 1));
        pages.enterEmailCode(code.equals("000000") ? "111111" : "000000");
        assertEquals("ワンタイムパスワードが正しくありません。", pages.fieldError("otp"));
        clock.pastQuickLoginCheck();
        pages.enterEmailCode(code);
        browser.waitForPortal();
        assertMoved(beforeLater, moves(
                counter(MAILS, "mail", "email_code", "outcome", "sent"), 1,
                counter(MAILS, "mail", "email_code", "outcome", "failed"), 0,
                counter(WRONG_CODES, "code", "email_otp"), 1,
                counter(STEPS, "step", "birthdate"), 0,
                counter(STEPS, "step", "complete"), 0,
                counter(LOCKOUTS), 0));
        assertNoMemberData(metrics.scrape(), member, address, members.find(member).getId());
    }

    @Test
    @DisplayName("【5】-【7】 the verification mail, a wrong code, the right code: mail sent, wrong code, step email_verified")
    void verifiedEmail() {
        String member = members.create("metrics-mail", BIRTHDATE, PASSWORD, user -> { });
        String address = member + "@example.com";
        Scrape before = metrics.scrape();

        VerifiedEmailPage page = firstLogin.untilVerifiedEmail(member, PASSWORD, FirstLogin.BIRTHDATE_TYPED);
        page.submit(address);
        EmailCodePage codePage = browser.page(EmailCodePage.class);
        codePage.assertCurrent();
        String code = Mails.code(mails.awaitMail(address, 1));
        codePage.enterCode(code.equals("000000") ? "111111" : "000000");
        codePage.assertCurrent();
        clock.pastQuickLoginCheck();
        codePage.enterCode(code);
        browser.waitForPageId(OnboardingPages.CHOOSER);

        assertMoved(before, moves(
                counter(STEPS, "step", "birthdate"), 1,
                counter(STEPS, "step", "terms"), 1,
                counter(STEPS, "step", "email_verified"), 1,
                counter(STEPS, "step", "method_chosen"), 0,
                counter(MAILS, "mail", "verification", "outcome", "sent"), 1,
                counter(MAILS, "mail", "verification", "outcome", "failed"), 0,
                counter(WRONG_CODES, "code", "verification"), 1));
        assertNoMemberData(metrics.scrape(), member, address);
    }

    @Test
    @DisplayName("wrong birthdates at 【3】 until the lockout: five wrong birthdates on page=login, one temporary lockout")
    void wrongBirthdatesUntilLockout() {
        String member = members.create("metrics-lock", BIRTHDATE, PASSWORD);
        Scrape before = metrics.scrape();

        firstLogin.logIn(member, PASSWORD);
        BirthdatePage birthdate = browser.page(BirthdatePage.class);
        for (int i = 1; i <= 5; i++) {
            birthdate.enter(WRONG_BIRTHDATE);
            clock.pastQuickLoginCheck();
        }
        assertTrue(lockouts(member), "the detector locked the member");
        assertMoved(before, moves(
                counter(WRONG_BIRTHDATES, "page", "login"), 5,
                counter(LOCKOUTS, "kind", "temporary"), 1,
                counter(LOCKOUTS, "kind", "permanent"), 0,
                counter(STEPS, "step", "birthdate"), 0));
    }

    private boolean lockouts(String member) {
        return Boolean.TRUE.equals(members.awaitBruteForceStatus(member, s -> Boolean.TRUE.equals(s.get("disabled")))
                .get("disabled"));
    }

    @Test
    @DisplayName("forgot user ID: a wrong birthdate, the right one (mailed), one over the address's limit (rate_limited); the look-up gauge is there")
    void forgotUserId() {
        String member = members.create("metrics-fuid", BIRTHDATE, PASSWORD);
        String address = members.find(member).getEmail();
        ForgotUserIdClient page = new ForgotUserIdClient(urls);
        page.open();
        Scrape before = metrics.scrape();

        page.submit(address, WRONG_BIRTHDATE);
        assertMoved(before, moves(counter(FORGOT_USER_ID, "outcome", "birthdate_mismatch"), 1));
        clock.pastQuickLoginCheck();
        page.submit(address, FirstLogin.BIRTHDATE_TYPED);
        mails.awaitMail(address, 1);
        page.submit(address, FirstLogin.BIRTHDATE_TYPED);

        assertMoved(before, moves(
                counter(FORGOT_USER_ID, "outcome", "birthdate_mismatch"), 1,
                counter(FORGOT_USER_ID, "outcome", "mailed"), 1,
                counter(FORGOT_USER_ID, "outcome", "rate_limited"), 1,
                counter(FORGOT_USER_ID, "outcome", "no_member_with_address"), 0,
                counter(WRONG_BIRTHDATES, "page", "forgot_user_id"), 1,
                counter(MAILS, "mail", "user_id", "outcome", "sent"), 1));
        Scrape after = metrics.scrape();
        assertTrue(after.has("kosmo_forgot_user_id_pending"), "the gauge of this node's look-ups");
        assertTrue(after.sum("kosmo_forgot_user_id_pending") >= 0);
        assertTrue(after.has("kosmo_forgot_user_id_dropped_total"));
        assertNoMemberData(after, member, address);
    }

    @Test
    @DisplayName("an admin's reset of the sign-in method: started and succeeded by admin, the method chosen in a recovery, the notice mail")
    void adminReset() {
        String member = members.create("metrics-reset", BIRTHDATE, PASSWORD);
        firstLogin.choosingEmailCodes(member, PASSWORD);
        members.update(member, u -> u.setRequiredActions(List.of("kosmo-reset-sign-in-method")));
        Scrape before = metrics.scrape();

        firstLogin.logIn(member, PASSWORD);
        browser.page(BirthdatePage.class).enter(FirstLogin.BIRTHDATE_TYPED);
        browser.waitForPageId(OnboardingPages.CHOOSER);
        pages.choose("app-otp");
        String key = pages.totpKeyFromUnableToScan();
        pages.submitTotp(Totp.now(key), "metrics phone");
        // the recovery codes the realm offers after a new app, put off
        pages.recoveryCodesLater();
        browser.waitForPortal();

        assertMoved(before, moves(
                counter(RECOVERIES, "by", "admin", "outcome", "started"), 1,
                counter(RECOVERIES, "by", "admin", "outcome", "succeeded"), 1,
                counter(RECOVERIES, "outcome", "failed"), 0,
                counter(METHODS, "method", "app_otp", "context", "recovery"), 1,
                counter(STEPS, "step", "method_chosen"), 0,
                counter(STEPS, "step", "birthdate"), 0,
                counter(MAILS, "mail", "notice", "outcome", "sent"), 1));
    }

    @Test
    @DisplayName("a realm that does not list kosmo-metrics counts nothing: a first login's birthdate and terms, a forgot-user-ID request")
    void listenerOff() {
        RealmEventsConfigRepresentation events = members.realm().getRealmEventsConfig();
        List<String> shipped = new ArrayList<>(events.getEventsListeners());
        assertTrue(shipped.contains("kosmo-metrics"), "the realm template lists the listener: " + shipped);
        String member = members.create("metrics-off", BIRTHDATE, PASSWORD);
        String address = members.find(member).getEmail();
        events.setEventsListeners(shipped.stream().filter(l -> !l.equals("kosmo-metrics")).toList());
        members.realm().updateRealmEventsConfig(events);
        try {
            Scrape before = metrics.scrape();
            firstLogin.untilChooser(member, PASSWORD);
            ForgotUserIdClient page = new ForgotUserIdClient(urls);
            page.open();
            page.submit(address, FirstLogin.BIRTHDATE_TYPED);
            mails.awaitMail(address, 1);
            // what a listening realm counts after the look-up's commit would be there by now
            Members.sleep(1000);
            Scrape after = metrics.scrape();
            for (String name : List.of(STEPS, MAILS, FORGOT_USER_ID)) {
                assertEquals(before.sum(name, "realm", REALM), after.sum(name, "realm", REALM), name);
            }
        } finally {
            events.setEventsListeners(shipped);
            members.realm().updateRealmEventsConfig(events);
        }
    }
}
