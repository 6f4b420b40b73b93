package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jp.kosmo.keycloak.it.pages.BirthdatePage;
import jp.kosmo.keycloak.it.pages.FirstLogin;
import jp.kosmo.keycloak.it.pages.LoginPage;
import jp.kosmo.keycloak.it.pages.OnboardingPages;
import jp.kosmo.keycloak.it.pages.TermsPage;
import jp.kosmo.keycloak.it.support.AccountCredentials;
import jp.kosmo.keycloak.it.support.Browser;
import jp.kosmo.keycloak.it.support.HttpBrowser;
import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import jp.kosmo.keycloak.it.support.KosmoTestBase;
import jp.kosmo.keycloak.it.support.Mails;
import jp.kosmo.keycloak.it.support.Members;
import jp.kosmo.keycloak.it.support.Passkeys;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16, before the phone is lost: a second passkey (the manual's ★, a phone used from a PC) added the way the
 * account console adds one (application-initiated {@code webauthn-register-passwordless}) and renamed through the
 * account console's REST call; the only passkey removed the way the account console removes one (Keycloak's
 * {@code delete_credential} action with its confirmation page), after which the member is never left with the password
 * alone.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class AccountMethodsIT extends KosmoTestBase {

    private static final String PASSWORD = "Correct-Horse-7";
    private static final String DELETE_CREDENTIAL = "login-delete-credential";


    @BeforeEach
    void setUp() {
        HttpBrowser.ensureClient(realm.admin());
    }

    private List<CredentialRepresentation> passkeys(String member) {
        return members.credentials(member).stream().filter(c -> "webauthn-passwordless".equals(c.getType())).toList();
    }

    @Test
    @DisplayName("a second passkey next to the first, renamed by the member")
    void secondPasskeyRenamed() {
        String member = members.create("two", "1979-08-22", PASSWORD);
        try (Passkeys pc = Passkeys.platformAuthenticator(webDriver.driver())) {
            firstLogin.throughBirthdate(member, PASSWORD, "19790822");
            pages.choose("passkey");
            pages.registerPasskey("PC");
            pages.complete();
            browser.waitForPortal();
        }
        try (Passkeys phone = Passkeys.platformAuthenticator(webDriver.driver())) {
            // the account console's "set up a passkey": Keycloak's own action, asked for by the application
            browser.driver().navigate().to(new HttpBrowser(urls, Browser.REALM).authorizationUrl()
                    + "&kc_action=webauthn-register-passwordless");
            pages.registerPasskey("スマートフォン");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().startsWith(HttpBrowser.CALLBACK));
            assertEquals(1, phone.count());
            List<CredentialRepresentation> two = passkeys(member);
            assertEquals(2, two.size(), "a second passkey next to the first");

            AccountCredentials account = AccountCredentials.of(browser);
            String phoneId = two.stream().filter(c -> "スマートフォン".equals(c.getUserLabel())).findFirst().orElseThrow().getId();
            account.rename(phoneId, "わたしのスマホ");
            assertEquals("わたしのスマホ", passkeys(member).stream().filter(c -> c.getId().equals(phoneId)).findFirst()
                    .orElseThrow().getUserLabel());

        }
    }

    @Test
    @DisplayName("the only passkey removed from the account console: the chooser at once; walked away from, the next login asks for a code by mail first")
    void lastMethodRemoved() {
        String member = members.create("removes", "1979-08-22", PASSWORD);
        String address = members.find(member).getEmail();
        try (Passkeys pc = Passkeys.platformAuthenticator(webDriver.driver())) {
            firstLogin.throughBirthdate(member, PASSWORD, FirstLogin.BIRTHDATE_TYPED);
            pages.choose("passkey");
            pages.registerPasskey("PC");
            pages.complete();
            browser.waitForPortal();
            String passkey = passkeys(member).get(0).getId();

            // the account console's "remove": Keycloak's own action with the credential's id, asked for by the application
            browser.driver().navigate().to(new HttpBrowser(urls, Browser.REALM).authorizationUrl()
                    + "&kc_action=delete_credential:" + passkey);
            browser.waitForPageId(DELETE_CREDENTIAL);
            assertTrue(browser.driver().getTitle().startsWith("認証方法の削除"), browser.driver().getTitle());
            assertTrue(browser.text(By.id("kc-delete-text")).contains("PC"), browser.text(By.id("kc-delete-text")));
            browser.submitWith(By.id("kc-accept"));
            // no method left: the chooser comes at once, in the sitting that proved both factors
            browser.waitForPageId(OnboardingPages.CHOOSER);
            assertEquals(List.of(), passkeys(member), "the passkey is gone");
        }

        // the member walks away from the chooser: the password alone does not get past the next login, which first
        // asks for a code to the verified address, then for a new method
        int before = mails.to(address).size();
        firstLogin.laterLogin(member, PASSWORD, OnboardingPages.EMAIL_OTP);
        pages.enterEmailCode(Mails.code(mails.awaitMail(address, before + 1)));
        browser.waitForPageId(OnboardingPages.CHOOSER);
        pages.choose("email-otp");
        pages.complete();
        browser.waitForPortal();
    }
}
