package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Where Keycloak asks for a built-in required action by name, the KOSMO realm shows our page once and Keycloak's
 * built-in never a second one; an application-initiated request (the account console's buttons) gets Keycloak's own.
 * Which action a page belongs to is the {@code execution} its form posts to.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class BuiltInRequestsIT extends KosmoTestBase {

    private static final String PASSWORD = "Kosmo-Initial-2026";
    private static final String NEW_PASSWORD = "Sakura-Nagoya-2026";
    private static final Pattern STEP = Pattern.compile("ステップ \\d+ / \\d+");
    private static final By REQUIRED_ACTION_FORM = By.cssSelector("form[action*='/login-actions/required-action']");


    @BeforeEach
    void setUp() {
        browser.forgetSession();
    }

    private void toFirstRequiredAction(String member) {
        firstLogin.throughBirthdate(member, PASSWORD, FirstLogin.BIRTHDATE_TYPED);
    }

    @Test
    @DisplayName("an admin's Configure OTP and Update Password: our pages with the step, full-width digits, each once")
    void adminRequestsGetOurPages() {
        String member = members.create("admin-asks", "1979-08-22", PASSWORD);
        members.update(member, user -> user.setRequiredActions(List.of("CONFIGURE_TOTP", "UPDATE_PASSWORD")));
        toFirstRequiredAction(member);

        browser.waitForPageId(OnboardingPages.TOTP_SETUP);
        assertEquals("kosmo-configure-totp", formExecution());
        assertTrue(STEP.matcher(pages.step()).matches(), pages.step());
        String key = pages.totpKeyFromUnableToScan();
        assertEquals("kosmo-configure-totp", formExecution(), "「スキャンできませんか？」 stays on our page");
        assertTrue(STEP.matcher(pages.step()).matches(), pages.step());
        String code = Totp.code(key, System.currentTimeMillis() / 1000);
        pages.submitTotp(toFullWidth(code.substring(0, 3)) + " " + toFullWidth(code.substring(3)), "phone");
        // the recovery codes the realm offers after an authenticator app, put off
        pages.recoveryCodesLater();

        browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
        assertEquals("kosmo-update-password", formExecution());
        assertTrue(STEP.matcher(pages.step()).matches(), pages.step());
        pages.setNewPassword(NEW_PASSWORD);
        browser.waitForPortal();

        var user = members.find(member);
        assertEquals(List.of(), user.getRequiredActions(), "the built-ins' requests are done too");
        assertEquals(1, members.credentials(member).stream().filter(c -> "otp".equals(c.getType())).count());
    }

    @Test
    @DisplayName("the account console's password update is Keycloak's own page, shown once")
    void accountConsoleUsesTheBuiltIn() {
        String member = members.create("console", "1979-08-22", PASSWORD);
        // a member who signs in without choosing a method, so the console's request is the only one
        members.enableRequiredAction("kosmo-auth-method", false);
        try {
            toFirstRequiredAction(member);
            browser.waitForPortal();

            browser.driver().navigate().to(urls.account() + "account-security/signing-in");
            By update = By.cssSelector("[data-testid='password/credential-list'] [data-testrole='update']");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(update));
            browser.driver().findElement(update).click();

            browser.waitForPageId(OnboardingPages.UPDATE_PASSWORD);
            assertEquals("UPDATE_PASSWORD", formExecution());
            assertEquals("", pages.step(), "no onboarding step on Keycloak's page");
            pages.setNewPassword(NEW_PASSWORD);
            browser.waitForAccountConsole(); // back where the member asked for it
        } finally {
            members.enableRequiredAction("kosmo-auth-method", true);
        }
        assertFalse(members.find(member).getRequiredActions().contains("UPDATE_PASSWORD"));
    }

    /** The required action the page's form posts to (its {@code execution} parameter). */
    private String formExecution() {
        String action = browser.driver().findElement(REQUIRED_ACTION_FORM).getAttribute("action");
        Matcher execution = Pattern.compile("[?&]execution=([^&]+)").matcher(action);
        assertTrue(execution.find(), action);
        return execution.group(1);
    }

    private static String toFullWidth(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) ('０' + (c - '0'))));
        return out.toString();
    }
}
