package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Members;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.events.EventType;
import org.keycloak.events.Errors;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** 【3】 The birthdate check (authenticator kosmo-birthdate) in the shipped "kosmo browser" flow. */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class BirthdateCheckIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String BIRTHDATE = "1979-08-22";

    private BirthdatePage birthdate;

    @BeforeEach
    void setUp() {
        birthdate = browser.page(BirthdatePage.class);
        browser.forgetSession();
    }


    private void logInAs(String username, String password) {
        browser.forgetSession();
        browser.openPortal();
        login.logIn(username, password);
    }

    @Test
    @DisplayName("testuser01 with the initial password from the letter reaches the birthdate page of 【3】")
    void letterMember() {
        logInAs("testuser01", "Kosmo-19790822");
        birthdate.assertCurrent();
        assertEquals("生年月日の入力", birthdate.heading());
        assertEquals("本人確認のため生年月日での認証が必要です。生年月日を数字8桁で入力して下さい。", birthdate.instruction());
        assertEquals("生年月日(入力例:19790822)", birthdate.label());
        assertEquals("YYYYMMDD", birthdate.placeholder());
        assertEquals("実行", birthdate.button());

        birthdate.enter("19790822");
        browser.waitForPastBirthdate();
        assertNotNull(members.attribute("testuser01", "kosmoBirthdateVerifiedAt"));
    }

    @Test
    @DisplayName("half-width digits continue to the next step and the time of passing is kept for admins")
    void halfWidth() {
        String member = members.create("half", BIRTHDATE, PASSWORD);
        Instant before = Instant.now().minusSeconds(5);
        logInAs(member, PASSWORD);
        birthdate.enter("19790822");
        browser.waitForPastBirthdate();

        String verifiedAt = members.attribute(member, "kosmoBirthdateVerifiedAt");
        assertNotNull(verifiedAt, "admins see when the member passed");
        assertTrue(Instant.parse(verifiedAt).isAfter(before), verifiedAt);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"１９７９０８２２", "1979/08/22", "1979-08-22", "１９７９ ０８ ２２"})
    @DisplayName("full-width digits, slashes, hyphens and spaces are accepted")
    void normalised(String typed) {
        String member = members.create("norm", BIRTHDATE, PASSWORD);
        logInAs(member, PASSWORD);
        birthdate.enter(typed);
        browser.waitForPastBirthdate();
    }

    @Test
    @DisplayName("a wrong birthdate: message on the same page, INVALID_USER_CREDENTIALS event, one brute-force failure")
    void wrongBirthdate() {
        String member = members.create("wrong", BIRTHDATE, PASSWORD);
        logInAs(member, PASSWORD);
        birthdate.enter("19790823");

        birthdate.assertCurrent();
        assertEquals("生年月日が登録内容と一致しません。入力内容をご確認ください。", birthdate.fieldError());
        assertEquals("", birthdate.value(), "the wrong secret is not echoed back");
        Map<String, Object> status = members.awaitBruteForceStatus(member, s -> numFailures(s) == 1);
        assertEquals(1, numFailures(status));
        assertTrue(members.events(member, EventType.LOGIN_ERROR.name()).stream()
                .map(EventRepresentation::getError).anyMatch(Errors.INVALID_USER_CREDENTIALS::equals));

        // more than a second later (Keycloak's quick-login check), the right birthdate still gets through
        clock.advanceSeconds(2);
        birthdate.enter("19790822");
        browser.waitForPastBirthdate();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                | 生年月日を入力してください。",
            "1979082           | 生年月日は数字8桁(西暦の年4桁・月2桁・日2桁)で入力してください(例:19790822)。",
            "19790822a         | 生年月日は数字のみで入力してください(例:19790822)。",
            "<b>19790822</b>   | 生年月日は数字のみで入力してください(例:19790822)。",
            "20230230          | 存在しない日付です。入力内容をご確認ください。",
            "20991231          | 未来の日付は入力できません。入力内容をご確認ください。",
            "18000101          | 年が正しくありません。西暦4桁で入力してください(例:1979)。",
            "19790822123456789012345678901234567890123456789012345678901234567890 | 入力が長すぎます。生年月日を数字8桁で入力してください(例:19790822)。"})
    @DisplayName("bad input gets its own message on the same page and does not count toward lockout")
    void badInput(String typed, String message) {
        String member = members.create("bad", BIRTHDATE, PASSWORD);
        logInAs(member, PASSWORD);
        birthdate.enter(typed);

        birthdate.assertCurrent();
        assertEquals(message, birthdate.fieldError());
        assertEquals(0, numFailures(members.bruteForceStatus(member)));
        assertTrue(members.events(member, EventType.LOGIN_ERROR.name()).isEmpty(), "no failed login recorded");

        birthdate.enter("19790822");
        browser.waitForPastBirthdate();
        assertEquals(0, numFailures(members.bruteForceStatus(member)));
    }

    @Test
    @DisplayName("5 wrong birthdates lock the member; the right one no longer gets through until an admin unlocks")
    void lockout() {
        String member = members.create("lock", BIRTHDATE, PASSWORD);
        logInAs(member, PASSWORD);
        for (int attempt = 1; attempt <= 5; attempt++) {
            // slower than Keycloak's quick-login check (1 s), as a member would type
            clock.advanceSeconds(2);
            birthdate.enter("1979010" + attempt);
            birthdate.assertCurrent();
        }
        Map<String, Object> status = members.awaitBruteForceStatus(member, s -> Boolean.TRUE.equals(s.get("disabled")));
        assertEquals(Boolean.TRUE, status.get("disabled"), "admin API shows the member locked: " + status);
        assertEquals(5, numFailures(status));

        birthdate.enter("19790822");
        birthdate.assertCurrent();
        assertEquals("入力の誤りが続いたため、一時的にログインできなくなっています。しばらく時間をおいてから再度お試しください。",
                birthdate.alert());
        assertNull(members.attribute(member, "kosmoBirthdateVerifiedAt"));

        members.unlock(member);
        members.awaitBruteForceStatus(member, s -> !Boolean.TRUE.equals(s.get("disabled")));
        logInAs(member, PASSWORD);
        birthdate.enter("19790822");
        browser.waitForPastBirthdate();
    }

    @Test
    @DisplayName("after one pass the next login skips the page; with \"every login\" it asks again")
    void askUntilPassedOrEveryLogin() {
        String member = members.create("again", BIRTHDATE, PASSWORD);
        logInAs(member, PASSWORD);
        birthdate.enter("19790822");
        browser.waitForPastBirthdate();

        logInAs(member, PASSWORD);
        browser.waitForPastBirthdate();
        assertFalse(BirthdatePage.PAGE_ID.equals(browser.pageId()), "asked again although passed once");

        Map<String, String> previous = members.configureBirthdate(Map.of("kosmo.birthdate.ask", "every-login"));
        try {
            logInAs(member, PASSWORD);
            birthdate.assertCurrent();
            birthdate.enter("19790822");
            browser.waitForPastBirthdate();
        } finally {
            members.configureBirthdate(previous);
        }
    }

    @Test
    @DisplayName("a member with no birthdate on file is stopped by default, and let through when configured")
    void missingBirthdate() {
        String member = members.create("nobd", null, PASSWORD);
        logInAs(member, PASSWORD);
        birthdate.assertCurrent();
        assertFalse(birthdate.hasForm());
        assertEquals("生年月日が登録されていないため本人確認ができません。お手数ですが健康保険組合にお問い合わせください。",
                birthdate.alert());
        browser.driver().navigate().refresh();
        birthdate.assertCurrent();
        assertFalse(birthdate.hasForm(), "refreshing does not get past the page");

        Map<String, String> previous = members.configureBirthdate(Map.of("kosmo.birthdate.missing", "allow"));
        try {
            logInAs(member, PASSWORD);
            browser.waitForPastBirthdate();
        } finally {
            members.configureBirthdate(previous);
        }
    }

    @Test
    @DisplayName("the page is in English for a member who chose English")
    void english() {
        String member = members.create("en", BIRTHDATE, PASSWORD);
        browser.forgetSession();
        browser.openPortal();
        login.selectLanguage("en");
        login.logIn(member, PASSWORD);
        birthdate.assertCurrent();
        assertEquals("Enter your birthdate", birthdate.heading());
        assertEquals("Birthdate (example: 19790822)", birthdate.label());
        birthdate.enter("1979-13-01");
        assertEquals("That date does not exist. Please check what you entered.", birthdate.fieldError());
    }

    @Test
    @DisplayName("fits a 390 px wide phone, with an error shown")
    void phone() {
        String member = members.create("phone", BIRTHDATE, PASSWORD);
        browser.setWindowWidth(390, 844);
        logInAs(member, PASSWORD);
        birthdate.enter("2023");
        assertFalse(birthdate.fieldError().isEmpty());
        assertFalse(browser.scrollsHorizontally(), () -> "the birthdate page scrolls sideways at 390 px: " + browser.overflowingElements());
    }

    private static int numFailures(Map<String, Object> status) {
        Object value = status.get("numFailures");
        return value == null ? 0 : ((Number) value).intValue();
    }

}
