package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoUrls;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.server.KeycloakUrls;
import jp.kosmo.keycloak.it.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.config.Config;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Our jars on the server change nothing for a realm that does not use our providers: a stock realm created here
 * (default theme, default browser flow, OTP and passkeys on) shows Keycloak's own login form, update-password, TOTP
 * set-up and OTP pages, and the admin console's login in master works.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class StockRealmIT {

    static final String REALM = "stock";
    static final String USER = "stockuser";
    static final String TEMPORARY = "Stock-Temporary-2026";
    static final String NEW_PASSWORD = "Stock-Changed-2026";

    /** Keycloak's keycloak.v2 login theme serves its styles from here; ours would be /login/kosmo/. */
    static final By KEYCLOAK_V2_STYLES = By.cssSelector("link[rel='stylesheet'][href*='/login/keycloak.v2/']");
    static final By STEP_INDICATOR = By.id("kosmo-step");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** A realm as an admin creates it: no theme, flows or required actions chosen; passkeys switched on. */
    static final class StockRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name(REALM).webAuthnPolicyPasswordlessPasskeysEnabled(true);
        }
    }

    @InjectRealm(ref = REALM, config = StockRealm.class)
    ManagedRealm stock;

    @InjectWebDriver
    ManagedWebDriver webDriver;

    @InjectKeycloakUrls
    KeycloakUrls keycloakUrls;

    private Browser browser;
    private KosmoUrls urls;

    @BeforeEach
    void setUp() {
        urls = new KosmoUrls(keycloakUrls);
        browser = new Browser(webDriver, urls);
        browser.setWindowWidth(1280, 1000);
        forgetSessions();
    }

    @AfterEach
    void forget() {
        forgetSessions();
    }

    /** Keycloak's cookies are per realm path: forget those of the stock realm, of master and of kosmo. */
    private void forgetSessions() {
        for (String realm : List.of(REALM, "master")) {
            String neutral = urls.realm(realm) + "/.well-known/openid-configuration";
            new WebDriverWait(browser.driver(), TIMEOUT)
                    .withMessage(() -> "cookies of " + realm + " keep coming back: " + browser.driver().manage().getCookies())
                    .until(d -> {
                        d.navigate().to(neutral);
                        d.manage().deleteAllCookies();
                        d.navigate().to(neutral);
                        return d.manage().getCookies().isEmpty();
                    });
        }
        browser.forgetSession();
    }

    @Test
    @DisplayName("the stock realm has Keycloak's own flows and required actions, none of ours")
    void stockConfiguration() {
        var realm = stock.admin().toRepresentation();
        assertEquals("browser", realm.getBrowserFlow());
        var actions = stock.admin().flows().getRequiredActions().stream().map(a -> a.getProviderId()).toList();
        assertTrue(actions.containsAll(List.of("CONFIGURE_TOTP", "UPDATE_PASSWORD", "webauthn-register-passwordless")),
                actions::toString);
        assertTrue(actions.stream().noneMatch(a -> a.startsWith("kosmo-")), actions::toString);
        var authenticators = stock.admin().flows().getExecutions("browser").stream()
                .map(e -> String.valueOf(e.getProviderId())).toList();
        assertTrue(authenticators.containsAll(List.of("auth-username-password-form", "auth-otp-form")), authenticators::toString);
        assertTrue(authenticators.stream().noneMatch(a -> a.startsWith("kosmo-")), authenticators::toString);
    }

    @Test
    @DisplayName("login form, update-password, TOTP set-up and OTP form are Keycloak's own pages, and the flow completes")
    void keycloakPagesInTheStockRealm() {
        createUserWithTemporaryPasswordAndOtpRequired();

        browser.driver().navigate().to(urls.account(REALM));
        assertKeycloakPage("login-login", "Sign in to your account");
        assertEquals("Sign in with Passkey", browser.text(By.id("authenticateWebAuthnButton")),
                "Keycloak's passkey sign-in on its own login form");
        assertFalse(browser.isPresent(By.id("kc-forgot-user-id")), "no forgot-user-ID link");
        logIn(USER, TEMPORARY);

        // Keycloak asks for both required actions, in its own order; each page once, each Keycloak's own
        List<String> seen = new ArrayList<>();
        String key = null;
        while (seen.size() < 2) {
            String page = awaitOneOf("login-login-config-totp", "login-login-update-password");
            assertFalse(seen.contains(page), () -> page + " shown a second time after " + seen);
            seen.add(page);
            if (page.equals("login-login-config-totp")) {
                assertKeycloakPage(page, "Mobile Authenticator Setup");
                browser.submitWith(By.id("mode-manual"));
                assertKeycloakPage(page, "Mobile Authenticator Setup");
                key = browser.text(By.id("kc-totp-secret-key"));
                browser.driver().findElement(By.id("totp")).sendKeys(Totp.code(key, now()));
                browser.driver().findElement(By.id("userLabel")).sendKeys("phone");
                browser.submitWith(By.id("saveTOTPBtn"));
            } else {
                assertKeycloakPage(page, "Update password");
                browser.driver().findElement(By.id("password-new")).sendKeys(NEW_PASSWORD);
                browser.driver().findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
                browser.submitWith(By.id("kc-submit"));
            }
        }
        waitForStockAccountConsole();
        UserRepresentation user = stock.admin().users().search(USER, true).get(0);
        assertEquals(List.of(), user.getRequiredActions());
        assertTrue(stock.admin().users().get(user.getId()).credentials().stream().anyMatch(c -> "otp".equals(c.getType())));

        // a later login: Keycloak's login form, then Keycloak's OTP form
        forgetSessions();
        browser.driver().navigate().to(urls.account(REALM));
        assertKeycloakPage("login-login", "Sign in to your account");
        logIn(USER, NEW_PASSWORD);
        assertKeycloakPage("login-login-otp", "Sign In");
        assertEquals("One-time code", browser.text(By.cssSelector("label[for='otp']")));
        // the next period's code: not the one used at set-up (codes are single use), within Keycloak's look-ahead
        browser.driver().findElement(By.id("otp")).sendKeys(Totp.code(key, now() + 30));
        browser.submitWith(By.id("kc-login"));
        waitForStockAccountConsole();
    }

    @Test
    @DisplayName("the admin console's login in master works: Keycloak's login page, then the console")
    void adminConsoleLogin() {
        browser.driver().navigate().to(urls.adminConsole());
        assertKeycloakPage("login-login", "Sign in to your account");
        assertTrue(browser.driver().getCurrentUrl().startsWith(urls.realm("master") + "/"),
                browser.driver()::getCurrentUrl);
        logIn(Config.getAdminUsername(), Config.getAdminPassword());
        new WebDriverWait(browser.driver(), TIMEOUT)
                .withMessage(() -> "expected the admin console at " + browser.driver().getCurrentUrl() + " (page " + browser.pageId() + ")")
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='welcomeTitle']")));
        assertTrue(browser.driver().getCurrentUrl().startsWith(urls.base() + "/admin/master/console"),
                browser.driver()::getCurrentUrl);
        assertEquals("Keycloak Administration Console", browser.driver().getTitle());
    }

    private void createUserWithTemporaryPasswordAndOtpRequired() {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(USER);
        user.setEnabled(true);
        user.setEmail(USER + "@example.com");
        user.setEmailVerified(true);
        user.setFirstName("Stock");
        user.setLastName("User");
        user.setRequiredActions(List.of("CONFIGURE_TOTP"));
        String id;
        try (Response response = stock.admin().users().create(user)) {
            assertEquals(201, response.getStatus());
            id = response.getLocation().getPath().replaceAll(".*/", "");
        }
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(TEMPORARY);
        password.setTemporary(true);
        stock.admin().users().get(id).resetPassword(password);
        assertTrue(stock.admin().users().get(id).toRepresentation().getRequiredActions()
                .containsAll(List.of("CONFIGURE_TOTP", "UPDATE_PASSWORD")), "a temporary password sets UPDATE_PASSWORD");
    }

    private void logIn(String username, String password) {
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.submitWith(By.id("kc-login"));
    }

    /**
     * A page of Keycloak's own login theme: its page id and heading, its stylesheets, no step indicator and no
     * text or resource of ours anywhere in the page.
     */
    private void assertKeycloakPage(String pageId, String heading) {
        browser.waitForPageId(pageId);
        assertEquals(heading, browser.text(By.id("kc-page-title")), pageId);
        assertTrue(browser.isPresent(KEYCLOAK_V2_STYLES), pageId + " uses keycloak.v2's styles");
        assertFalse(browser.isPresent(STEP_INDICATOR), pageId + " has no step indicator");
        String source = browser.driver().getPageSource().toLowerCase(Locale.ROOT);
        assertFalse(source.contains("kosmo"), pageId + " mentions nothing of ours");
        assertFalse(source.contains("ステップ"), pageId + " has no step text");
    }

    private String awaitOneOf(String... pageIds) {
        List<String> wanted = List.of(pageIds);
        new WebDriverWait(browser.driver(), TIMEOUT)
                .withMessage(() -> "expected one of " + wanted + " but was " + browser.pageId() + " at " + browser.driver().getCurrentUrl())
                .until(d -> wanted.contains(browser.pageId()));
        return browser.pageId();
    }

    private void waitForStockAccountConsole() {
        new WebDriverWait(browser.driver(), TIMEOUT)
                .withMessage(() -> "expected the stock realm's account console but was page " + browser.pageId()
                        + " at " + browser.driver().getCurrentUrl())
                .until(d -> {
                    String url = d.getCurrentUrl();
                    String page = browser.pageId();
                    return url.startsWith(urls.account(REALM)) && !url.contains("/protocol/") && !url.contains("/login-actions/")
                            && (page == null || !page.startsWith("login-"));
                });
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
