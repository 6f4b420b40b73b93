package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** 【8】 The chooser as the admin configures it, and the manual's "enrol at the next login" (【11】). */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class AuthMethodChooserIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String ACTION = "kosmo-auth-method";

    private Map<String, String> originalConfig;

    @BeforeEach
    void setUp() {
        originalConfig = members.configureRequiredAction(ACTION, Map.of());
    }

    @AfterEach
    void restore() {
        members.configureRequiredAction(ACTION, originalConfig);
    }

    private void logInToChooser(String member, boolean birthdate) {
        if (birthdate) {
            firstLogin.untilChooser(member, PASSWORD);
        } else {
            firstLogin.laterLogin(member, PASSWORD, OnboardingPages.CHOOSER);
        }
    }

    @Test
    @DisplayName("offers the manual's three methods, each with its explanation, in Japanese")
    void defaults() {
        logInToChooser(members.create("all", "1979-08-22", PASSWORD), true);
        assertEquals(List.of("passkey", "app-otp", "email-otp"), pages.offeredMethods());
        assertEquals("生体認証", pages.methodLabel("passkey"));
        assertEquals("ワンタイムパスワード認証（アプリ）", pages.methodLabel("app-otp"));
        assertEquals("ワンタイムパスワード認証（メール）", pages.methodLabel("email-otp"));
        browser.setWindowWidth(390, 844);
        assertFalse(browser.scrollsHorizontally(), () -> "chooser scrolls sideways: " + browser.overflowingElements());
    }

    @Test
    @DisplayName("offers only what the admin allows, in the admin's order")
    void configuredOrder() {
        members.configureRequiredAction(ACTION, Map.of("kosmo.auth-method.methods", "email-otp,passkey"));
        logInToChooser(members.create("cfg", "1979-08-22", PASSWORD), true);
        assertEquals(List.of("email-otp", "passkey"), pages.offeredMethods());
    }

    @Test
    @DisplayName("submitting nothing, or a method that is not offered, keeps the member on the page with a message")
    void nothingChosen() {
        members.configureRequiredAction(ACTION, Map.of("kosmo.auth-method.methods", "passkey,app-otp"));
        logInToChooser(members.create("none", "1979-08-22", PASSWORD), true);
        browser.submitWith(org.openqa.selenium.By.id("kc-auth-method-submit"));
        browser.waitForPageId(OnboardingPages.CHOOSER);
        assertEquals("認証方法を選択してください。", pages.fieldError("method"));

        // a forged value for a method the admin switched off
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const r = document.getElementById('kosmo-method-passkey'); r.value = 'email-otp'; r.checked = true;");
        browser.submitWith(org.openqa.selenium.By.id("kc-auth-method-submit"));
        browser.waitForPageId(OnboardingPages.CHOOSER);
        assertEquals("認証方法を選択してください。", pages.fieldError("method"));
    }

    @Test
    @DisplayName("with \"enrol at the next login\" the first sitting ends at the completion page and the next login enrols")
    void enrolAtNextLogin() {
        members.configureRequiredAction(ACTION, Map.of("kosmo.auth-method.enrolment", "next-login"));
        String member = members.create("next", "1979-08-22", PASSWORD);
        logInToChooser(member, true);
        assertEquals("ステップ 3 / 4", pages.step(), "birthdate, terms, method, completion");
        pages.choose("app-otp");

        browser.waitForPageId(OnboardingPages.COMPLETE);
        assertEquals("ステップ 4 / 4", pages.step());
        assertTrue(browser.text(org.openqa.selenium.By.id("kosmo-complete-next-login")).contains("再度ログインしてください"));
        List<EventRepresentation> chosen = members.events(member, EventType.CUSTOM_REQUIRED_ACTION.name()).stream()
                .filter(e -> ACTION.equals(e.getDetails().get(Details.CUSTOM_REQUIRED_ACTION))).toList();
        assertEquals(1, chosen.size(), "one event for one choice: " + chosen);
        assertEquals("app-otp", chosen.get(0).getDetails().get("kosmo_auth_method"));
        assertEquals("next-login", chosen.get(0).getDetails().get("kosmo_enrolment"));
        pages.complete();
        browser.waitForPortal();
        assertEquals("app-otp", members.attribute(member, "kosmoAuthMethodPending"));

        browser.forgetSession();
        browser.openPortal();
        login.logIn(member, PASSWORD);
        browser.waitForPageId(OnboardingPages.TOTP_SETUP);
        assertEquals("ステップ 1 / 2", pages.step(), "the enrolment, then the recovery codes offered after it");
        String key = pages.totpKeyFromUnableToScan();
        pages.submitTotp(Totp.now(key), "Authenticator");
        browser.waitForPageId(OnboardingPages.RECOVERY_CODES);
        assertEquals("ステップ 2 / 2", pages.step());
        pages.recoveryCodesLater();
        browser.waitForPortal();
        assertEquals(null, members.attribute(member, "kosmoAuthMethodPending"));
        assertTrue(members.credentials(member).stream().anyMatch(c -> "otp".equals(c.getType())));
    }

    @Test
    @DisplayName("email codes are not offered to a member without a verified address (realm without the email gate)")
    void noVerifiedEmail() {
        var gate = realm.admin().flows().getRequiredAction("kosmo-verified-email");
        gate.setEnabled(false);
        realm.admin().flows().updateRequiredAction("kosmo-verified-email", gate);
        try {
            String member = members.create("noemail", "1979-08-22", PASSWORD, user -> user.setEmail(null));
            logInToChooser(member, true);
            assertEquals(List.of("passkey", "app-otp"), pages.offeredMethods());
        } finally {
            gate.setEnabled(true);
            realm.admin().flows().updateRequiredAction("kosmo-verified-email", gate);
        }
    }
}
